package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local hours: the column that holds each contact's time zone is checked at import, row and column named. */
class ZoneFieldImportTest {

    private static final CustomDataSchema SCHEMA = CustomDataSchema.custom()
            .required("NOMBRE", FieldType.TEXT)
            .optional("ZONA", FieldType.TEXT)
            .build();

    @TempDir
    Path dir;

    @Test
    void anInvalidZoneIdIsAnErrorNamingItsRowAndColumn() throws Exception {
        Path file = Fixtures.text(
                dir,
                "c.tsv",
                "CONTACT\tNOMBRE\tZONA\n"
                        + "+525500998877\tCarlos\tAmerica/Mexico_City\n"
                        + "+525500998878\tAna\tHora de México\n"
                        + "+525500998879\tLuis\t\n"
                        + "+525500998880\tEva\tEurope/Madrid\n");

        ImportResult result = AudienceImporter.builder()
                .schema(SCHEMA)
                .zoneField("ZONA")
                .policy(ImportPolicy.LENIENT)
                .build()
                .importFile(file);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.column()).isEqualTo("ZONA");
            assertThat(error.code()).isEqualTo(ImportError.INVALID_TIME_ZONE);
            assertThat(error.message()).startsWith("C3: ").contains("Hora de México", "America/Mexico_City");
        });
        // a blank zone leaves it to the phone number
        assertThat(result.contacts())
                .extracting(c -> c.phone().e164())
                .containsExactly("+525500998877", "+525500998879", "+525500998880");
    }

    @Test
    void aWorkbookIsCheckedTheSameWay() throws Exception {
        Path file = Fixtures.xlsx(
                dir,
                "c.xlsx",
                List.of(
                        List.<Object>of("CONTACT", "ZONA", "NOMBRE"),
                        List.<Object>of("+525500998877", "Asia/Tokyo", "Carlos"),
                        List.<Object>of("+525500998878", "GMT+25", "Ana")));

        ImportResult result = AudienceImporter.builder()
                .schema(SCHEMA)
                .zoneField("ZONA")
                .build()
                .importFile(file);

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.code()).isEqualTo(ImportError.INVALID_TIME_ZONE);
            assertThat(error.message()).startsWith("B3: ");
        });
    }

    @Test
    void withoutTheSettingTheColumnIsPlainText() throws Exception {
        Path file = Fixtures.text(dir, "c.tsv", "CONTACT\tNOMBRE\tZONA\n+525500998878\tAna\tHora de México\n");

        assertThat(AudienceImporter.builder()
                        .schema(SCHEMA)
                        .build()
                        .importFile(file)
                        .errors())
                .isEmpty();
    }

    @Test
    void theZoneFieldMustBeAFieldOfTheSchema() {
        assertThatThrownBy(() -> AudienceImporter.builder()
                        .schema(SCHEMA)
                        .zoneField("ZONE")
                        .build())
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e ->
                        assertThat(((InvalidArgumentException) e).argument()).isEqualTo("zoneField"))
                .hasMessageContaining("ZONE");
    }
}
