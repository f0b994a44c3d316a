package io.campaignkit.core.template;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.internal.Arguments;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * How a custom field's value is written for people when a template is rendered, instead of its
 * canonical text ({@code 1500.5}, {@code 2026-12-15}): a {@linkplain #number number} with a locale's
 * separators and fixed or bounded decimals ({@code 1,500.50} in {@code en-US}, {@code 1.500,50} in
 * {@code es-ES}), an amount of {@linkplain #currency money} ({@code $1,500.50} in {@code es-MX} with
 * {@code MXN}, {@code 1.500,50 €} in {@code es-ES} with {@code EUR}) or a {@linkplain #date date}
 * written with a pattern in a locale's language ({@code d 'de' MMMM 'de' yyyy} in {@code es-MX}:
 * {@code 15 de diciembre de 2026}).
 *
 * <pre>{@code
 * Binding.customField("MONTO", ValueFormat.currency("es-MX", "MXN"));
 * Binding.customField("VENCE", ValueFormat.date("d 'de' MMMM 'de' yyyy", "es-MX"));
 * }</pre>
 *
 * <p>A format is checked when it is made: an unknown or ill-formed locale tag, an unknown currency
 * code or a pattern that does not parse (or that asks for a time of day or a zone, which a date has
 * not) is refused with an {@link InvalidArgumentException} naming the argument. A number format bound
 * to a text or date field is a {@link BindingProblem#FORMAT_MISMATCH} of the campaign's validation.
 * Numbers are rounded half up (money as people expect: {@code 0.125} is {@code 0.13}). The JDK's own
 * locale data writes the values ({@code java.text}, {@code java.time.format}); a runtime image made
 * with {@code jlink} needs the {@code jdk.localedata} module for locales other than English.
 *
 * <p>{@link #toText()} and {@link #parse(String)} are one text form ({@code number:es-MX:2},
 * {@code number:en-US:0-2}, {@code currency:es-ES:EUR}, {@code date:es-MX:d 'de' MMMM 'de' yyyy}),
 * kept by stores and typed on command lines.
 */
public sealed interface ValueFormat permits ValueFormat.Decimal, ValueFormat.Money, ValueFormat.DatePattern {

    /** Most decimals a number format may show. */
    int MAX_DECIMALS = 10;
    /** Longest date pattern accepted. */
    int MAX_PATTERN_LENGTH = 100;

    /**
     * A number in {@code localeTag}'s way with exactly {@code decimals} decimals.
     *
     * @throws InvalidArgumentException for an unknown locale or decimals outside 0..{@value #MAX_DECIMALS}
     */
    static ValueFormat number(String localeTag, int decimals) {
        return new Decimal(ValueFormats.locale(localeTag), decimals, decimals);
    }

    /**
     * A number in {@code localeTag}'s way with at least {@code minDecimals} and at most
     * {@code maxDecimals} decimals ({@code 0, 2}: {@code 1,500} and {@code 1,500.5}).
     *
     * @throws InvalidArgumentException for an unknown locale or decimals outside 0..{@value #MAX_DECIMALS}
     */
    static ValueFormat number(String localeTag, int minDecimals, int maxDecimals) {
        return new Decimal(ValueFormats.locale(localeTag), minDecimals, maxDecimals);
    }

    /**
     * An amount of {@code currencyCode} (ISO 4217, such as {@code MXN}) in {@code localeTag}'s way,
     * with the currency's own decimals.
     *
     * @throws InvalidArgumentException for an unknown locale or currency code
     */
    static ValueFormat currency(String localeTag, String currencyCode) {
        return new Money(ValueFormats.locale(localeTag), ValueFormats.currency(currencyCode));
    }

    /**
     * A date written with {@code pattern} ({@link DateTimeFormatter} letters: {@code d}, {@code MMMM},
     * {@code yyyy}, {@code EEEE}…; text in single quotes) in {@code localeTag}'s language.
     *
     * @throws InvalidArgumentException for an unknown locale or a pattern that does not parse or asks
     *     for more than a date has
     */
    static ValueFormat date(String pattern, String localeTag) {
        return new DatePattern(pattern, ValueFormats.locale(localeTag));
    }

    /**
     * Reads the text form of {@link #toText()}.
     *
     * @throws InvalidArgumentException naming the argument {@code format} and saying what is wrong
     */
    static ValueFormat parse(String text) {
        return ValueFormats.parse(text);
    }

    /** The type of field this format writes: {@code NUMBER} for numbers and money, {@code DATE} for dates. */
    FieldType fieldType();

    /** The locale whose conventions the value is written in. */
    Locale locale();

    /**
     * {@code value} written for people.
     *
     * @throws InvalidArgumentException naming {@code value} when it is of another type than
     *     {@link #fieldType()} or cannot be written in this format; the message is the reason
     */
    String format(FieldValue value);

    /** Names the format for people, such as {@code currency MXN in es-MX}. */
    String describe();

    /** The text form {@link #parse(String)} reads back to an equal format. */
    String toText();

    /**
     * A number with {@code locale}'s separators and between {@code minDecimals} and {@code maxDecimals}
     * decimals, rounded half up.
     */
    record Decimal(Locale locale, int minDecimals, int maxDecimals) implements ValueFormat {
        public Decimal {
            ValueFormats.checkLocale(locale);
            Arguments.require(
                    minDecimals >= 0 && minDecimals <= MAX_DECIMALS,
                    "minDecimals",
                    "minDecimals must be 0 to " + MAX_DECIMALS + ", not " + minDecimals);
            Arguments.require(
                    maxDecimals >= minDecimals && maxDecimals <= MAX_DECIMALS,
                    "maxDecimals",
                    "maxDecimals must be " + minDecimals + " to " + MAX_DECIMALS + ", not " + maxDecimals);
        }

        @Override
        public FieldType fieldType() {
            return FieldType.NUMBER;
        }

        @Override
        public String format(FieldValue value) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(minDecimals);
            format.setMaximumFractionDigits(maxDecimals);
            format.setRoundingMode(RoundingMode.HALF_UP);
            return ValueFormats.formatNumber(format, value, this);
        }

        @Override
        public String describe() {
            return "number in " + locale.toLanguageTag() + " with " + decimalsText() + " decimals";
        }

        @Override
        public String toText() {
            return "number:" + locale.toLanguageTag() + ":" + decimalsText();
        }

        private String decimalsText() {
            return minDecimals == maxDecimals ? Integer.toString(minDecimals) : minDecimals + "-" + maxDecimals;
        }
    }

    /** An amount of {@code currency} with {@code locale}'s symbol placement and separators, rounded half up. */
    record Money(Locale locale, Currency currency) implements ValueFormat {
        public Money {
            ValueFormats.checkLocale(locale);
            Arguments.requireNonNull(currency, "currency");
        }

        @Override
        public FieldType fieldType() {
            return FieldType.NUMBER;
        }

        @Override
        public String format(FieldValue value) {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
            format.setRoundingMode(RoundingMode.HALF_UP);
            return ValueFormats.formatNumber(format, value, this);
        }

        @Override
        public String describe() {
            return "currency " + currency.getCurrencyCode() + " in " + locale.toLanguageTag();
        }

        @Override
        public String toText() {
            return "currency:" + locale.toLanguageTag() + ":" + currency.getCurrencyCode();
        }
    }

    /** A date written with a {@link DateTimeFormatter} pattern in {@code locale}'s language. */
    record DatePattern(String pattern, Locale locale) implements ValueFormat {
        public DatePattern {
            ValueFormats.checkLocale(locale);
            ValueFormats.checkPattern(pattern, locale);
        }

        @Override
        public FieldType fieldType() {
            return FieldType.DATE;
        }

        @Override
        public String format(FieldValue value) {
            if (!(value instanceof FieldValue.Date date)) {
                throw ValueFormats.wrongType(value, this);
            }
            try {
                return DateTimeFormatter.ofPattern(pattern, locale).format(date.value());
            } catch (DateTimeException | IllegalArgumentException unwritable) {
                throw new InvalidArgumentException(
                        "value",
                        "the date " + date.normalized() + " cannot be written as '" + pattern + "': "
                                + unwritable.getMessage());
            }
        }

        @Override
        public String describe() {
            return "date '" + pattern + "' in " + locale.toLanguageTag();
        }

        @Override
        public String toText() {
            return "date:" + locale.toLanguageTag() + ":" + pattern;
        }
    }
}
