package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The COPY stream's bytes are the text CSV would be: numbers as Long.toString, texts quoted, UTF-8. */
class CsvBytesProperties {

    @Property
    void aNumberIsWrittenAsItsDecimalText(@ForAll long value) {
        CsvBytes out = new CsvBytes(1);
        out.putLong(value);
        assertThat(text(out)).isEqualTo(Long.toString(value));
    }

    @Property
    void aTextIsQuotedWithItsQuotesDoubledInUtf8(
            @ForAll @StringLength(max = 40) @Chars({'a', '"', ',', '\n', '\\', 'ñ', '漢', '\uD83D', '\uDE00'})
                    String value) {
        CsvBytes out = new CsvBytes(1);
        out.putQuoted(value);
        out.putQuoted("after");
        String csv = '"' + value.replace("\"", "\"\"") + "\"\"after\"";
        // as String.getBytes writes it: a lone surrogate half becomes '?'
        assertThat(text(out)).isEqualTo(new String(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Property
    void aRowOfEveryKindWrittenPastTheFirstArrayIsWhole(
            @ForAll @StringLength(min = 30, max = 200) @Chars({'a', '"', 'ñ', '7'}) String text,
            @ForAll long number,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 40) int rows) {
        CsvBytes out = new CsvBytes(1); // 64 bytes: every kind of write below must make room
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            out.putQuoted(text);
            out.put((byte) ',');
            out.putLong(number);
            out.put((byte) ',');
            out.putAscii("true");
            out.put((byte) '\n');
            csv.append('"')
                    .append(text.replace("\"", "\"\""))
                    .append('"')
                    .append(',')
                    .append(number)
                    .append(",true\n");
        }
        assertThat(text(out)).isEqualTo(csv.toString());
        assertThat(out.size()).isEqualTo(csv.toString().getBytes(StandardCharsets.UTF_8).length);
    }

    @Property(tries = 50)
    void eachKindOfWriteAloneMakesItsOwnRoom(
            @ForAll @net.jqwik.api.constraints.IntRange(min = 65, max = 300) int times) {
        CsvBytes bytes = new CsvBytes(1);
        CsvBytes ascii = new CsvBytes(1);
        CsvBytes numbers = new CsvBytes(1);
        CsvBytes quoted = new CsvBytes(1);
        CsvBytes encoded = new CsvBytes(1);
        for (int i = 0; i < times; i++) {
            bytes.put((byte) 'x');
            ascii.putAscii("false");
            numbers.putLong(-1234567890123456789L);
            quoted.putQuoted("\"");
            encoded.putQuoted("\"ñ");
        }
        assertThat(text(bytes)).isEqualTo("x".repeat(times));
        assertThat(text(ascii)).isEqualTo("false".repeat(times));
        assertThat(text(numbers)).isEqualTo("-1234567890123456789".repeat(times));
        assertThat(text(quoted)).isEqualTo("\"\"\"\"".repeat(times));
        assertThat(text(encoded)).isEqualTo("\"\"\"ñ\"".repeat(times));
    }

    private static String text(CsvBytes out) {
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }
}
