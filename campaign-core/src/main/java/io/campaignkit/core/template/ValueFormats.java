package io.campaignkit.core.template;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.internal.Arguments;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The checks and the text form behind {@link ValueFormat}, kept out of its public face. */
final class ValueFormats {

    static final String FORMS =
            "number:es-MX:2, number:en-US:0-2, currency:es-MX:MXN or date:es-MX:d 'de' MMMM 'de' yyyy";

    /** A date every pattern is tried on when it is made, so that one asking for a time fails then. */
    private static final LocalDate SAMPLE = LocalDate.of(2026, 12, 15);

    private ValueFormats() {}

    /** Languages the JDK has locale data for; a tag of another language would silently write English. */
    private static final class Known {
        static final Set<String> LANGUAGES = Stream.of(Locale.getAvailableLocales())
                .map(Locale::getLanguage)
                .filter(language -> !language.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        static final Set<String> REGIONS = Set.of(Locale.getISOCountries());
    }

    static Locale locale(String tag) {
        Arguments.requireNonBlank(tag, "locale");
        // es_MX is how WhatsApp names template languages: accepted as es-MX
        String written = tag.strip().replace('_', '-');
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(written).build();
        } catch (IllformedLocaleException illFormed) {
            throw new InvalidArgumentException(
                    "locale", "locale '" + tag + "' is not a language tag; write it like es-MX, es-ES, pt-BR or en-US");
        }
        checkLocale(locale);
        return locale;
    }

    static void checkLocale(Locale locale) {
        Arguments.requireNonNull(locale, "locale");
        String tag = locale.toLanguageTag();
        if (!Known.LANGUAGES.contains(locale.getLanguage())) {
            throw new InvalidArgumentException(
                    "locale",
                    "locale '" + tag + "': language '" + locale.getLanguage()
                            + "' is not one the JDK has formats for; write a tag like es-MX, es-ES, pt-BR or en-US");
        }
        String region = locale.getCountry();
        if (!region.isEmpty() && !Known.REGIONS.contains(region) && !region.matches("[0-9]{3}")) {
            throw new InvalidArgumentException(
                    "locale",
                    "locale '" + tag + "': region '" + region + "' is not an ISO 3166 country code (MX, ES, BR, US…)");
        }
    }

    static Currency currency(String code) {
        Arguments.requireNonBlank(code, "currency");
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidArgumentException(
                    "currency", "currency '" + code + "' is not an ISO 4217 code; write it like MXN, EUR, BRL or USD");
        }
    }

    static void checkPattern(String pattern, Locale locale) {
        Arguments.requireNonBlank(pattern, "pattern");
        Arguments.require(
                pattern.length() <= ValueFormat.MAX_PATTERN_LENGTH,
                "pattern",
                "pattern must be at most " + ValueFormat.MAX_PATTERN_LENGTH + " characters");
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern, locale);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidArgumentException(
                    "pattern",
                    "date pattern '" + pattern + "' does not parse: " + unreadable.getMessage()
                            + "; write it like d 'de' MMMM 'de' yyyy or dd/MM/yyyy");
        }
        String sample;
        try {
            sample = formatter.format(SAMPLE);
        } catch (DateTimeException timeOrZone) {
            throw new InvalidArgumentException(
                    "pattern",
                    "date pattern '" + pattern + "' asks for more than a date has (a time of day or a zone): "
                            + timeOrZone.getMessage());
        }
        if (sample.isBlank()) {
            throw new InvalidArgumentException("pattern", "date pattern '" + pattern + "' writes nothing for a date");
        }
    }

    static String formatNumber(NumberFormat format, FieldValue value, ValueFormat valueFormat) {
        if (!(value instanceof FieldValue.Number number)) {
            throw wrongType(value, valueFormat);
        }
        try {
            return format.format(number.value());
        } catch (ArithmeticException | IllegalArgumentException unwritable) {
            throw new InvalidArgumentException(
                    "value",
                    "the number " + number.normalized() + " cannot be written as " + valueFormat.describe() + ": "
                            + unwritable.getMessage());
        }
    }

    static InvalidArgumentException wrongType(FieldValue value, ValueFormat format) {
        return new InvalidArgumentException(
                "value",
                "the value " + value.normalized() + " is a "
                        + value.type().name().toLowerCase(Locale.ROOT) + ", which a " + format.describe()
                        + " cannot write");
    }

    static ValueFormat parse(String text) {
        Arguments.requireNonBlank(text, "format");
        String[] parts = text.split(":", 3);
        if (parts.length < 3 || parts[2].isBlank()) {
            throw refused(text, "it is not KIND:LOCALE:DETAIL");
        }
        try {
            switch (parts[0].strip()) {
                case "number":
                    return number(parts[1], parts[2].strip(), text);
                case "currency":
                    return ValueFormat.currency(parts[1], parts[2]);
                case "date":
                    return ValueFormat.date(parts[2], parts[1]);
                default:
                    throw refused(text, "unknown kind '" + parts[0].strip() + "' (number, currency or date)");
            }
        } catch (InvalidArgumentException invalid) {
            if (invalid.argument().equals("format")) {
                throw invalid;
            }
            throw refused(text, String.valueOf(invalid.getMessage()));
        }
    }

    private static ValueFormat number(String locale, String decimals, String text) {
        int dash = decimals.indexOf('-');
        try {
            if (dash < 0) {
                return ValueFormat.number(locale, Integer.parseInt(decimals));
            }
            return ValueFormat.number(
                    locale,
                    Integer.parseInt(decimals.substring(0, dash)),
                    Integer.parseInt(decimals.substring(dash + 1)));
        } catch (NumberFormatException notDecimals) {
            throw refused(text, "decimals '" + decimals + "' are not a count (2) nor a range (0-2)");
        }
    }

    private static InvalidArgumentException refused(String text, String problem) {
        return new InvalidArgumentException("format", "format '" + text + "': " + problem + "; write it like " + FORMS);
    }
}
