package io.campaignkit.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The rules by which a text file's separator and encoding are chosen, at their edges: ties between
 * separators, the header being the first non-blank line, byte order marks, and where single-byte text
 * stops being text. The import tests show each rule on whole files; these pin the boundaries (found by
 * mutation testing, which changed them without any import test noticing).
 */
class FormatDetectorTest {

    @Test
    void theSeparatorTheHeaderUsesMostWinsAndTabsWinTies() {
        assertThat(FormatDetector.detectDelimiter("CONTACT\tA;B\n", "csv")).isEqualTo('\t');
        assertThat(FormatDetector.detectDelimiter("CONTACT\tA,B\n", "csv")).isEqualTo('\t');
        assertThat(FormatDetector.detectDelimiter("CONTACT;A;B\tC\n", "tsv")).isEqualTo(';');
        assertThat(FormatDetector.detectDelimiter("CONTACT;A,B\n", "csv")).isEqualTo(';');
        assertThat(FormatDetector.detectDelimiter("CONTACT,A,B;C\n", "tsv")).isEqualTo(',');
        assertThat(FormatDetector.detectDelimiter("CONTACT,A\tB,C\n", "tsv")).isEqualTo(',');
        assertThat(FormatDetector.detectDelimiter("CONTACT,A\n", "txt")).isEqualTo(',');
    }

    @Test
    void aHeaderWithoutAnySeparatorFallsBackToTheFileName() {
        assertThat(FormatDetector.detectDelimiter("CONTACT\n+525500998877\n", "csv"))
                .isEqualTo(',');
        assertThat(FormatDetector.detectDelimiter("CONTACT\n+525500998877\n", "tsv"))
                .isEqualTo('\t');
        assertThat(FormatDetector.detectDelimiter("CONTACT\n+525500998877\n", ""))
                .isEqualTo('\t');
    }

    @Test
    void theHeaderIsTheFirstNonBlankLine() {
        assertThat(FormatDetector.detectDelimiter("\n   \nCONTACT;NOMBRE\n1,2,3,4\n", "csv"))
                .isEqualTo(';');
        assertThat(FormatDetector.detectDelimiter("\r\n\t \r\nCONTACT,NOMBRE\n", "tsv"))
                .isEqualTo(',');
        // a last line without a newline is a line too
        assertThat(FormatDetector.detectDelimiter("\n\nCONTACT;NOMBRE", "csv")).isEqualTo(';');
        // nothing but blank lines: no header, the name decides
        assertThat(FormatDetector.detectDelimiter("\n \n", "csv")).isEqualTo(',');
    }

    @Test
    void byteOrderMarksNameTheEncodingAndAreNotText() {
        byte[] utf8 = withPrefix(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "CONTACT".getBytes(StandardCharsets.UTF_8));
        FormatDetector.TextEncoding encoding = FormatDetector.TextEncoding.detect(utf8, true);
        assertThat(encoding).isEqualTo(new FormatDetector.TextEncoding(StandardCharsets.UTF_8, 3));
        assertThat(encoding.decodeHead(utf8)).isEqualTo("CONTACT");

        byte[] le = withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE}, "CONTACT".getBytes(StandardCharsets.UTF_16LE));
        assertThat(FormatDetector.TextEncoding.detect(le, true))
                .isEqualTo(new FormatDetector.TextEncoding(StandardCharsets.UTF_16LE, 2));
        byte[] be = withPrefix(new byte[] {(byte) 0xFE, (byte) 0xFF}, "CONTACT".getBytes(StandardCharsets.UTF_16BE));
        assertThat(FormatDetector.TextEncoding.detect(be, true))
                .isEqualTo(new FormatDetector.TextEncoding(StandardCharsets.UTF_16BE, 2));
    }

    @Test
    void aFileOfOnlyAByteOrderMarkIsThatEncodingsEmptyText() {
        assertThat(FormatDetector.TextEncoding.detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, true))
                .isEqualTo(new FormatDetector.TextEncoding(StandardCharsets.UTF_8, 3));
        assertThat(FormatDetector.TextEncoding.detect(new byte[] {(byte) 0xFF, (byte) 0xFE}, true))
                .isEqualTo(new FormatDetector.TextEncoding(StandardCharsets.UTF_16LE, 2));
        assertThat(FormatDetector.TextEncoding.detect(new byte[] {(byte) 0xFE, (byte) 0xFF}, true))
                .isEqualTo(new FormatDetector.TextEncoding(StandardCharsets.UTF_16BE, 2));
    }

    @Test
    void theHostsEncodingGivesWayOnlyToAByteOrderMark() {
        Charset macRoman = Charset.forName("x-MacRoman");
        assertThat(FormatDetector.TextEncoding.given("CONTACT".getBytes(StandardCharsets.US_ASCII), macRoman))
                .isEqualTo(new FormatDetector.TextEncoding(macRoman, 0));
        byte[] le = withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE}, "CONTACT".getBytes(StandardCharsets.UTF_16LE));
        assertThat(FormatDetector.TextEncoding.given(le, macRoman))
                .isEqualTo(new FormatDetector.TextEncoding(StandardCharsets.UTF_16LE, 2));
    }

    @Test
    void singleByteTextIsWindows1252UnlessItHasTheLatin9EuroAndNoWindowsOnlyByte() {
        // 0xA4 is '€' in ISO-8859-15 and '¤' in Windows-1252: alone it means ISO-8859-15
        assertThat(charsetOf(latin(0xA4))).isEqualTo(Charset.forName("ISO-8859-15"));
        // 0x80 and 0x9F are the first and last of Windows-1252's own bytes ('€' and 'Ÿ')
        assertThat(charsetOf(latin(0xA4, 0x80))).isEqualTo(Charset.forName("windows-1252"));
        assertThat(charsetOf(latin(0xA4, 0x9F))).isEqualTo(Charset.forName("windows-1252"));
        // 0xA0 (no-break space) is not one of them
        assertThat(charsetOf(latin(0xA4, 0xA0))).isEqualTo(Charset.forName("ISO-8859-15"));
        assertThat(charsetOf(latin(0xE9))).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void singleByteTextMayHaveUpToThirtyPercentNonAsciiBytes() {
        assertThat(FormatDetector.TextEncoding.detect(nonAscii(30, 100), true)).isNotNull();
        assertThat(FormatDetector.TextEncoding.detect(nonAscii(31, 100), true)).isNull();
    }

    @Test
    void textMayHaveOneControlCharacterInAHundredAndNoNul() {
        assertThat(FormatDetector.TextEncoding.detect(withControls(1, 100), true))
                .isNotNull();
        assertThat(FormatDetector.TextEncoding.detect(withControls(2, 100), true))
                .isNull();
        byte[] withNul = "CONTACT\n+525500998877\n".getBytes(StandardCharsets.US_ASCII);
        withNul[3] = 0;
        assertThat(FormatDetector.TextEncoding.detect(withNul, true)).isNull();
        assertThat(FormatDetector.TextEncoding.detect("A\tB\r\nC\fD\n".getBytes(StandardCharsets.US_ASCII), true))
                .isEqualTo(new FormatDetector.TextEncoding(StandardCharsets.UTF_8, 0));
    }

    private static Charset charsetOf(byte[] head) {
        FormatDetector.TextEncoding encoding = FormatDetector.TextEncoding.detect(head, true);
        assertThat(encoding).isNotNull();
        return encoding.charset();
    }

    /** "CONTACT;NAME\n+525500998877;Pe?a\n" with the given bytes in the name (not UTF-8 on their own). */
    private static byte[] latin(int... bytes) {
        byte[] start = "CONTACT;NAME\n+525500998877;Pe".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(start, start.length + bytes.length + 3);
        for (int i = 0; i < bytes.length; i++) {
            out[start.length + i] = (byte) bytes[i];
        }
        out[out.length - 3] = 'a';
        out[out.length - 2] = ';';
        out[out.length - 1] = '\n';
        return out;
    }

    /** {@code length} bytes of text, {@code nonAscii} of them 0xE9 ('é' in Windows-1252) alone, so not UTF-8. */
    private static byte[] nonAscii(int nonAscii, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) 'a');
        for (int i = 0; i < nonAscii; i++) {
            out[i * 3 % length] = (byte) 0xE9;
        }
        assertThat(countAbove(out)).isEqualTo(nonAscii);
        return out;
    }

    private static int countAbove(byte[] bytes) {
        int count = 0;
        for (byte b : bytes) {
            count += (b & 0xFF) >= 0x80 ? 1 : 0;
        }
        return count;
    }

    private static byte[] withControls(int controls, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) 'a');
        for (int i = 0; i < controls; i++) {
            out[10 + i * 7] = 0x01;
        }
        return out;
    }

    private static byte[] withPrefix(byte[] prefix, byte[] rest) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, out, prefix.length, rest.length);
        return out;
    }
}
