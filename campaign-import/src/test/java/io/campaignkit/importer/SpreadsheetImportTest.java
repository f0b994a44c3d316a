package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cell rules, for both workbook formats. */
class SpreadsheetImportTest {

    private static final List<Object> HEADER = List.of("CONTACT", "NOMBRE", "MONTO", "FECHA");

    @TempDir
    Path dir;

    private final AudienceImporter importer = AudienceImporter.builder()
            .schema(TextImportTest.SCHEMA)
            .policy(ImportPolicy.LENIENT)
            .defaultRegion("MX")
            .build();

    private Path workbook(String format, boolean date1904, List<List<Object>> rows) throws IOException {
        return format.equals("xlsx")
                ? Fixtures.xlsx(dir, "contacts.xlsx", date1904, rows)
                : Fixtures.xls(dir, "contacts.xls", date1904, rows);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void readsTypedCellsExactly(String format) throws Exception {
        Path file = workbook(
                format,
                false,
                List.of(
                        HEADER,
                        row(525500998877d, "  Carlos ", 1200, LocalDate.of(2016, 12, 25)),
                        row("+34 612 345 678", "Ana", 1480.4999999999998, LocalDate.of(2017, 1, 31)),
                        row("+447911123456", "Luis", 0.1 + 0.2, "2017-02-28")));

        ImportResult result = importer.importFile(file);

        assertThat(result.format().id()).isEqualTo(format);
        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts())
                .extracting(c -> c.row(), c -> c.phone().e164(), c -> c.data().normalizedValues())
                .containsExactly(
                        tuple(2, "+525500998877", Map.of("NOMBRE", "Carlos", "MONTO", "1200", "FECHA", "2016-12-25")),
                        tuple(3, "+34612345678", Map.of("NOMBRE", "Ana", "MONTO", "1480.5", "FECHA", "2017-01-31")),
                        tuple(4, "+447911123456", Map.of("NOMBRE", "Luis", "MONTO", "0.3", "FECHA", "2017-02-28")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aPhoneTypedAsANumberIsReadAsItsDigitsTypedAsTextWithTheDefaultRegion(String format) throws Exception {
        // Excel stores digits typed in a General column as a number: 4771234567 with region MX is
        // +52 477 123 4567 (León), exactly as the same digits in a text cell; never +47 (Norway)
        Path file = workbook(
                format,
                false,
                List.of(
                        HEADER,
                        row(4771234567d, "Ana", 1, LocalDate.of(2017, 1, 31)),
                        row("4771234568", "Carlos", 1, LocalDate.of(2017, 1, 31)),
                        row(525500998877d, "Luis", 1, LocalDate.of(2017, 1, 31)),
                        row(34612345678d, "Eva", 1, LocalDate.of(2017, 1, 31))));

        ImportResult result = importer.importFile(file);

        assertThat(result.contacts())
                .extracting(c -> c.phone().e164())
                .containsExactly("+524771234567", "+524771234568", "+525500998877");
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(5);
            assertThat(error.code()).isEqualTo(ImportError.INVALID_PHONE);
            assertThat(error.message())
                    .contains("'34612345678'")
                    .doesNotContain("E")
                    .doesNotContain(".0");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aNumberShownWithLeadingZerosKeepsThem(String format) throws Exception {
        Path file = workbook(format, false, List.of(List.of("CONTACT"), row(7911123456d)));
        zeroPadFirstColumn(file, format, "00000000000");

        ImportResult result =
                AudienceImporter.builder().defaultRegion("GB").build().importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts()).extracting(c -> c.phone().e164()).containsExactly("+447911123456");
    }

    private static void zeroPadFirstColumn(Path file, String format, String pattern) throws IOException {
        try (org.apache.poi.ss.usermodel.Workbook workbook =
                org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile())) {
            org.apache.poi.ss.usermodel.CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
            workbook.getSheetAt(0).getRow(1).getCell(0).setCellStyle(style);
            Path copy = file.resolveSibling("padded." + format);
            Fixtures.save(workbook, copy);
            java.nio.file.Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void readsDateCellsInThe1904DateSystem(String format) throws Exception {
        Path file =
                workbook(format, true, List.of(HEADER, row(525500998877d, "Carlos", 1, LocalDate.of(2016, 12, 25))));

        ImportResult result = importer.importFile(file);

        assertThat(result.contacts().get(0).data().normalized("FECHA")).contains("2016-12-25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void formulaCellsGiveTheirCachedValue(String format) throws Exception {
        Path file = workbook(
                format,
                false,
                List.of(
                        HEADER,
                        row(
                                525500998877d,
                                new Fixtures.Formula("\"Car\"&\"los\""),
                                new Fixtures.Formula("1000+480.5"),
                                "2016-12-25")));

        ImportResult result = importer.importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts().get(0).data().normalizedValues())
                .containsEntry("NOMBRE", "Carlos")
                .containsEntry("MONTO", "1480.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void reportsCellProblemsAtTheirSpreadsheetRowsSkippingBlankRows(String format) throws Exception {
        Path file = workbook(
                format,
                false,
                Arrays.asList(
                        HEADER,
                        row(525500998877d, "Carlos", "mil", LocalDate.of(2016, 12, 25)),
                        null,
                        row(null, "Ana", 3, "31/01/2017"),
                        row(525500998877d, "Otra", new BigDecimal("2"), "2016-12-25")));

        ImportResult result = importer.importFile(file);

        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::column, ImportError::code)
                .containsExactly(
                        tuple(2, "MONTO", ImportError.INVALID_NUMBER),
                        tuple(4, "CONTACT", ImportError.INVALID_PHONE),
                        tuple(4, "FECHA", ImportError.INVALID_DATE),
                        tuple(5, "CONTACT", ImportError.DUPLICATE_CONTACT));
        assertThat(result.errors().get(2).message()).startsWith("D4: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void readsTheFirstSheetUnlessOneIsNamed(String format) throws Exception {
        Path file = Fixtures.workbook(
                format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook(),
                dir.resolve("two." + format),
                "Primera",
                List.of(HEADER, row("+525500998877", "Uno", 1, "2016-12-25")),
                "Segunda",
                List.of(HEADER, row("+34612345678", "Dos", 2, "2016-12-25")));

        assertThat(importer.importFile(file).contacts())
                .extracting(c -> c.phone().e164())
                .containsExactly("+525500998877");
        assertThat(AudienceImporter.builder()
                        .schema(TextImportTest.SCHEMA)
                        .sheet("segunda")
                        .build()
                        .importFile(file)
                        .contacts())
                .extracting(c -> c.phone().e164())
                .containsExactly("+34612345678");
        assertThatThrownBy(() -> AudienceImporter.builder()
                        .schema(TextImportTest.SCHEMA)
                        .sheet("Tercera")
                        .build()
                        .importFile(file))
                .isInstanceOfSatisfying(AudienceImportException.class, e -> {
                    assertThat(e.code()).isEqualTo(AudienceImportException.SHEET_NOT_FOUND);
                    assertThat(e.getMessage()).contains("Primera").contains("Segunda");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aRowOverTheSizeLimitIsRefused(String format) throws Exception {
        Path file = workbook(format, false, List.of(HEADER, row("+525500998877", "x".repeat(5000), 1, "2016-12-25")));
        AudienceImporter limited = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .limits(ImportLimits.custom().maxRowChars(1000).build())
                .build();

        assertThatThrownBy(() -> limited.importFile(file))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.ROW_TOO_LARGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aTruncatedWorkbookIsUnreadable(String format) throws Exception {
        Path file = workbook(format, false, List.of(HEADER, row("+525500998877", "Carlos", 1, "2016-12-25")));
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE));
    }
}
