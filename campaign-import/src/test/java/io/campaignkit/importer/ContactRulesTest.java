package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone column and what a number must be (issue 14, items 15, 22 and 23): a fixed line is
 * reported, a named column replaces CONTACT, and a refused file hands out no audience.
 */
class ContactRulesTest {

    private static final String HEADER = "CONTACT\tNOMBRE\tMONTO\tFECHA\n";

    @TempDir
    Path dir;

    @Test
    void aFixedLineIsAWarningByDefault() throws Exception {
        // +34 912 345 678 is a Madrid fixed line; +34 612 345 678 a Spanish mobile
        Path file = Fixtures.text(
                dir, "c.tsv", HEADER + "+34912345678\tFijo\t1\t2016-12-25\n" + "+34612345678\tMóvil\t1\t2016-12-25\n");

        ImportResult result =
                AudienceImporter.builder().schema(TextImportTest.SCHEMA).build().importFile(file);

        assertThat(result.accepted()).isTrue();
        assertThat(result.valid()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.row()).isEqualTo(2);
            assertThat(warning.code()).isEqualTo(ImportError.INVALID_PHONE);
            assertThat(warning.reason()).isEqualTo(ImportError.NOT_MOBILE);
            assertThat(warning.message())
                    .startsWith("A2: ")
                    .contains("+34912345678")
                    .contains("fixed line");
        });
        assertThat(result.report().warningCount()).isEqualTo(1);
    }

    @Test
    void aFixedLineIsRefusedWhenTheHostSaysSo() throws Exception {
        Path file = Fixtures.text(
                dir, "c.tsv", HEADER + "+34912345678\tFijo\t1\t2016-12-25\n" + "+34612345678\tMóvil\t1\t2016-12-25\n");

        ImportResult result = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .policy(ImportPolicy.LENIENT)
                .notMobile(NotMobilePolicy.REFUSE)
                .build()
                .importFile(file);

        assertThat(result.invalid()).isEqualTo(1);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.reason()).isEqualTo(ImportError.NOT_MOBILE));
        assertThat(result.contacts()).extracting(c -> c.phone().e164()).containsExactly("+34612345678");
    }

    @Test
    void fixedLineOrMobileNumbersAreNotReported() throws Exception {
        // US numbers are always "fixed line or mobile": they may receive messages
        Path file = Fixtures.text(dir, "c.tsv", "CONTACT\n+12015550123\n");

        assertThat(AudienceImporter.builder().build().importFile(file).warnings())
                .isEmpty();
    }

    @Test
    void aRefusedImportHandsOutNoContactsUnlessAskedByAMethodThatSaysSo() throws Exception {
        Path file = Fixtures.text(
                dir,
                "c.tsv",
                HEADER + "+525500998877\tCarlos\t1\t2016-12-25\n" + "+525500998878\tAna\tmucho\t2016-12-25\n");

        ImportResult refused =
                AudienceImporter.builder().schema(TextImportTest.SCHEMA).build().importFile(file);

        assertThat(refused.accepted()).isFalse();
        assertThatThrownBy(refused::contacts)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining("accepted()");
        assertThat(refused.validRowsEvenIfRefused())
                .extracting(c -> c.phone().e164())
                .containsExactly("+525500998877");
    }

    @Test
    void aHostNamesAnotherPhoneColumnWhereverItStands() throws Exception {
        Path file = Fixtures.text(
                dir,
                "c.tsv",
                "NOMBRE\tTelefono\tMONTO\tFECHA\n"
                        + "Carlos\t+525500998877\t1\t2016-12-25\n"
                        + "Ana\t+525500998877\t1\t2016-12-25\n"
                        + "Luis\t12\t1\t2016-12-25\n");

        ImportResult result = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .policy(ImportPolicy.LENIENT)
                .contactColumn("TELEFONO")
                .build()
                .importFile(file);

        assertThat(result.report().headerValid()).isTrue();
        assertThat(result.contacts())
                .extracting(
                        c -> c.phone().e164(),
                        c -> c.data().normalized("NOMBRE").orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+525500998877", "Carlos"));
        assertThat(result.errors())
                .extracting(ImportError::column, ImportError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Telefono", ImportError.DUPLICATE_CONTACT),
                        org.assertj.core.groups.Tuple.tuple("Telefono", ImportError.INVALID_PHONE));
        assertThat(result.errors().get(0).message()).startsWith("B3: ");
        assertThat(result.errors().get(1).message()).startsWith("B4: ");
    }

    @Test
    void aNamedPhoneColumnThatIsMissingIsAHeaderError() throws Exception {
        Path file = Fixtures.text(dir, "c.tsv", HEADER + "+525500998877\tCarlos\t1\t2016-12-25\n");

        ImportResult result = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .contactColumn("TELEFONO")
                .build()
                .importFile(file);

        assertThat(result.report().headerValid()).isFalse();
        assertThat(result.errors())
                .extracting(ImportError::code)
                .containsExactly(ImportError.MISSING_CONTACT_COLUMN, ImportError.UNKNOWN_COLUMN);
        assertThat(result.errors().get(0).message()).contains("TELEFONO");
    }

    @Test
    void byDefaultThePhoneColumnIsStillTheFirstHeadedContact() throws Exception {
        Path file =
                Fixtures.text(dir, "c.tsv", "NOMBRE\tCONTACT\tMONTO\tFECHA\nCarlos\t+525500998877\t1\t2016-12-25\n");

        ImportResult result =
                AudienceImporter.builder().schema(TextImportTest.SCHEMA).build().importFile(file);

        assertThat(result.report().headerValid()).isFalse();
        assertThat(result.errors().get(0).code()).isEqualTo(ImportError.MISSING_CONTACT_COLUMN);
    }
}
