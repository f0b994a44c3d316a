package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text files in the single-byte encodings Excel and older systems save in (issue 14, item 10). */
class TextEncodingTest {

    private static final String SPANISH =
            "CONTACT;NOMBRE;MONTO;FECHA\r\n" + "+525500998877;José Ñúñez “el Güero” – pagó 5 €;1480.5;2016-12-25\r\n";

    @TempDir
    Path dir;

    private final AudienceImporter importer =
            AudienceImporter.builder().schema(TextImportTest.SCHEMA).build();

    @Test
    void excelsCsvOnSpanishWindowsIsReadAsWindows1252AndTheReportSaysSo() throws Exception {
        Path file = Fixtures.text(dir, "contactos.csv", SPANISH, Charset.forName("windows-1252"), false);

        ImportResult result = importer.importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.report().encoding()).isEqualTo("windows-1252");
        assertThat(result.contacts().get(0).data().normalized("NOMBRE")).contains("José Ñúñez “el Güero” – pagó 5 €");
    }

    @Test
    void latin1TextWithoutWindowsCharactersIsReadToo() throws Exception {
        Path file = Fixtures.text(
                dir,
                "contactos.csv",
                "CONTACT;NOMBRE;MONTO;FECHA\n+525500998877;Peña Ibáñez;1;2016-12-25\n",
                StandardCharsets.ISO_8859_1,
                false);

        ImportResult result = importer.importFile(file);

        assertThat(result.contacts().get(0).data().normalized("NOMBRE")).contains("Peña Ibáñez");
    }

    @Test
    void latin9TextWithItsEuroSignIsReadAsIso885915() throws Exception {
        Path file = Fixtures.text(
                dir,
                "contactos.csv",
                "CONTACT;NOMBRE;MONTO;FECHA\n+525500998877;Peña 5 €;1;2016-12-25\n",
                Charset.forName("ISO-8859-15"),
                false);

        ImportResult result = importer.importFile(file);

        assertThat(result.report().encoding()).isEqualTo("ISO-8859-15");
        assertThat(result.contacts().get(0).data().normalized("NOMBRE")).contains("Peña 5 €");
    }

    @Test
    void utf8StaysUtf8AndIsReported() throws Exception {
        Path file = Fixtures.text(dir, "contactos.csv", SPANISH);

        ImportResult result = importer.importFile(file);

        assertThat(result.report().encoding()).isEqualTo("UTF-8");
        assertThat(result.contacts().get(0).data().normalized("NOMBRE")).contains("José Ñúñez “el Güero” – pagó 5 €");
    }

    @Test
    void theHostsEncodingOverridesDetection() throws Exception {
        // MacRoman bytes decode without error as Windows-1252, wrongly: the host knows better
        Charset macRoman = Charset.forName("x-MacRoman");
        Path file = Fixtures.text(
                dir, "contactos.csv", SPANISH.replace("“el Güero” – ", "").replace(" €", ""), macRoman, false);

        ImportResult result = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .encoding(macRoman)
                .build()
                .importFile(file);

        assertThat(result.report().encoding()).isEqualTo("x-MacRoman");
        assertThat(result.contacts().get(0).data().normalized("NOMBRE")).contains("José Ñúñez pagó 5");
    }

    @Test
    void workbooksHaveNoEncodingButASheet() throws Exception {
        Path file = Fixtures.xlsx(
                dir, "c.xlsx", java.util.List.of(java.util.List.of("CONTACT"), java.util.List.of("+525500998877")));

        ImportReport report =
                AudienceImporter.builder().build().importFile(file).report();

        assertThat(report.encoding()).isNull();
        assertThat(report.sheet()).isEqualTo("Contacts");
    }
}
