package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text files longer than what the importer sniffs and reads at once (64 KiB): what lies beyond
 * the first read follows the same rules, with the same row numbers, as what lies inside it.
 */
class LongTextImportTest {

    private static final int FIRST_READ = 64 * 1024;
    private static final String HEADER = "CONTACT\tNOMBRE\tMONTO\tFECHA";

    @TempDir
    Path dir;

    private final AudienceImporter importer =
            AudienceImporter.builder().schema(TextImportTest.SCHEMA).build();

    @Test
    void aNulCharacterAfterTheSniffedStartIsUnreadableWithItsRow() throws Exception {
        String rows = validRows(FIRST_READ + 1000, "\n");
        int nulRow = lines(rows) + 1;
        Path file = write(
                rows.getBytes(StandardCharsets.US_ASCII),
                "+525511112222\tAna\u0000\t1\t2016-12-25\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE);
            assertThat(e.getMessage()).contains("row " + nulRow + " holds a NUL character");
        });
    }

    @Test
    void invalidUtf8RightAfterTheFirstReadIsUnreadableWithItsRow() throws Exception {
        String rows = validRows(FIRST_READ, "\n");
        int badRow = lines(rows) + 1;
        Path file = write(rows.getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, '\n'});

        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE);
            assertThat(e.getMessage()).contains("row " + badRow + " is not valid UTF-8");
        });
    }

    @Test
    void aCrLfLineBreakAcrossTheFirstReadIsOneLineBreak() throws Exception {
        // the CR is the last character of the first read, its LF the first of the next
        String rows = validRows(FIRST_READ + 1, "\r\n");
        int invalidRow = lines(rows) + 2;
        Path file = write(
                rows.getBytes(StandardCharsets.US_ASCII),
                ("+525511112222\tAna\t1\t2016-12-25\r\n" + "12\tLuis\t1\t2016-12-25\r\n")
                        .getBytes(StandardCharsets.US_ASCII));

        ImportResult result = importer.importFile(file);

        assertThat(result.rows()).isEqualTo(invalidRow - 1);
        assertThat(result.invalid()).isEqualTo(1);
        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::code)
                .containsExactly(tuple(invalidRow, ImportError.INVALID_PHONE));
    }

    /**
     * The header and valid rows (distinct phones) ended by {@code lineEnd}, the last row's name
     * lengthened so that the text is exactly {@code length} characters.
     */
    private static String validRows(int length, String lineEnd) {
        StringBuilder text = new StringBuilder(HEADER).append(lineEnd);
        int phone = 0;
        String row = row(phone, "Carlos", lineEnd);
        while (length - text.length() >= 2 * row.length()) {
            text.append(row);
            row = row(++phone, "Carlos", lineEnd);
        }
        int missing = length - text.length() - row.length();
        text.append(row(phone, "Carlos" + "s".repeat(missing), lineEnd));
        assertThat(text).hasSize(length);
        return text.toString();
    }

    private static String row(int phone, String name, String lineEnd) {
        return String.format("+52550099%04d\t%s\t1\t2016-12-25%s", phone, name, lineEnd);
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private Path write(byte[]... parts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = dir.resolve("contacts.tsv");
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
