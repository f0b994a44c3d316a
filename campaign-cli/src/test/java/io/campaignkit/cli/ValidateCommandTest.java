package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] FIELDS = {"--field", "NOMBRE:TEXT", "--field", "MONTO:NUMBER", "--field", "FECHA:DATE"
    };

    @TempDir
    Path dir;

    @Test
    void aValidFileExitsZeroWithASummary() throws IOException {
        Path file = write("ok.tsv", """
                CONTACT\tNOMBRE\tMONTO\tFECHA
                +525500998877\tCarlos\t1200.00\t2016-12-25
                +525511223344\tAna\t99.5\t2017-01-02
                """);

        CliRun run = CliRun.of(args(file));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("tsv, 2 rows: 2 valid, 0 invalid").contains("OK");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anInvalidRowExitsOneWithOneLinePerError() throws IOException {
        Path file = write("bad.csv", """
                CONTACT,NOMBRE,MONTO,FECHA
                +525500998877,Carlos,1200,2016-12-25
                +525500998877,Ana,1,2016-12-25
                +525511223344,Eva,abc,2016-02-30
                """);

        CliRun run = CliRun.of(args(file));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines())
                .contains("row 3, CONTACT: DUPLICATE_CONTACT: A3: contact +525500998877 already appears on row 2")
                .anyMatch(line -> line.startsWith("row 4, MONTO: INVALID_NUMBER: "))
                .anyMatch(line -> line.startsWith("row 4, FECHA: INVALID_DATE: "));
        assertThat(run.out()).contains("csv, 3 rows: 1 valid, 2 invalid");
    }

    @Test
    void jsonIsExactlyOneObjectWithNormalizedValues() throws IOException {
        Path file = workbook("contacts.xlsx");

        CliRun run = CliRun.of(append(args(file), "--json"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.fieldNames())
                .toIterable()
                .startsWith("format", "rows", "valid", "invalid", "errors", "contacts");
        assertThat(json.get("format").asText()).isEqualTo("xlsx");
        assertThat(json.get("rows").asLong()).isEqualTo(3);
        assertThat(json.get("valid").asLong()).isEqualTo(2);
        assertThat(json.get("invalid").asLong()).isEqualTo(1);
        JsonNode error = json.get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(4);
        assertThat(error.get("column").asText()).isEqualTo("CONTACT");
        assertThat(error.get("code").asText()).isEqualTo("DUPLICATE_CONTACT");
        assertThat(error.get("message").asText()).isNotBlank();
        JsonNode first = json.get("contacts").get(0);
        assertThat(first.get("row").asInt()).isEqualTo(2);
        assertThat(first.get("contact").asText()).isEqualTo("+525500998877");
        // a numeric cell 1200.0 and a date cell come out as plain decimals and ISO dates
        assertThat(first.get("values").get("NOMBRE").asText()).isEqualTo("Carlos");
        assertThat(first.get("values").get("MONTO").asText()).isEqualTo("1200");
        assertThat(first.get("values").get("FECHA").asText()).isEqualTo("2016-12-25");
    }

    @Test
    void jsonOfAValidFileExitsZero() throws IOException {
        Path file = write("ok.tsv", "CONTACT\tNOMBRE\tMONTO\tFECHA\n525511223344\tLuz\t7\t2020-02-29\n");

        CliRun run = CliRun.of(append(args(file), "--json"));

        assertThat(run.exitCode()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("errors")).isEmpty();
        assertThat(json.get("contacts").get(0).get("contact").asText()).isEqualTo("+525511223344");
    }

    @Test
    void regionReadsNationalNumbers() throws IOException {
        Path file = write("mx.tsv", "CONTACT\n55 0099 8877\n");

        assertThat(CliRun.of("validate", file.toString()).exitCode()).isEqualTo(1);
        CliRun withRegion = CliRun.of("validate", file.toString(), "--region", "MX", "--json");
        assertThat(withRegion.exitCode()).isZero();
        assertThat(withRegion.out()).contains("\"contact\":\"+525500998877\"");
    }

    @Test
    void sheetPicksTheWorkbookSheet() throws IOException {
        Path file = workbook("two.xlsx");

        assertThat(CliRun.of(append(args(file), "--sheet", "clean")).exitCode()).isZero();
        CliRun missing = CliRun.of(append(args(file), "--sheet", "nope"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("SHEET_NOT_FOUND");
    }

    @Test
    void aHeaderMissingAFieldIsInvalid() throws IOException {
        Path file = write("short.tsv", "CONTACT\tNOMBRE\n+525500998877\tCarlos\n");

        CliRun run = CliRun.of(args(file));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("MISSING_COLUMN");
    }

    @Test
    void anEmptyFileIsInvalidNotAUsageError() throws IOException {
        Path file = write("empty.tsv", "CONTACT\tNOMBRE\tMONTO\tFECHA\n");

        CliRun run = CliRun.of(append(args(file), "--json"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).get("errors").get(0).get("code").asText())
                .isEqualTo("EMPTY_FILE");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() {
        CliRun run = CliRun.of(args(dir.resolve("nope.tsv")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("nope.tsv")
                .contains("does not exist");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun run = CliRun.of(append(args(dir.resolve("nope.tsv")), "--debug"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist").contains("\tat ");
    }

    @Test
    void anUnknownFieldTypeIsOneLineAndExitTwo() throws IOException {
        Path file = write("ok.tsv", "CONTACT\n+525500998877\n");

        CliRun run = CliRun.of("validate", file.toString(), "--field", "MONTO:MONEY");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("unknown field type 'MONEY'")
                .contains("TEXT, NUMBER, DATE");
    }

    @Test
    void aFieldWithoutTypeIsOneLineAndExitTwo() throws IOException {
        Path file = write("ok.tsv", "CONTACT\n+525500998877\n");

        CliRun run = CliRun.of("validate", file.toString(), "--field", "MONTO");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("ID:TYPE");
    }

    @Test
    void duplicateFieldsAndUnknownRegionsAreUsageErrors() throws IOException {
        Path file = write("ok.tsv", "CONTACT\n+525500998877\n");

        CliRun duplicate = CliRun.of("validate", file.toString(), "--field", "A:TEXT", "--field", "A:DATE");
        CliRun region = CliRun.of("validate", file.toString(), "--region", "QQ");

        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.errLines()).hasSize(1);
        assertThat(region.exitCode()).isEqualTo(2);
        assertThat(region.errLines()).singleElement().asString().contains("--region");
    }

    @Test
    void unknownOptionsAndMissingCommandsAreOneLineAndExitTwo() {
        CliRun unknown = CliRun.of("validate", "x.tsv", "--bogus");
        CliRun noCommand = CliRun.of();
        CliRun noFile = CliRun.of("validate");

        for (CliRun run : new CliRun[] {unknown, noCommand, noFile}) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).doesNotContain("\tat ");
        }
        assertThat(unknown.err()).contains("--bogus");
    }

    @Test
    void jsonIsOneObjectCarryingTheErrorWhenTheExitCodeIsTwo() throws IOException {
        Path file = write("ok.tsv", "CONTACT\n+525500998877\n");
        String path = file.toString();
        String[][] usageErrors = {
            {"validate", dir.resolve("nope.tsv").toString(), "--json"}, // a file that does not exist
            {"validate", path, "--json", "--field", "MONTO:MONEY"}, // a field type picocli refuses
            {"validate", path, "--json", "--field", "MONTO"}, // a field without its type
            {"validate", path, "--json", "--field", "A:TEXT", "--field", "A:DATE"},
            {"validate", path, "--json", "--region", "QQ"},
            {"validate", path, "--json", "--bogus"},
            {"validate", "--json"}, // no FILE
            {"validate", workbook("book.xlsx").toString(), "--json", "--sheet", "nope"},
        };

        for (String[] args : usageErrors) {
            CliRun run = CliRun.of(args);

            String command = String.join(" ", args);
            assertThat(run.exitCode()).as(command).isEqualTo(2);
            List<JsonNode> objects = JSON.readerFor(JsonNode.class)
                    .<JsonNode>readValues(run.out())
                    .readAll();
            assertThat(objects)
                    .as(command + " printed: " + run.out())
                    .singleElement()
                    .satisfies(json -> {
                        assertThat(json.isObject()).isTrue();
                        assertThat(json.get("errorCount").asInt()).isEqualTo(1);
                        assertThat(json.get("contacts")).isEmpty();
                        JsonNode error = json.get("errors").get(0);
                        assertThat(error.get("code").asText()).isNotBlank();
                        assertThat(error.get("message").asText()).isNotBlank();
                    });
            assertThat(run.errLines()).as(command).hasSize(1);
        }
    }

    @Test
    void theJsonErrorSaysWhatTheLineOnStderrSays() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.tsv").toString(), "--json");

        JsonNode error = readSingleObject(run.out()).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("USAGE");
        assertThat(error.get("message").asText()).contains("nope.tsv").contains("does not exist");
        assertThat(run.err()).contains("does not exist");
    }

    @Test
    void withoutJsonAUsageErrorPrintsNothingOnStdout() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.tsv").toString(), "--field", "MONTO:MONEY");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    private static JsonNode readSingleObject(String out) {
        try {
            List<JsonNode> objects =
                    JSON.readerFor(JsonNode.class).<JsonNode>readValues(out).readAll();
            assertThat(objects).hasSize(1);
            return objects.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Sheet "dirty": two valid rows and a duplicate; sheet "clean": one valid row. */
    private Path workbook(String name) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet dirty = workbook.createSheet("dirty");
            header(dirty);
            contact(workbook, dirty, 1, "+525500998877", "Carlos", 1200.0);
            contact(workbook, dirty, 2, "+525511223344", "Ana", 99.5);
            contact(workbook, dirty, 3, "+525500998877", "Otra", 1.0);
            Sheet clean = workbook.createSheet("clean");
            header(clean);
            contact(workbook, clean, 1, "+525500998877", "Carlos", 1200.0);
            workbook.write(out);
        }
        return file;
    }

    private static void header(Sheet sheet) {
        Row header = sheet.createRow(0);
        String[] names = {"CONTACT", "NOMBRE", "MONTO", "FECHA"};
        for (int i = 0; i < names.length; i++) {
            header.createCell(i).setCellValue(names[i]);
        }
    }

    private static void contact(
            XSSFWorkbook workbook, Sheet sheet, int index, String phone, String name, double amount) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(phone);
        row.createCell(1).setCellValue(name);
        row.createCell(2).setCellValue(amount);
        var date = row.createCell(3);
        date.setCellValue(java.time.LocalDate.of(2016, 12, 25));
        var style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        date.setCellStyle(style);
    }

    private static String[] args(Path file) {
        String[] args = new String[FIELDS.length + 2];
        args[0] = "validate";
        args[1] = file.toString();
        System.arraycopy(FIELDS, 0, args, 2, FIELDS.length);
        return args;
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
