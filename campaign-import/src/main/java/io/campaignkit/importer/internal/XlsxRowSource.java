package io.campaignkit.importer.internal;

import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one sheet of an XLSX workbook with POI's streaming (SAX) reader: never a whole-workbook
 * load. The archive is checked against the import's limits first ({@link ZipInspector}); the
 * shared strings go to a temporary file ({@link TempFileSharedStrings}); numeric cells are
 * rendered exactly, dates as {@code YYYY-MM-DD} in the workbook's own date system.
 */
final class XlsxRowSource implements RowSource {

    private static final String NS_SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String POI_ERROR_PREFIX = "ERROR:";

    private final Path file;
    private final ImportSettings settings;
    private volatile String sheetRead;

    XlsxRowSource(Path file, ImportSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.XLSX;
    }

    @Override
    public void read(RowSink sink) throws Exception {
        ZipInspector.inspect(file, settings.limits());
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            WorkbookFacts facts = workbookFacts(reader);
            boolean date1904 = facts.date1904;
            StylesTable styles = reader.getStylesTable();
            if (styles == null) {
                styles = new StylesTable(); // so that numbers still go through the formatter
            }
            try (TempFileSharedStrings strings = TempFileSharedStrings.read(
                    sharedStringsPart(workbook), settings.limits().maxRowChars())) {
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                List<String> names = new ArrayList<>();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        String name = sheets.getSheetName();
                        names.add(name);
                        boolean wanted = settings.sheetName() == null
                                ? facts.firstVisibleSheet == null || facts.firstVisibleSheet.equals(name)
                                : settings.sheetName().equalsIgnoreCase(name.strip());
                        if (wanted) {
                            sheetRead = name;
                            readSheet(sheet, styles, strings, date1904, sink);
                            return;
                        }
                    }
                }
                throw sheetNotFound(settings.sheetName(), names);
            }
        }
    }

    @Override
    public String sheetRead() {
        return sheetRead;
    }

    static AudienceImportException sheetNotFound(String wanted, List<String> names) {
        return new AudienceImportException(
                AudienceImportException.SHEET_NOT_FOUND,
                names.isEmpty()
                        ? "the workbook has no worksheet (a chart sheet or a macro sheet holds no rows): nothing to import"
                        : wanted == null
                                ? "the workbook has no worksheet that can be read; its sheets are " + names
                                : "the workbook has no sheet named '" + wanted + "'; its sheets are " + names);
    }

    private void readSheet(
            InputStream sheet, StylesTable styles, TempFileSharedStrings strings, boolean date1904, RowSink sink)
            throws Exception {
        ExactFormatter formatter = new ExactFormatter(date1904);
        RowCollector rows = new RowCollector(sink);
        XMLReader parser = XMLHelper.newXMLReader();
        LimitedSheetHandler handler = new LimitedSheetHandler(
                new NumberFormatStyles(styles),
                strings,
                rows,
                formatter,
                settings.limits().maxRowChars());
        rows.handler = handler;
        parser.setContentHandler(handler);
        parser.parse(new InputSource(sheet));
    }

    private static InputStream sharedStringsPart(OPCPackage workbook) throws IOException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        return parts.isEmpty() ? null : parts.get(0).getInputStream();
    }

    /** What the workbook part says about reading it: its date system and which sheet is shown first. */
    private static final class WorkbookFacts {
        /** {@code <workbookPr date1904="1"/>}: serial day 0 is 1904-01-01. */
        boolean date1904;
        /** The first sheet, in tab order, that is not hidden; null when every sheet is. */
        String firstVisibleSheet;
    }

    private static WorkbookFacts workbookFacts(XSSFReader reader) throws Exception {
        WorkbookFacts facts = new WorkbookFacts();
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        facts.date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                    } else if ("sheet".equals(localName) && facts.firstVisibleSheet == null) {
                        String state = attributes.getValue("state");
                        if (state == null || "visible".equals(state)) {
                            facts.firstVisibleSheet = attributes.getValue("name");
                        }
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    if ("sheets".equals(localName)) {
                        throw new StopParsing(); // what follows the sheet list is not needed
                    }
                }
            });
            parser.parse(new InputSource(in));
        } catch (StopParsing expected) {
            // found what we needed
        } catch (SAXException e) {
            if (!(e.getException() instanceof StopParsing)) {
                throw e;
            }
        }
        return facts;
    }

    /** Ends a parse early, once the part has told what was needed. */
    private static final class StopParsing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopParsing() {
            super(null, null, false, false);
        }
    }

    /** POI's sheet handler, with the row-size limit enforced before a giant cell is accumulated. */
    private static final class LimitedSheetHandler extends XSSFSheetXMLHandler {
        private final int maxRowChars;
        private long rowChars;
        private int rowNumber;
        /** Whether the cell being read is an error cell ({@code t="e"}), which POI reports as "ERROR:#N/A". */
        private boolean errorCell;

        LimitedSheetHandler(
                Styles styles,
                TempFileSharedStrings strings,
                SheetContentsHandler rows,
                DataFormatter formatter,
                int maxRowChars) {
            super(styles, null, strings, rows, formatter, false);
            this.maxRowChars = maxRowChars;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("row".equals(localName) && NS_SPREADSHEETML.equals(uri)) {
                rowChars = 0;
                rowNumber++;
            } else if ("c".equals(localName) && NS_SPREADSHEETML.equals(uri)) {
                errorCell = "e".equals(attributes.getValue("t"));
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            rowChars += length;
            if (rowChars > maxRowChars) {
                throw new AudienceImportException(
                        AudienceImportException.ROW_TOO_LARGE,
                        "a row of the sheet (near row " + rowNumber + ") is longer than " + maxRowChars
                                + " characters");
            }
            super.characters(ch, start, length);
        }
    }

    /** Numbers as exact decimals, dates as ISO dates, in the workbook's own date system. */
    private static final class ExactFormatter extends DataFormatter {
        private final boolean date1904;
        private final CellValues.DateFormats dateFormats = new CellValues.DateFormats();

        ExactFormatter(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return CellValues.numeric(value, formatIndex, formatString, date1904, dateFormats);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            return CellValues.numeric(value, formatIndex, formatString, date1904, dateFormats);
        }
    }

    /** Gathers the sparse cell callbacks of a row into an array by column. */
    private static final class RowCollector implements SheetContentsHandler {
        private final RowSink sink;
        private LimitedSheetHandler handler;
        private String[] cells = new String[16];
        private int width;
        private int lastColumn;

        RowCollector(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, 0, width, null);
            width = 0;
            lastColumn = -1;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? lastColumn + 1 : CellValues.columnIndex(cellReference);
            if (column < 0 || formattedValue == null) {
                return;
            }
            lastColumn = column;
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            // one spelling for cell errors in both workbook formats: "#DIV/0!", as Excel shows it
            String value = handler.errorCell && formattedValue.startsWith(POI_ERROR_PREFIX)
                    ? formattedValue.substring(POI_ERROR_PREFIX.length())
                    : formattedValue;
            cells[column] = value.strip();
            width = Math.max(width, column + 1);
        }

        @Override
        public void endRow(int rowNum) {
            if (width > 0) {
                sink.row(rowNum + 1, Arrays.copyOf(cells, width));
            }
        }
    }
}
