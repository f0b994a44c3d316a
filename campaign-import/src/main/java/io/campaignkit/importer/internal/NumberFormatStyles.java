package io.campaignkit.importer.internal;

import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellBorder;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellFill;

/**
 * A workbook's styles as the sheet reader needs them: each cell style's number format, looked up
 * once per style instead of once per cell (POI builds a new style object, and looks its format up
 * through XMLBeans, for every numeric cell). Read-only.
 */
final class NumberFormatStyles implements Styles {

    private final StylesTable table;
    private final XSSFCellStyle[] styles;

    NumberFormatStyles(StylesTable table) {
        this.table = table;
        this.styles = new XSSFCellStyle[table.getNumCellStyles()];
    }

    @Override
    public XSSFCellStyle getStyleAt(int index) {
        if (index < 0 || index >= styles.length) {
            return table.getStyleAt(index);
        }
        XSSFCellStyle style = styles[index];
        if (style == null) {
            XSSFCellStyle full = table.getStyleAt(index);
            if (full == null) {
                return null;
            }
            style = new NumberFormatOnly(table, full.getDataFormat(), full.getDataFormatString());
            styles[index] = style;
        }
        return style;
    }

    @Override
    public int getNumCellStyles() {
        return styles.length;
    }

    @Override
    public String getNumberFormatAt(short index) {
        return table.getNumberFormatAt(index);
    }

    @Override
    public int getNumDataFormats() {
        return table.getNumDataFormats();
    }

    @Override
    public XSSFFont getFontAt(int index) {
        return table.getFontAt(index);
    }

    @Override
    public XSSFCellBorder getBorderAt(int index) {
        return table.getBorderAt(index);
    }

    @Override
    public XSSFCellFill getFillAt(int index) {
        return table.getFillAt(index);
    }

    @Override
    public int putNumberFormat(String format) {
        throw readOnly();
    }

    @Override
    public void putNumberFormat(short index, String format) {
        throw readOnly();
    }

    @Override
    public boolean removeNumberFormat(short index) {
        throw readOnly();
    }

    @Override
    public boolean removeNumberFormat(String format) {
        throw readOnly();
    }

    @Override
    public int putFont(XSSFFont font, boolean forceRegistration) {
        throw readOnly();
    }

    @Override
    public int putFont(XSSFFont font) {
        throw readOnly();
    }

    @Override
    public int putStyle(XSSFCellStyle style) {
        throw readOnly();
    }

    @Override
    public int putBorder(XSSFCellBorder border) {
        throw readOnly();
    }

    @Override
    public int putFill(XSSFCellFill fill) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the styles of an imported workbook are read-only");
    }

    /** A style that only knows its number format: all the sheet reader asks of it. */
    private static final class NumberFormatOnly extends XSSFCellStyle {
        private final short format;
        private final String formatString;

        NumberFormatOnly(StylesTable table, short format, String formatString) {
            super(table);
            this.format = format;
            this.formatString = formatString;
        }

        @Override
        public short getDataFormat() {
            return format;
        }

        @Override
        public String getDataFormatString() {
            return formatString;
        }
    }
}
