package io.campaignkit.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellValuesTest {

    @Test
    void numbersKeepTheDigitsExcelShowsNeverAnExponent() {
        assertThat(CellValues.decimal(525500998877d)).isEqualTo("525500998877");
        assertThat(CellValues.decimal(5.255E11)).isEqualTo("525500000000");
        assertThat(CellValues.decimal(1480.4999999999998)).isEqualTo("1480.5");
        assertThat(CellValues.decimal(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(CellValues.decimal(-0.0)).isEqualTo("0");
        assertThat(CellValues.decimal(1200.0)).isEqualTo("1200");
        assertThat(CellValues.decimal(1e-7)).isEqualTo("0.0000001");
        assertThat(CellValues.decimal(-1234567.125)).isEqualTo("-1234567.125");
        assertThat(CellValues.decimal(1e20)).isEqualTo("100000000000000000000");
        assertThat(CellValues.decimal(123456789012345678d)).isEqualTo("123456789012346000");
    }

    @Test
    void aZeroPaddedFormatKeepsTheLeadingZerosItShows() {
        CellValues.DateFormats formats = new CellValues.DateFormats();
        assertThat(CellValues.numeric(7700900123d, 164, "00000000000", false, formats))
                .isEqualTo("07700900123");
        assertThat(CellValues.numeric(123, 165, "00000", false, formats)).isEqualTo("00123");
        assertThat(CellValues.numeric(1234567, 165, "00000", false, formats)).isEqualTo("1234567");
        assertThat(CellValues.numeric(12.5, 165, "00000", false, formats)).isEqualTo("12.5");
        assertThat(CellValues.numeric(4771234567d, 1, "0", false, formats)).isEqualTo("4771234567");
    }

    @Test
    void dateFormatsGiveIsoDatesInTheWorkbooksDateSystem() {
        // 42729 is 2016-12-25 in the 1900 system; the same serial is four years and a day later in 1904
        assertThat(CellValues.numeric(42729, 14, "m/d/yy", false, new CellValues.DateFormats()))
                .isEqualTo("2016-12-25");
        assertThat(CellValues.numeric(42729, 14, "m/d/yy", true, new CellValues.DateFormats()))
                .isEqualTo("2020-12-26");
        assertThat(CellValues.numeric(42729.75, 164, "dd/mm/yyyy hh:mm", false, new CellValues.DateFormats()))
                .isEqualTo("2016-12-25");
        assertThat(CellValues.numeric(42729, 0, "General", false, new CellValues.DateFormats()))
                .isEqualTo("42729");
    }

    @Test
    void columnLettersAndIndexesRoundTrip() {
        assertThat(CellValues.columnLetters(0)).isEqualTo("A");
        assertThat(CellValues.columnLetters(25)).isEqualTo("Z");
        assertThat(CellValues.columnLetters(26)).isEqualTo("AA");
        assertThat(CellValues.columnLetters(16383)).isEqualTo("XFD");
        for (int i = 0; i < 18_278; i += 37) { // up to ZZZ
            assertThat(CellValues.columnIndex(CellValues.columnLetters(i) + "12"))
                    .isEqualTo(i);
        }
        assertThat(CellValues.columnIndex("ab12")).isEqualTo(27);
        assertThat(CellValues.columnIndex("xfd1")).isEqualTo(16383);
        assertThat(CellValues.columnIndex("az7")).isEqualTo(51);
        assertThat(CellValues.columnIndex("12")).isEqualTo(-1);
        assertThat(CellValues.columnIndex("ABCD1")).isEqualTo(-1);
    }

    @Test
    void aFormatShowsADateWhenItHasDateTokensOutsideItsLiterals() {
        // Spanish Excel's long date: the quoted " de " is text, not a digit or date token
        assertThat(CellValues.hasDateTokens("d\" de \"mmmm\" de \"yyyy")).isTrue();
        // quoted text is literal even when it holds a digit placeholder
        assertThat(CellValues.hasDateTokens("\"Fecha #\" dd/mm/yyyy")).isTrue();
        assertThat(CellValues.hasDateTokens("\"Total\" 0")).isFalse();
        // a locale or a color in brackets is not a token; the date after it is
        assertThat(CellValues.hasDateTokens("[$-409]mmmm d, yyyy")).isTrue();
        assertThat(CellValues.hasDateTokens("[$-409][Red]d/m/yyyy")).isTrue();
        assertThat(CellValues.hasDateTokens("[Red]#,##0")).isFalse();
        // backslash escapes, paddings and fills are literals
        assertThat(CellValues.hasDateTokens("d\\-mmm\\-yy")).isTrue();
        assertThat(CellValues.hasDateTokens("_(* #,##0_)")).isFalse();
        // only the first section (positive numbers) counts
        assertThat(CellValues.hasDateTokens("dd/mm/yyyy;@")).isTrue();
        assertThat(CellValues.hasDateTokens("0;dd/mm/yyyy")).isFalse();
        assertThat(CellValues.hasDateTokens(";;;")).isFalse();
        // an unclosed quote or bracket runs to the end of the format
        assertThat(CellValues.hasDateTokens("dd/mm/yyyy \"0")).isTrue();
        assertThat(CellValues.hasDateTokens("[Red dd")).isFalse();
        assertThat(CellValues.hasDateTokens("General")).isFalse();
    }
}
