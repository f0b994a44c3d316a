package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a text file's delimiter is chosen when its header has none, and when text is too full of control characters. */
class TextFormatRulesTest {

    private static final String ONE_COLUMN = "CONTACT\n+525500998877\n+34612345678\n";

    @TempDir
    Path dir;

    private final AudienceImporter importer =
            AudienceImporter.builder().schema(CustomDataSchema.empty()).build();

    @Test
    void aSingleColumnFileIsCsvWhenNamedCsvAndTabSeparatedOtherwise() throws Exception {
        ImportResult csv = importer.importFile(Fixtures.text(dir, "contacts.csv", ONE_COLUMN));
        ImportResult tsv = importer.importFile(Fixtures.text(dir, "contacts.tsv", ONE_COLUMN));
        ImportResult txt = importer.importFile(Fixtures.text(dir, "contacts.txt", ONE_COLUMN));

        assertThat(csv.format()).isEqualTo(ImportFormat.CSV);
        assertThat(tsv.format()).isEqualTo(ImportFormat.TSV);
        assertThat(txt.format()).isEqualTo(ImportFormat.TSV);
        assertThat(csv.valid()).isEqualTo(2);
        assertThat(tsv.valid()).isEqualTo(2);
    }

    @Test
    void aStrayControlCharacterLeavesTextTextButAFileFullOfThemIsBinary() throws Exception {
        // old DOS tools end a file with Ctrl-Z: one control character among hundreds of others
        StringBuilder dos = new StringBuilder("CONTACT\n");
        for (int i = 10; i < 30; i++) {
            dos.append("+5255009988").append(i).append('\n');
        }
        ImportResult withEndMarker = importer.importFile(Fixtures.text(dir, "dos.csv", dos + "\u001A"));
        assertThat(withEndMarker.format()).isEqualTo(ImportFormat.CSV);
        assertThat(withEndMarker.valid()).isEqualTo(20);

        StringBuilder controls = new StringBuilder("CONTACT\n");
        for (int i = 0; i < 200; i++) {
            controls.append("+5255009988")
                    .append(i % 10)
                    .append('\u0001')
                    .append('\u0002')
                    .append('\n');
        }
        Path binary = Fixtures.text(dir, "binary.csv", controls.toString());
        assertThatThrownBy(() -> importer.importFile(binary))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE))
                .hasMessageContaining("looks like binary data");
    }

    @Test
    void quotedLastValuesKeepTheRowNumbersWithCrLfAndWithBlankLines() throws Exception {
        AudienceImporter withNote = AudienceImporter.builder()
                .schema(CustomDataSchema.custom()
                        .optional("NOTA", FieldType.TEXT)
                        .build())
                .build();
        String crLf = "CONTACT,NOTA\r\n+525500998877,\"uno\"\r\n\"12\",\"dos\"\r\n+34612345678,\"tres\"\r\n";
        String blankLine = "CONTACT,NOTA\n+525500998877,\"uno\"\n\n\"12\",\"dos\"\n";

        ImportResult fromCrLf = withNote.importFile(Fixtures.text(dir, "crlf.csv", crLf));
        ImportResult withBlank = withNote.importFile(Fixtures.text(dir, "blank.csv", blankLine));

        assertThat(fromCrLf.errors()).extracting(ImportError::row).containsExactly(3);
        assertThat(fromCrLf.valid()).isEqualTo(2);
        assertThat(withBlank.errors()).extracting(ImportError::row).containsExactly(4);
    }
}
