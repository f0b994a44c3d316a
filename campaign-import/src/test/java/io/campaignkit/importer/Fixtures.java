package io.campaignkit.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the fixture files of the tests: text in code, workbooks with POI. A row is a list of
 * cell values: a String is a text cell, a Number a numeric cell, a LocalDate a date-formatted
 * cell, a Boolean a TRUE/FALSE cell, a {@link Formula} a formula cell (its cached value computed),
 * null an empty cell.
 */
final class Fixtures {

    /** A formula cell. */
    record Formula(String expression) {}

    private Fixtures() {}

    static Path text(Path dir, String name, String content) throws IOException {
        return text(dir, name, content, StandardCharsets.UTF_8, false);
    }

    static Path text(Path dir, String name, String content, Charset charset, boolean bom) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                if (charset.equals(StandardCharsets.UTF_8)) {
                    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                } else if (charset.equals(StandardCharsets.UTF_16LE)) {
                    out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
                } else {
                    out.write(new byte[] {(byte) 0xFE, (byte) 0xFF});
                }
            }
            out.write(content.getBytes(charset));
        }
        return file;
    }

    static Path xlsx(Path dir, String name, List<List<Object>> rows) throws IOException {
        return xlsx(dir, name, false, rows);
    }

    static Path xlsx(Path dir, String name, boolean date1904, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            if (date1904) {
                workbook.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            }
            fill(workbook, "Contacts", date1904, rows);
            return save(workbook, dir.resolve(name));
        }
    }

    static Path xls(Path dir, String name, List<List<Object>> rows) throws IOException {
        return xls(dir, name, false, rows);
    }

    static Path xls(Path dir, String name, boolean date1904, List<List<Object>> rows) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            if (date1904) {
                ((DateWindow1904Record) workbook.getInternalWorkbook().findFirstRecordBySid(DateWindow1904Record.sid))
                        .setWindowing((short) 1);
            }
            fill(workbook, "Contacts", date1904, rows);
            return save(workbook, dir.resolve(name));
        }
    }

    /** Writes several sheets: names and rows in pairs. */
    static Path workbook(
            Workbook workbook,
            Path file,
            String firstName,
            List<List<Object>> first,
            String secondName,
            List<List<Object>> second)
            throws IOException {
        try (workbook) {
            fill(workbook, firstName, false, first);
            fill(workbook, secondName, false, second);
            return save(workbook, file);
        }
    }

    /** Dates are written as the serial number of the workbook's date system, as Excel stores them. */
    static void fill(Workbook workbook, String sheetName, boolean date1904, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(sheetName);
        CellStyle dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        boolean formulas = false;
        for (int r = 0; r < rows.size(); r++) {
            List<Object> values = rows.get(r);
            if (values == null) {
                continue; // a blank row
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (value instanceof String text) {
                    cell.setCellValue(text);
                } else if (value instanceof BigDecimal decimal) {
                    cell.setCellValue(decimal.doubleValue());
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof LocalDate date) {
                    cell.setCellValue(DateUtil.getExcelDate(date.atStartOfDay(), date1904));
                    cell.setCellStyle(dateStyle);
                } else if (value instanceof Boolean bool) {
                    cell.setCellValue(bool);
                } else if (value instanceof Formula formula) {
                    cell.setCellFormula(formula.expression());
                    formulas = true;
                } else {
                    throw new IllegalArgumentException("no cell for " + value);
                }
            }
        }
        if (formulas) {
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        }
    }

    static Path save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
