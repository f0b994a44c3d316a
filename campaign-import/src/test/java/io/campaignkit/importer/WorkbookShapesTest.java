package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workbooks in the shapes operators' files really have (issue 14, items 9, 13, 14): a hidden first
 * sheet, a header with a non-breaking space, a Spanish long date format, formula errors, and the
 * files that used to be refused with a misleading message.
 */
class WorkbookShapesTest {

    private static final List<Object> HEADER = List.of("CONTACT", "NOMBRE", "MONTO", "FECHA");

    @TempDir
    Path dir;

    private final AudienceImporter importer = AudienceImporter.builder()
            .schema(TextImportTest.SCHEMA)
            .policy(ImportPolicy.LENIENT)
            .build();

    private static Workbook newWorkbook(String format) {
        return format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void readsTheFirstVisibleSheetAndSaysWhichByDefault(String format) throws Exception {
        Path file = Fixtures.workbook(
                newWorkbook(format),
                dir.resolve("hidden." + format),
                "Instrucciones",
                List.of(List.of("Llene la hoja Contactos")),
                "Contactos",
                List.of(HEADER, row("+525500998877", "Carlos", 1, "2016-12-25")));
        hideFirstSheet(file);

        ImportResult result = importer.importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.report().sheet()).isEqualTo("Contactos");
        assertThat(result.contacts()).extracting(c -> c.phone().e164()).containsExactly("+525500998877");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aHeaderWithANonBreakingSpaceOrAZeroWidthSpaceIsTheSameHeader(String format) throws Exception {
        Path file = format.equals("xlsx")
                ? Fixtures.xlsx(
                        dir,
                        "c.xlsx",
                        List.of(
                                List.of("CONTACT\u00A0", "\u200BNOMBRE", "MONTO\u202F", "FECHA"),
                                row("+525500998877", "Carlos", 1, "2016-12-25")))
                : Fixtures.xls(
                        dir,
                        "c.xls",
                        List.of(
                                List.of("CONTACT\u00A0", "\u200BNOMBRE", "MONTO\u202F", "FECHA"),
                                row("+525500998877", "Carlos", 1, "2016-12-25")));

        ImportResult result = importer.importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).isEqualTo(1);
    }

    @Test
    void aHeaderWithANonBreakingSpaceInTextIsTheSameHeader() throws Exception {
        Path file =
                Fixtures.text(dir, "c.csv", "CONTACT\u00A0;NOMBRE;MONTO;FECHA\n+525500998877;Carlos;1;2016-12-25\n");

        assertThat(importer.importFile(file).errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aDateCellWithTheSpanishLongDateFormatIsADate(String format) throws Exception {
        Path file = dir.resolve("fecha." + format);
        try (Workbook workbook = newWorkbook(format)) {
            Fixtures.fill(
                    workbook,
                    "Contactos",
                    false,
                    List.of(
                            HEADER,
                            row(
                                    "+525500998877",
                                    "Carlos",
                                    1,
                                    DateUtil.getExcelDate(
                                            LocalDate.of(2025, 12, 25).atStartOfDay(), false))));
            CellStyle spanish = workbook.createCellStyle();
            spanish.setDataFormat(workbook.createDataFormat().getFormat("d\" de \"mmmm\" de \"yyyy"));
            workbook.getSheetAt(0).getRow(1).getCell(3).setCellStyle(spanish);
            Fixtures.save(workbook, file);
        }

        ImportResult result = importer.importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts().get(0).data().normalized("FECHA")).contains("2025-12-25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void trueAndFalseCellsTypedOrComputedReadAsExcelShowsThem(String format) throws Exception {
        List<List<Object>> rows = List.of(
                HEADER,
                row("+525500998877", true, 1, "2016-12-25"),
                row("+525500998878", new Fixtures.Formula("1>2"), 1, "2016-12-25"));
        Path file = format.equals("xlsx") ? Fixtures.xlsx(dir, "b.xlsx", rows) : Fixtures.xls(dir, "b.xls", rows);

        ImportResult result = importer.importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts())
                .extracting(c -> c.data().normalized("NOMBRE").orElseThrow())
                .containsExactly("TRUE", "FALSE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aHeaderComputedByAFormulaIsAHeader(String format) throws Exception {
        List<List<Object>> rows = List.of(
                row("CONTACT", new Fixtures.Formula("\"NOM\"&\"BRE\""), "MONTO", "FECHA"),
                row("+525500998877", "Carlos", 1, "2016-12-25"));
        Path file = format.equals("xlsx") ? Fixtures.xlsx(dir, "h.xlsx", rows) : Fixtures.xls(dir, "h.xls", rows);

        ImportResult result = importer.importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts().get(0).data().normalized("NOMBRE")).contains("Carlos");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aValueFarRightOfTheHeaderIsReportedInItsColumn(String format) throws Exception {
        Object[] far = new Object[52];
        far[0] = "+525500998877";
        far[1] = "Carlos";
        far[2] = 1;
        far[3] = "2016-12-25";
        far[51] = "stray"; // column AZ
        List<List<Object>> rows = List.of(HEADER, row(far));
        Path file = format.equals("xlsx") ? Fixtures.xlsx(dir, "f.xlsx", rows) : Fixtures.xls(dir, "f.xls", rows);

        ImportResult result = importer.importFile(file);

        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::column, ImportError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "AZ", ImportError.UNKNOWN_COLUMN));
        assertThat(result.errors().get(0).message()).startsWith("AZ2: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aFormulaErrorIsSpelledAsExcelShowsItInBothFormats(String format) throws Exception {
        List<List<Object>> rows = List.of(
                List.of("CONTACT", "NOMBRE", "MONTO", "FECHA"),
                row("+525500998877", "Carlos", new Fixtures.Formula("1/0"), "2016-12-25"),
                row("+525500998878", "Ana", new Fixtures.Formula("NA()"), "2016-12-25"));
        Path file = format.equals("xlsx") ? Fixtures.xlsx(dir, "e.xlsx", rows) : Fixtures.xls(dir, "e.xls", rows);

        ImportResult result = importer.importFile(file);

        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, ImportError.INVALID_NUMBER),
                        org.assertj.core.groups.Tuple.tuple(3, ImportError.INVALID_NUMBER));
        assertThat(result.errors().get(0).message())
                .startsWith("C2: ")
                .contains("'#DIV/0!'")
                .doesNotContain("ERROR:");
        assertThat(result.errors().get(1).message())
                .startsWith("C3: ")
                .contains("'#N/A'")
                .doesNotContain("ERROR:");
    }

    @Test
    void anXlsbIsNamedAsSuchWithWhatToDo() throws Exception {
        // an .xlsb has XML parts too (content types, relationships, theme): only its workbook is binary
        Path file = zip(
                "libro.xlsb",
                Map.of(
                        "[Content_Types].xml",
                                "<Types><Override PartName=\"/xl/workbook.bin\" ContentType=\"application/"
                                        + "vnd.ms-excel.sheet.binary.macroEnabled.main\"/></Types>",
                        "_rels/.rels", "<Relationships/>",
                        "xl/workbook.bin", "binary",
                        "xl/theme/theme1.xml", "<theme/>"));

        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.UNSUPPORTED_FORMAT);
            assertThat(e.getMessage())
                    .contains("Excel binary workbook (.xlsb) is not supported")
                    .contains("save it as")
                    .contains(".xlsx")
                    .doesNotContain("damaged");
        });
    }

    @Test
    void aStrictOpenXmlWorkbookIsNamedAsSuchWithoutAPoiBugNumber() throws Exception {
        Path file = zip(
                "strict.xlsx",
                Map.of(
                        "[Content_Types].xml",
                                "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                                        + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
                        "_rels/.rels",
                                "<Relationships><Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/"
                                        + "officeDocument/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                        "xl/workbook.xml", "<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"/>"));

        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.UNSUPPORTED_FORMAT);
            assertThat(e.getMessage())
                    .contains("Strict Open XML")
                    .contains("save it as Excel Workbook (.xlsx)")
                    .doesNotContain("bug")
                    .doesNotContain("#");
        });
    }

    @Test
    void aWorkbookWhosePartsAreNotWhereExcelPutsThemIsStillAWorkbook() throws Exception {
        // other writers name the workbook part freely; the package's content types say what it is
        Path original = Fixtures.xlsx(dir, "c.xlsx", List.of(HEADER, row("+525500998877", "Carlos", 1, "2016-12-25")));
        Path moved = dir.resolve("moved.xlsx");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(original.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(moved))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                String name = entry.getName().equals("xl/workbook.xml") ? "xl/book.xml" : entry.getName();
                String text = new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                if (name.equals("[Content_Types].xml") || name.equals("_rels/.rels")) {
                    text = text.replace("/xl/workbook.xml", "/xl/book.xml").replace("xl/workbook.xml", "xl/book.xml");
                }
                if (name.equals("xl/_rels/workbook.xml.rels")) {
                    name = "xl/_rels/book.xml.rels";
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(
                        name.endsWith(".xml") || name.endsWith(".rels")
                                ? text.getBytes(StandardCharsets.UTF_8)
                                : in.getInputStream(entry).readAllBytes());
                out.closeEntry();
            }
        }

        ImportResult result = importer.importFile(moved);

        assertThat(result.format()).isEqualTo(ImportFormat.XLSX);
        assertThat(result.valid()).isEqualTo(1);
    }

    @Test
    void aPasswordProtectedXlsSaysSo() throws Exception {
        Path file = dir.resolve("clave.xls");
        Biff8EncryptionKey.setCurrentUserPassword("secreto");
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Fixtures.fill(
                    workbook, "Contactos", false, List.of(HEADER, row("+525500998877", "Carlos", 1, "2016-12-25")));
            Fixtures.save(workbook, file);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE);
            assertThat(e.getMessage())
                    .contains("password-protected")
                    .contains("remove the password")
                    .doesNotContain("damaged")
                    .doesNotContain("Exception");
        });
    }

    @Test
    void aPasswordProtectedXlsxSaysSo() throws Exception {
        Path plain = Fixtures.xlsx(dir, "plain.xlsx", List.of(HEADER, row("+525500998877", "Carlos", 1, "2016-12-25")));
        Path file = dir.resolve("clave.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secreto");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.getMessage()).contains("password-protected"));
    }

    @Test
    void withoutASheetNameAWorkbookWithoutWorksheetsNeverTalksOfASheetNamedNull() throws Exception {
        Path file = zip(
                "vacio.xlsx",
                Map.of(
                        "[Content_Types].xml",
                                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                                        + "relationships+xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                                        + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
                        "_rels/.rels",
                                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                        + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                        "xl/workbook.xml",
                                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                        + "<sheets/></workbook>"));

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("null").contains("no worksheet"));
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    private static void hideFirstSheet(Path file) throws IOException {
        try (Workbook workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile())) {
            workbook.setActiveSheet(1);
            workbook.setFirstVisibleTab(1);
            workbook.setSheetHidden(0, true);
            Path copy = file.resolveSibling("copy-" + file.getFileName());
            Fixtures.save(workbook, copy);
            Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
