package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.data.FieldValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What customers in Mexico, Spain, the United States and Brazil expect to read. */
class ValueFormatTest {

    private static final FieldValue AMOUNT = new FieldValue.Number(new BigDecimal("1500.5"));
    private static final FieldValue DUE = new FieldValue.Date(LocalDate.of(2026, 12, 15));
    private static final String NBSP = "\u00a0";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"es-MX | 1,500.50", "en-US | 1,500.50", "es-ES | 1.500,50", "pt-BR | 1.500,50"})
    void aNumberWithTwoDecimalsFollowsTheLocalesSeparators(String locale, String expected) {
        assertThat(ValueFormat.number(locale, 2).format(AMOUNT)).isEqualTo(expected);
    }

    @Test
    void boundedDecimalsShowOnlyWhatTheValueHasAndRoundHalfUp() {
        ValueFormat upToTwo = ValueFormat.number("es-MX", 0, 2);

        assertThat(upToTwo.format(new FieldValue.Number(new BigDecimal("1500"))))
                .isEqualTo("1,500");
        assertThat(upToTwo.format(AMOUNT)).isEqualTo("1,500.5");
        assertThat(upToTwo.format(new FieldValue.Number(new BigDecimal("0.125"))))
                .isEqualTo("0.13");
        assertThat(ValueFormat.number("en-US", 0).format(new FieldValue.Number(new BigDecimal("2.5"))))
                .isEqualTo("3");
        assertThat(ValueFormat.number("es-MX", 2).format(new FieldValue.Number(new BigDecimal("-1234567.891"))))
                .isEqualTo("-1,234,567.89");
    }

    @Test
    void moneyIsWrittenTheWayEachCountryWritesIt() {
        assertThat(ValueFormat.currency("es-MX", "MXN").format(AMOUNT)).isEqualTo("$1,500.50");
        assertThat(ValueFormat.currency("en-US", "USD").format(AMOUNT)).isEqualTo("$1,500.50");
        assertThat(ValueFormat.currency("es-ES", "EUR").format(AMOUNT)).isEqualTo("1.500,50" + NBSP + "€");
        assertThat(ValueFormat.currency("pt-BR", "BRL").format(AMOUNT)).isEqualTo("R$" + NBSP + "1.500,50");
        // a foreign currency is named by its code, and takes that currency's decimals
        assertThat(ValueFormat.currency("es-MX", "USD").format(AMOUNT)).isEqualTo("USD1,500.50");
        assertThat(ValueFormat.currency("en-US", "jpy").format(AMOUNT)).isEqualTo("¥1,501");
    }

    @Test
    void aDateIsWrittenInTheLocalesLanguage() {
        assertThat(ValueFormat.date("d 'de' MMMM 'de' yyyy", "es-MX").format(DUE))
                .isEqualTo("15 de diciembre de 2026");
        assertThat(ValueFormat.date("d 'de' MMMM 'de' yyyy", "es-ES").format(DUE))
                .isEqualTo("15 de diciembre de 2026");
        assertThat(ValueFormat.date("d 'de' MMMM 'de' yyyy", "pt-BR").format(DUE))
                .isEqualTo("15 de dezembro de 2026");
        assertThat(ValueFormat.date("MMMM d, yyyy", "en-US").format(DUE)).isEqualTo("December 15, 2026");
        assertThat(ValueFormat.date("EEEE d/MM/yyyy", "es_MX").format(DUE)).isEqualTo("martes 15/12/2026");
    }

    @Test
    void aValueOfAnotherTypeIsRefusedWithTheReasonNotAStackTrace() {
        assertThatThrownBy(() -> ValueFormat.number("es-MX", 2).format(DUE))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("value"))
                .hasMessageContaining("2026-12-15 is a date")
                .hasMessageContaining("number in es-MX");
        assertThatThrownBy(() -> ValueFormat.date("d MMMM yyyy", "es-MX").format(AMOUNT))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("1500.5 is a number");
        assertThatThrownBy(() -> ValueFormat.currency("es-MX", "MXN").format(new FieldValue.Text("mil")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("mil is a text");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "xx-MX | locale | language 'xx'",
                "es-ZZ | locale | region 'ZZ'",
                "es MX | locale | is not a language tag",
                "\"\" | locale | locale"
            })
    void anUnknownLocaleIsRefusedNamingIt(String tag, String argument, String message) {
        assertThatThrownBy(() -> ValueFormat.number(tag, 2))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo(argument))
                .hasMessageContaining(message);
    }

    @Test
    void badDecimalsCurrenciesAndPatternsAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> ValueFormat.number("es-MX", -1))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("minDecimals"));
        assertThatThrownBy(() -> ValueFormat.number("es-MX", 3, 2))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("maxDecimals"));
        assertThatThrownBy(() -> ValueFormat.currency("es-MX", "PESOS"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("currency"))
                .hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> ValueFormat.date("d 'de MMMM", "es-MX"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("pattern"))
                .hasMessageContaining("does not parse");
        assertThatThrownBy(() -> ValueFormat.date("dd/MM/yyyy HH:mm", "es-MX"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("pattern"))
                .hasMessageContaining("time of day");
        assertThatThrownBy(() -> ValueFormat.date("dd/MM/yyyy VV", "es-MX"))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void eachFormatWritesOneTypeOfField() {
        assertThat(ValueFormat.number("es-MX", 2).fieldType()).isEqualTo(FieldType.NUMBER);
        assertThat(ValueFormat.currency("es-MX", "MXN").fieldType()).isEqualTo(FieldType.NUMBER);
        assertThat(ValueFormat.date("d/M/yyyy", "es-MX").fieldType()).isEqualTo(FieldType.DATE);
    }

    @Test
    void theTextFormReadsBackEqual() {
        for (ValueFormat format : new ValueFormat[] {
            ValueFormat.number("es-MX", 2),
            ValueFormat.number("en-US", 0, 3),
            ValueFormat.currency("es-ES", "EUR"),
            ValueFormat.date("d 'de' MMMM 'de' yyyy, 'a las' 'x:y'", "pt-BR")
        }) {
            assertThat(ValueFormat.parse(format.toText())).isEqualTo(format);
        }
        assertThat(ValueFormat.number("es-MX", 0, 2).toText()).isEqualTo("number:es-MX:0-2");
        assertThat(ValueFormat.parse("currency:es_MX:mxn")).isEqualTo(ValueFormat.currency("es-MX", "MXN"));
        assertThat(ValueFormat.parse("date:es-MX:d 'de' MMMM 'de' yyyy").format(DUE))
                .isEqualTo("15 de diciembre de 2026");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "number | not KIND:LOCALE:DETAIL",
                "number:es-MX | not KIND:LOCALE:DETAIL",
                "percent:es-MX:2 | unknown kind 'percent'",
                "number:es-MX:two | decimals 'two'",
                "number:es-MX:-1 | decimals '-1'",
                "number:xx-YY:2 | language 'xx'",
                "currency:es-MX:PESO | ISO 4217",
                "date:es-MX:d 'de MMMM | does not parse"
            })
    void aBadTextFormIsRefusedQuotingItAndSayingHowToWriteIt(String text, String problem) {
        assertThatThrownBy(() -> ValueFormat.parse(text))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("format"))
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(problem)
                .hasMessageContaining("write it like");
    }
}
