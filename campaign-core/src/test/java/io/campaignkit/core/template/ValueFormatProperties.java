package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.data.FieldValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any number or date a custom field can hold is written by any format of its type, and never throws. */
class ValueFormatProperties {

    private static final String[] LOCALES = {
        "es-MX", "es-ES", "en-US", "pt-BR", "fr-FR", "de-DE", "ja-JP", "ar-EG", "hi-IN", "es-419"
    };

    @Property
    void anyNumberIsWrittenByAnyNumberFormat(
            @ForAll("numbers") FieldValue.Number value, @ForAll("numberFormats") ValueFormat format) {
        String written = format.format(value);

        assertThat(written).isNotBlank();
        assertThat(written.chars().filter(Character::isDigit).count()).isPositive();
    }

    @Property
    void anyDateIsWrittenByAnyDateFormat(
            @ForAll("dates") FieldValue.Date value, @ForAll("dateFormats") ValueFormat format) {
        assertThat(format.format(value)).isNotBlank();
    }

    @Property
    void anyFormatReadsBackFromItsText(@ForAll("anyFormat") ValueFormat format) {
        assertThat(ValueFormat.parse(format.toText())).isEqualTo(format);
    }

    @Provide
    Arbitrary<FieldValue.Number> numbers() {
        // what FieldDefinition reads: plain decimals of at most MAX_NUMBER_LENGTH characters
        Arbitrary<String> integers =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> fractions = Arbitraries.strings().numeric().ofMaxLength(30);
        return Combinators.combine(Arbitraries.of("", "-", "+"), integers, fractions)
                .as((sign, integer, fraction) -> sign + integer + (fraction.isEmpty() ? "" : "." + fraction))
                .map(text -> FieldDefinition.required("N", FieldType.NUMBER)
                        .parse(text)
                        .orElseThrow())
                .map(FieldValue.Number.class::cast)
                .edgeCases(config -> config.add(new FieldValue.Number(BigDecimal.ZERO)));
    }

    @Provide
    Arbitrary<FieldValue.Date> dates() {
        // the years FieldDefinition reads (YYYY), and the whole range of LocalDate beyond them
        Arbitrary<LocalDate> read = Arbitraries.longs()
                .between(
                        LocalDate.of(0, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalDate> extreme = Arbitraries.longs()
                .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, read), net.jqwik.api.Tuple.of(1, extreme))
                .map(FieldValue.Date::new);
    }

    @Provide
    Arbitrary<ValueFormat> numberFormats() {
        Arbitrary<ValueFormat> numbers = Combinators.combine(
                        Arbitraries.of(LOCALES),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(0, 10))
                .as((locale, a, b) -> ValueFormat.number(locale, Math.min(a, b), Math.max(a, b)));
        Arbitrary<ValueFormat> money = Combinators.combine(
                        Arbitraries.of(LOCALES), Arbitraries.of("MXN", "EUR", "USD", "BRL", "JPY", "KWD", "CLF", "XAU"))
                .as(ValueFormat::currency);
        return Arbitraries.oneOf(numbers, money);
    }

    @Provide
    Arbitrary<ValueFormat> dateFormats() {
        return Combinators.combine(
                        Arbitraries.of(
                                "d 'de' MMMM 'de' yyyy",
                                "dd/MM/yyyy",
                                "EEEE d MMM uuuu",
                                "yy-M-d",
                                "G yyyy QQQ",
                                "D",
                                "YYYY-'W'ww-e",
                                "MMMMM"),
                        Arbitraries.of(LOCALES))
                .as(ValueFormat::date);
    }

    @Provide
    Arbitrary<ValueFormat> anyFormat() {
        return Arbitraries.oneOf(numberFormats(), dateFormats());
    }
}
