package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

class ImportProperties {

    /** A generated row: the number's national digits after +52 55, and the three field values. */
    record Row(int subscriber, boolean phoneAsNumber, String name, BigDecimal amount, LocalDate date) {
        String e164() {
            return String.format("+5255%08d", subscriber);
        }
    }

    private Path dir;

    @BeforeProperty
    void createDir() throws IOException {
        dir = Files.createTempDirectory("import-properties");
    }

    @AfterProperty
    void deleteDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private final AudienceImporter importer = AudienceImporter.builder()
            .schema(TextImportTest.SCHEMA)
            .parallelism(2)
            .build();

    @Property(tries = 40)
    void validRowsImportToTheSameContactsInEveryFormat(@ForAll("rows") List<Row> rows) throws Exception {
        List<Map.Entry<String, Map<String, String>>> expected = rows.stream()
                .map(row -> Map.entry(
                        row.e164(),
                        Map.of(
                                "NOMBRE",
                                row.name().strip(),
                                "MONTO",
                                new BigDecimal(row.amount().toPlainString())
                                        .stripTrailingZeros()
                                        .toPlainString()
                                        .replaceAll("^-?0$", "0"),
                                "FECHA",
                                row.date().toString())))
                .toList();

        for (Path file : writeInEveryFormat(rows)) {
            ImportResult result = importer.importFile(file);
            assertThat(result.errors()).as(file.getFileName().toString()).isEmpty();
            assertThat(result.contacts().stream()
                            .map(contact -> Map.entry(
                                    contact.phone().e164(), contact.data().normalizedValues()))
                            .toList())
                    .as(file.getFileName().toString())
                    .isEqualTo(expected);
        }
    }

    @Property(tries = 150)
    void mutatedFilesRaiseNothingButTheImportsOwnError(
            @ForAll("format") String format, @ForAll("mutations") List<int[]> mutations) throws Exception {
        List<Row> rows = List.of(
                new Row(998877, true, "Carlos", new BigDecimal("12.5"), LocalDate.of(2016, 12, 25)),
                new Row(112233, false, "Ana", BigDecimal.ONE, LocalDate.of(2017, 1, 2)));
        Path file = writeInEveryFormat(rows).stream()
                .filter(path -> path.toString().endsWith(format))
                .findFirst()
                .orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        for (int[] mutation : mutations) {
            bytes[mutation[0] % bytes.length] = (byte) mutation[1];
        }
        Files.write(file, bytes);

        try {
            ImportResult result = importer.importFile(file);
            assertThat(result.rows()).isLessThanOrEqualTo(bytes.length);
        } catch (AudienceImportException expected) {
            assertThat(expected.code()).isNotBlank();
        }
    }

    private List<Path> writeInEveryFormat(List<Row> rows) throws IOException {
        StringBuilder tsv = new StringBuilder("CONTACT\tNOMBRE\tMONTO\tFECHA\n");
        StringBuilder csv = new StringBuilder("CONTACT;NOMBRE;MONTO;FECHA\r\n");
        List<List<Object>> sheet = new ArrayList<>();
        sheet.add(List.of("CONTACT", "NOMBRE", "MONTO", "FECHA"));
        for (Row row : rows) {
            tsv.append(row.e164())
                    .append('\t')
                    .append(quoted(row.name()))
                    .append('\t')
                    .append(row.amount().toPlainString())
                    .append('\t')
                    .append(row.date())
                    .append('\n');
            csv.append(row.e164().substring(1))
                    .append(';')
                    .append(quoted(row.name()))
                    .append(';')
                    .append(row.amount().toPlainString())
                    .append(';')
                    .append(row.date())
                    .append("\r\n");
            sheet.add(Arrays.asList(
                    row.phoneAsNumber() ? (Object) Double.parseDouble(row.e164().substring(1)) : row.e164(),
                    row.name(),
                    row.amount(),
                    row.date()));
        }
        return List.of(
                Fixtures.text(dir, "rows.tsv", tsv.toString()),
                Fixtures.text(dir, "rows.csv", csv.toString(), StandardCharsets.UTF_8, true),
                Fixtures.text(dir, "rows.txt", tsv.toString(), StandardCharsets.UTF_16LE, true),
                Fixtures.xlsx(dir, "rows.xlsx", sheet),
                Fixtures.xls(dir, "rows.xls", sheet));
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> names = Arbitraries.strings()
                .withChars("abcXYZ áéñÑ;,\"'\t-.")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(name -> !name.isBlank());
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals()
                .between(new BigDecimal("-999999999"), new BigDecimal("999999999"))
                .ofScale(3);
        Arbitrary<LocalDate> dates = Arbitraries.integers()
                .between(0, 70_000)
                .map(days -> LocalDate.of(1905, 1, 1).plusDays(days));
        Arbitrary<Row> row = Combinators.combine(
                        Arbitraries.integers().between(0, 99_999_999),
                        Arbitraries.of(true, false),
                        names,
                        amounts,
                        dates)
                .as(Row::new);
        return row.list().ofMinSize(1).ofMaxSize(20).uniqueElements(Row::subscriber);
    }

    @Provide
    Arbitrary<String> format() {
        return Arbitraries.of("tsv", "csv", "txt", "xlsx", "xls");
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.integers().between(0, 255))
                .as((position, value) -> new int[] {position, value})
                .list()
                .ofMinSize(1)
                .ofMaxSize(8);
    }
}
