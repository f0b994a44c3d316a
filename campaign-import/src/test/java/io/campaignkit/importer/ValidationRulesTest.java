package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationRulesTest {

    private static final String HEADER = "CONTACT\tNOMBRE\tMONTO\tFECHA\n";

    @TempDir
    Path dir;

    private AudienceImporter importer(ImportPolicy policy) {
        return AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .policy(policy)
                .build();
    }

    private ImportResult importTsv(String content) throws Exception {
        return importer(ImportPolicy.LENIENT).importFile(Fixtures.text(dir, "contacts.tsv", content));
    }

    @Test
    void reportsEveryRowProblemAtOnceWithRowColumnCodeAndCell() throws Exception {
        ImportResult result = importTsv(HEADER
                + "+525500998877\tCarlos\t1200\t2016-12-25\n"
                + "12\tAna\t1\t2016-12-25\n"
                + "+525500998877\tOtra\t2\t2016-12-25\n"
                + "+34612345678\t\t1,5\t25/12/2016\n"
                + "+447911123456\tLuis\t3\t2017-02-30\n"
                + "+999123456\tX\t1\t2016-12-25\n");

        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.valid()).isEqualTo(1);
        assertThat(result.invalid()).isEqualTo(5);
        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::column, ImportError::code, ImportError::reason)
                .containsExactly(
                        tuple(3, "CONTACT", ImportError.INVALID_PHONE, "NOT_VALID_FOR_COUNTRY"),
                        tuple(4, "CONTACT", ImportError.DUPLICATE_CONTACT, null),
                        tuple(5, "NOMBRE", ImportError.MISSING_VALUE, null),
                        tuple(5, "MONTO", ImportError.INVALID_NUMBER, null),
                        tuple(5, "FECHA", ImportError.INVALID_DATE, null),
                        tuple(6, "FECHA", ImportError.INVALID_DATE, null),
                        tuple(7, "CONTACT", ImportError.INVALID_PHONE, "UNKNOWN_COUNTRY_CODE"));
        assertThat(result.errors().get(1).message())
                .startsWith("A4: ")
                .contains("+525500998877")
                .contains("row 2");
        assertThat(result.errors().get(2).message()).startsWith("B5: ");
        assertThat(result.errors().get(5).message()).contains("2017-02-30");
    }

    @Test
    void aDuplicateOfARowWithAnInvalidFieldIsStillReported() throws Exception {
        ImportResult result = importTsv(
                HEADER + "+525500998877\tCarlos\tx\t2016-12-25\n" + "+52 55 0099 8877\tCarlos\t1\t2016-12-25\n");

        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::code)
                .containsExactly(tuple(2, ImportError.INVALID_NUMBER), tuple(3, ImportError.DUPLICATE_CONTACT));
        assertThat(result.valid()).isZero();
    }

    @Test
    void reportsEveryHeaderProblemAndRefusesTheFileUnderBothPolicies() throws Exception {
        String content = "CONTACT\tnombre\tEXTRA\tNOMBRE\tcontact\n+525500998877\tCarlos\tx\tCarlos\t1\n";

        for (ImportPolicy policy : ImportPolicy.values()) {
            ImportResult result = importer(policy).importFile(Fixtures.text(dir, "h.tsv", content));
            assertThat(result.errors())
                    .extracting(ImportError::row, ImportError::column, ImportError::code)
                    .containsExactly(
                            tuple(1, "EXTRA", ImportError.UNKNOWN_COLUMN),
                            tuple(1, "NOMBRE", ImportError.DUPLICATE_COLUMN),
                            tuple(1, "contact", ImportError.DUPLICATE_COLUMN),
                            tuple(1, "MONTO", ImportError.MISSING_COLUMN),
                            tuple(1, "FECHA", ImportError.MISSING_COLUMN));
            assertThat(result.report().headerValid()).isFalse();
            assertThat(result.accepted()).isFalse();
        }
    }

    @Test
    void theFirstColumnMustBeHeadedContact() throws Exception {
        ImportResult result = importTsv("NOMBRE\tCONTACT\tMONTO\tFECHA\nCarlos\t+525500998877\t1\t2016-12-25\n");

        assertThat(result.errors()).extracting(ImportError::code).first().isEqualTo(ImportError.MISSING_CONTACT_COLUMN);
        assertThat(result.errors().get(0).message()).contains("column B");
        assertThat(result.valid()).isZero();
        assertThat(result.invalid()).isEqualTo(1);
        assertThat(result.accepted()).isFalse();
    }

    @Test
    void headerMatchesFieldIdsIgnoringCaseAndContactInAnyCase() throws Exception {
        ImportResult result = importTsv(" contact \tnombre\tMonto\tfecha\n+525500998877\tCarlos\t1\t2016-12-25\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts().get(0).data().values()).containsOnlyKeys("NOMBRE", "MONTO", "FECHA");
    }

    @Test
    void aValueInAColumnWithoutHeaderIsReported() throws Exception {
        ImportResult result = importTsv(
                HEADER + "+525500998877\tCarlos\t1\t2016-12-25\tstray\n" + "+34612345678\tAna\t1\t2016-12-25\t\n");

        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::column, ImportError::code)
                .containsExactly(tuple(2, "E", ImportError.UNKNOWN_COLUMN));
        assertThat(result.valid()).isEqualTo(1);
    }

    @Test
    void strictRefusesAFileWithAnyInvalidRowWhileLenientKeepsTheValidOnes() throws Exception {
        Path file = Fixtures.text(
                dir, "c.tsv", HEADER + "+525500998877\tCarlos\t1\t2016-12-25\n" + "+34612345678\tAna\tx\t2016-12-25\n");

        ImportResult strict = importer(ImportPolicy.STRICT).importFile(file);
        ImportResult lenient = importer(ImportPolicy.LENIENT).importFile(file);

        assertThat(strict.accepted()).isFalse();
        assertThat(lenient.accepted()).isTrue();
        assertThat(lenient.contacts()).extracting(c -> c.phone().e164()).containsExactly("+525500998877");
        assertThat(strict.report().errors()).isEqualTo(lenient.report().errors());
        assertThat(importer(ImportPolicy.STRICT)
                        .importFile(Fixtures.text(dir, "ok.tsv", HEADER + "+525500998877\tCarlos\t1\t2016-12-25\n"))
                        .accepted())
                .isTrue();
    }

    @Test
    void listsAtMostMaxErrorsButCountsThemAll() throws Exception {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 30; i++) {
            rows.append("bad\tX\tnan\t2016-12-25\n");
        }
        AudienceImporter capped = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .maxErrors(5)
                .build();

        ImportReport report =
                capped.importFile(Fixtures.text(dir, "c.tsv", rows.toString())).report();

        assertThat(report.errors()).hasSize(5);
        assertThat(report.errorCount()).isEqualTo(60);
        assertThat(report.invalid()).isEqualTo(30);
        assertThat(report.errorsTruncated()).isTrue();
        assertThat(report.errors()).extracting(ImportError::row).containsExactly(2, 2, 3, 3, 4);
    }

    @Test
    void aDefaultRegionReadsNationalNumbers() throws Exception {
        Path file = Fixtures.text(dir, "c.tsv", HEADER + "55 0099 8877\tCarlos\t1\t2016-12-25\n");

        ImportResult mexican = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .defaultRegion("MX")
                .build()
                .importFile(file);
        ImportResult international = importTsv(HEADER + "55 0099 8877\tCarlos\t1\t2016-12-25\n");

        assertThat(mexican.contacts()).extracting(c -> c.phone().e164()).containsExactly("+525500998877");
        assertThat(international.valid()).isZero();
    }

    @Test
    void streamingHandsContactsOverInRowOrderAndRetainsNone() throws Exception {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            rows.append("+5255")
                    .append(String.format("%08d", i))
                    .append("\tN")
                    .append(i)
                    .append("\t")
                    .append(i)
                    .append("\t2016-12-25\n");
        }
        List<Integer> seen = new ArrayList<>();

        ImportReport report = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .parallelism(3)
                .build()
                .importFile(Fixtures.text(dir, "c.tsv", rows.toString()), contact -> seen.add(contact.row()));

        assertThat(report.valid()).isEqualTo(3000);
        assertThat(seen).hasSize(3000).isSorted().startsWith(2).endsWith(3001);
    }

    @Test
    void anExceptionFromTheCallbackStopsTheImportAndReachesTheCaller() throws Exception {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            rows.append("+5255").append(String.format("%08d", i)).append("\tN\t1\t2016-12-25\n");
        }
        Path file = Fixtures.text(dir, "c.tsv", rows.toString());

        assertThatThrownBy(() -> importer(ImportPolicy.LENIENT).importFile(file, contact -> {
                    throw new IllegalStateException("host is full");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("host is full");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutRowsAreEmptyFiles() throws Exception {
        AudienceImporter importer = importer(ImportPolicy.LENIENT);

        assertThatThrownBy(() -> importer.importFile(Fixtures.text(dir, "empty.tsv", "")))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.EMPTY_FILE));
        assertThatThrownBy(() -> importer.importFile(Fixtures.text(dir, "blank.tsv", "\n \n\t\n")))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.EMPTY_FILE));
        assertThatThrownBy(() -> importer.importFile(Fixtures.text(dir, "header.tsv", "CONTACT\tNOMBRE\n")))
                .isInstanceOfSatisfying(AudienceImportException.class, e -> {
                    assertThat(e.code()).isEqualTo(AudienceImportException.EMPTY_FILE);
                    assertThat(e.errors())
                            .extracting(ImportError::code)
                            .containsExactly(ImportError.MISSING_COLUMN, ImportError.MISSING_COLUMN);
                });
    }

    @Test
    void aFileOverTheRowLimitIsRefused() throws Exception {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 11; i++) {
            rows.append("+5255").append(String.format("%08d", i)).append("\tN\t1\t2016-12-25\n\n");
        }
        AudienceImporter limited = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .maxRows(10)
                .build();

        assertThatThrownBy(() -> limited.importFile(Fixtures.text(dir, "c.tsv", rows.toString())))
                .isInstanceOfSatisfying(AudienceImportException.class, e -> {
                    assertThat(e.code()).isEqualTo(AudienceImportException.TOO_MANY_ROWS);
                    assertThat(e.getMessage()).contains("more than 10").contains("row 22");
                });
        rows.setLength(rows.length() - 2 - "+525500000010\tN\t1\t2016-12-25".length());
        assertThat(limited.importFile(Fixtures.text(dir, "ten.tsv", rows.toString()))
                        .rows())
                .isEqualTo(10);
    }

    @Test
    void aRowOverTheSizeLimitIsRefused() throws Exception {
        AudienceImporter limited = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .limits(ImportLimits.custom().maxRowChars(100).build())
                .build();
        Path file = Fixtures.text(dir, "c.tsv", HEADER + "+525500998877\t" + "x".repeat(200) + "\t1\t2016-12-25\n");

        assertThatThrownBy(() -> limited.importFile(file))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.ROW_TOO_LARGE));
    }

    @Test
    void argumentsAreCheckedAndNamed() {
        assertThatThrownBy(() -> AudienceImporter.builder().defaultRegion("XX"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("defaultRegion"));
        assertThatThrownBy(() -> AudienceImporter.builder().schema(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("schema"));
        assertThatThrownBy(() -> AudienceImporter.builder().parallelism(0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("parallelism"));
        assertThatThrownBy(() -> AudienceImporter.builder().maxRows(0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("maxRows"));
        assertThatThrownBy(() -> AudienceImporter.builder().build().importFile(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("file"));
        assertThatThrownBy(() -> AudienceImporter.builder().build().importFile(Path.of("x.tsv"), null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("onContact"));
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertThatThrownBy(() -> AudienceImporter.builder().build().importFile(dir.resolve("nope.tsv")))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE));
    }

    @Test
    void aSchemaWithoutFieldsTakesAFileOfContactsOnly() throws Exception {
        ImportResult result = AudienceImporter.builder()
                .build()
                .importFile(Fixtures.text(dir, "c.csv", "CONTACT\n+525500998877\n+34612345678\n"));

        assertThat(result.valid()).isEqualTo(2);
        assertThat(result.contacts().get(0).data().isEmpty()).isTrue();
    }

    @Test
    void optionalFieldsMayBeEmpty() throws Exception {
        CustomDataSchema schema = CustomDataSchema.custom()
                .required("NOMBRE", FieldType.TEXT)
                .optional("MONTO", FieldType.NUMBER)
                .build();
        ImportResult result = AudienceImporter.builder()
                .schema(schema)
                .build()
                .importFile(Fixtures.text(dir, "c.tsv", "CONTACT\tNOMBRE\tMONTO\n+525500998877\tCarlos\t\n"));

        assertThat(result.valid()).isEqualTo(1);
        assertThat(result.contacts().get(0).data().values()).containsOnlyKeys("NOMBRE");
    }
}
