package io.campaignkit.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.importer.AudienceImportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text reader's two paths (a plain field copied at once, anything quoted read character by
 * character) must agree on every rule: the row-size limit, blanks before an opening quote, line ends.
 */
class TextRowSourceTest {

    private static final FormatDetector.TextEncoding UTF8 = new FormatDetector.TextEncoding(StandardCharsets.UTF_8, 0);

    @TempDir
    Path dir;

    @Test
    void aRowOfPlainFieldsIsLimitedLikeAnyOtherCountingItsSeparatorsAndLineEnd() throws IOException {
        // "ab;cd\n" is 6 characters: at a limit of 6 it is read, at 5 it is too long
        assertThat(read("ab;cd\nef;gh\n", 6)).containsExactly(List.of("ab", "cd"), List.of("ef", "gh"));
        assertThatThrownBy(() -> read("ab;cd\nef;gh\n", 5))
                .isInstanceOf(AudienceImportException.class)
                .hasMessage("row 1 is longer than 5 characters")
                .extracting(e -> ((AudienceImportException) e).code())
                .isEqualTo(AudienceImportException.ROW_TOO_LARGE);
        assertThatThrownBy(() -> read("a;b\nccccc;dddd\n", 8))
                .isInstanceOf(AudienceImportException.class)
                .hasMessage("row 2 is longer than 8 characters");
    }

    @Test
    void aQuotedRowIsLimitedTheSameWayAndTheMessageSuspectsAMissingQuote() throws IOException {
        assertThat(read("\"ab\";c\n", 7)).containsExactly(List.of("ab", "c"));
        assertThatThrownBy(() -> read("\"ab;c\nd;e\n", 8))
                .isInstanceOf(AudienceImportException.class)
                .hasMessage("row 1 is longer than 8 characters: a quoted value there may lack its closing quote");
    }

    @Test
    void blanksBeforeAnOpeningQuoteAreNotPartOfTheValueButOtherTextBeforeAQuoteIs() throws IOException {
        assertThat(read("a; \t\"b;c\"\n", 100)).containsExactly(List.of("a", "b;c"));
        assertThat(read("a;x\"b;c\n", 100)).containsExactly(List.of("a", "x\"b", "c"));
        assertThat(read("a; x \"b\";c\n", 100)).containsExactly(List.of("a", "x \"b\"", "c"));
    }

    @Test
    void everyLineEndEndsARowAndCrLfIsOne() throws IOException {
        assertThat(read("a;b\r\nc;d\re;f\ng;h", 100))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
        assertThat(read("\"a\";\"b\"\r\n\"c\"\r\"d\"\n", 100))
                .containsExactly(List.of("a", "b"), List.of("c"), List.of("d"));
    }

    @Test
    void rowNumbersCountEveryLine() throws IOException {
        List<Integer> numbers = new ArrayList<>();
        source("a\r\n\r\nb\n\"c\"\n", 100).read((row, cells) -> numbers.add(row));
        assertThat(numbers).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theByteOrderMarkIsSkippedNotRead() throws IOException {
        Path file = dir.resolve("bom.csv");
        byte[] text = "CONTACT;B\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Files.write(file, bytes);
        List<List<String>> rows = new ArrayList<>();
        new TextRowSource(file, new FormatDetector.TextEncoding(StandardCharsets.UTF_8, 3), ';', 100)
                .read((row, cells) -> rows.add(List.of(cells)));
        assertThat(rows).containsExactly(List.of("CONTACT", "B"));
        assertThat(rows.get(0).get(0)).startsWith("C");
    }

    private List<List<String>> read(String text, int maxRowChars) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        source(text, maxRowChars).read((row, cells) -> rows.add(List.of(cells)));
        return rows;
    }

    private TextRowSource source(String text, int maxRowChars) throws IOException {
        Path file = Files.writeString(dir.resolve("rows.csv"), text, StandardCharsets.UTF_8);
        return new TextRowSource(file, UTF8, ';', maxRowChars);
    }
}
