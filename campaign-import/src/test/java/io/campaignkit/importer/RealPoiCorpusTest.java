package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real files from Apache POI's test corpus (see {@code poi-test-data/SOURCE.md}) that were refused
 * with misleading messages or read from the wrong sheet (issue 14, items 13 and 14).
 */
class RealPoiCorpusTest {

    private final AudienceImporter importer = AudienceImporter.builder().build();

    private static Path corpus(String name) throws URISyntaxException {
        return Path.of(
                RealPoiCorpusTest.class.getResource("/poi-test-data/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({
        "Simple.xlsb, UNSUPPORTED_FORMAT, Excel binary workbook (.xlsb) is not supported",
        "SimpleStrict.xlsx, UNSUPPORTED_FORMAT, Strict Open XML Spreadsheet, which is not supported",
        "password.xls, UNREADABLE_FILE, password-protected",
        "xor-encryption-abc.xls, UNREADABLE_FILE, password-protected",
        "protected_passtika.xlsx, UNREADABLE_FILE, password-protected"
    })
    void eachRefusalSaysWhatTheFileIsAndWhatToDo(String file, String code, String says) throws Exception {
        Path path = corpus(file);

        assertThatThrownBy(() -> importer.importFile(path)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage())
                    .contains(says)
                    .containsAnyOf("save it as", "remove the password")
                    .doesNotContain("damaged")
                    .doesNotContain("Exception")
                    .doesNotContain("bug");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"TwoSheetsOneHidden.xls", "TwoSheetsOneHidden.xlsx"})
    void theFirstVisibleSheetIsRead(String file) throws Exception {
        // Sheet1 (hidden) holds "Sheet1A1", Sheet2 (visible) "Sheet2A1": the header found tells which was read
        Path path = corpus(file);

        assertThatThrownBy(() -> importer.importFile(path)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.EMPTY_FILE);
            assertThat(e.errors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.message()).contains("found 'Sheet2A1'"));
        });
    }
}
