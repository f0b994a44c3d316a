package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import options of {@code validate} and {@code run} (issue 14: items 10, 14, 15, 23): the
 * encoding, the phone column, fixed lines, which sheet or encoding was read. Running out of memory
 * is {@code internal.OutOfMemoryMessageTest}.
 */
class ImportOptionsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aWindows1252CsvIsReadAndTheEncodingShown() throws IOException {
        Path file = dir.resolve("contactos.csv");
        Files.write(
                file, "CONTACT;NOMBRE\r\n+525500998877;José Peña – 5 €\r\n".getBytes(Charset.forName("windows-1252")));

        CliRun run = CliRun.of("validate", file.toString(), "--field", "NOMBRE:TEXT", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("encoding").asText()).isEqualTo("windows-1252");
        assertThat(json.get("contacts").get(0).get("values").get("NOMBRE").asText())
                .isEqualTo("José Peña – 5 €");
        assertThat(CliRun.of("validate", file.toString(), "--field", "NOMBRE:TEXT")
                        .out())
                .contains("csv, 1 rows: 1 valid, 0 invalid (read as windows-1252)");
    }

    @Test
    void encodingOverridesDetectionAndAnUnknownOneIsAUsageError() throws IOException {
        Path file = dir.resolve("contactos.csv");
        Files.write(file, "CONTACT;NOMBRE\n+525500998877;Peña\n".getBytes(Charset.forName("x-MacRoman")));

        CliRun mac =
                CliRun.of("validate", file.toString(), "--field", "NOMBRE:TEXT", "--encoding", "x-MacRoman", "--json");
        CliRun unknown = CliRun.of("validate", file.toString(), "--field", "NOMBRE:TEXT", "--encoding", "klingon");

        assertThat(JSON.readTree(mac.out())
                        .get("contacts")
                        .get(0)
                        .get("values")
                        .get("NOMBRE")
                        .asText())
                .isEqualTo("Peña");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .contains("--encoding")
                .contains("windows-1252");
    }

    @Test
    void contactColumnNamesThePhoneColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("c.tsv"), "NOMBRE\tTELEFONO\nCarlos\t5500998877\n");

        CliRun named = CliRun.of(
                "validate",
                file.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--region",
                "MX",
                "--contact-column",
                "telefono",
                "--json");
        CliRun byDefault = CliRun.of("validate", file.toString(), "--field", "NOMBRE:TEXT", "--region", "MX");

        assertThat(named.exitCode()).as(named.out()).isZero();
        assertThat(JSON.readTree(named.out())
                        .get("contacts")
                        .get(0)
                        .get("contact")
                        .asText())
                .isEqualTo("+525500998877");
        assertThat(byDefault.exitCode()).isEqualTo(1);
        assertThat(byDefault.out()).contains("MISSING_CONTACT_COLUMN");
    }

    @Test
    void aFixedLineIsAWarningUnlessNotMobileRefuse() throws IOException {
        Path file = Files.writeString(dir.resolve("c.tsv"), "CONTACT\n+34912345678\n+34612345678\n");

        CliRun warned = CliRun.of("validate", file.toString());
        CliRun refused = CliRun.of("validate", file.toString(), "--not-mobile", "refuse");

        assertThat(warned.exitCode()).isZero();
        assertThat(warned.out())
                .contains("warning: row 2, CONTACT: INVALID_PHONE (NOT_MOBILE): A2: +34912345678 is a fixed line");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("row 2, CONTACT: INVALID_PHONE: A2: +34912345678 is a fixed line");
    }

    @Test
    void theSheetReadIsShown() throws IOException {
        Path file = dir.resolve("c.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            workbook.createSheet("Notas").createRow(0).createCell(0).setCellValue("léame");
            var sheet = workbook.createSheet("Contactos");
            sheet.createRow(0).createCell(0).setCellValue("CONTACT");
            sheet.createRow(1).createCell(0).setCellValue("+525500998877");
            workbook.setActiveSheet(1);
            workbook.setSheetHidden(0, true);
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("xlsx, 1 rows: 1 valid, 0 invalid (sheet 'Contactos')");
    }
}
