package io.campaignkit.benchmarks.importer;

import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the benchmark audiences: CONTACT plus three fields (NOMBRE text, MONTO number, FECHA
 * date), every row valid and every number distinct. Written in a streaming way, in constant
 * memory, so that even a fork with a 64 MiB heap can make its own million-row file.
 */
final class AudienceFiles {

    static final CustomDataSchema SCHEMA = CustomDataSchema.custom()
            .required("NOMBRE", FieldType.TEXT)
            .required("MONTO", FieldType.NUMBER)
            .required("FECHA", FieldType.DATE)
            .build();

    private static final LocalDate FIRST_DATE = LocalDate.of(2016, 1, 1);
    private static final long EXCEL_1900_EPOCH_OFFSET = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), FIRST_DATE);

    private AudienceFiles() {}

    /** The i-th number: Mexico City numbers, spread over the subscriber range, all distinct. */
    static String phone(int i) {
        return "+5255" + String.format("%08d", (i * 7_919L) % 100_000_000L);
    }

    static String name(int i) {
        return "Cliente número " + i;
    }

    static String amount(int i) {
        return (i % 100_000) + "." + (i % 100);
    }

    static LocalDate date(int i) {
        return FIRST_DATE.plusDays(i % 3_000);
    }

    static Path writeTsv(Path file, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("CONTACT\tNOMBRE\tMONTO\tFECHA\n");
            StringBuilder line = new StringBuilder(80);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(phone(i))
                        .append('\t')
                        .append(name(i))
                        .append('\t')
                        .append(amount(i))
                        .append('\t')
                        .append(date(i))
                        .append('\n');
                out.append(line);
            }
        }
        return file;
    }

    /**
     * An XLSX as Excel saves it: phones typed as numbers (no '+'), every name in the shared-strings
     * table (a million distinct strings: the worst case for memory), amounts as numbers, dates as
     * date-formatted serial numbers.
     */
    static Path writeXlsx(Path file, int rows) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 64 * 1024);
            entry(
                    zip,
                    out,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                            + "</Types>");
            entry(
                    zip,
                    out,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            + "</Relationships>");
            entry(
                    zip,
                    out,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                            + "<sheets><sheet name=\"Contacts\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(
                    zip,
                    out,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                            + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                            + "</Relationships>");
            entry(
                    zip,
                    out,
                    "xl/styles.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                            + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                            + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                            + "<borders count=\"1\"><border/></borders>"
                            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
                            + "</styleSheet>");

            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            out.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                            + " count=\"" + (rows + 4) + "\" uniqueCount=\"" + (rows + 4) + "\">");
            for (String header : new String[] {"CONTACT", "NOMBRE", "MONTO", "FECHA"}) {
                out.write("<si><t>" + header + "</t></si>");
            }
            for (int i = 0; i < rows; i++) {
                out.write("<si><t>" + name(i) + "</t></si>");
            }
            out.write("</sst>");
            out.flush();
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            out.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                            + "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>");
            StringBuilder row = new StringBuilder(200);
            for (int i = 0; i < rows; i++) {
                int r = i + 2;
                row.setLength(0);
                row.append("<row r=\"")
                        .append(r)
                        .append("\"><c r=\"A")
                        .append(r)
                        .append("\"><v>")
                        .append(phone(i), 1, phone(i).length())
                        .append("</v></c><c r=\"B")
                        .append(r)
                        .append("\" t=\"s\"><v>")
                        .append(i + 4)
                        .append("</v></c><c r=\"C")
                        .append(r)
                        .append("\"><v>")
                        .append(amount(i))
                        .append("</v></c><c r=\"D")
                        .append(r)
                        .append("\" s=\"1\"><v>")
                        .append(EXCEL_1900_EPOCH_OFFSET + i % 3_000)
                        .append("</v></c></row>");
                out.append(row);
            }
            out.write("</sheetData></worksheet>");
            out.flush();
            zip.closeEntry();
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, Writer out, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.flush();
        zip.closeEntry();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
