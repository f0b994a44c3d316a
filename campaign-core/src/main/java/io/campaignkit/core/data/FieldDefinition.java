package io.campaignkit.core.data;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One field of a custom-data schema: a unique id (the column header of an import, the name a
 * template binding uses), a type and whether every contact must have a value.
 */
public record FieldDefinition(String id, FieldType type, boolean required) {

    /** Longest id accepted. */
    public static final int MAX_ID_LENGTH = 64;
    /** Longest raw number accepted, so that a hostile cell cannot make BigDecimal work hard. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");

    public FieldDefinition {
        Arguments.requireNonBlank(id, "id");
        Arguments.requireNonNull(type, "type");
        id = id.strip();
        if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw new InvalidArgumentException(
                    "id", "field id '" + id + "' must be 1 to " + MAX_ID_LENGTH + " letters, digits, '_', '.' or '-'");
        }
    }

    public static FieldDefinition required(String id, FieldType type) {
        return new FieldDefinition(id, type, true);
    }

    public static FieldDefinition optional(String id, FieldType type) {
        return new FieldDefinition(id, type, false);
    }

    /**
     * Reads a raw value typed by a person or found in a file. Blank (or null) input is no value:
     * empty for an optional field, {@code MISSING_VALUE} for a required one. Text is trimmed;
     * numbers are plain decimals ({@code -12}, {@code 1480.50}: no exponent, no thousands
     * separator); dates are {@code YYYY-MM-DD} and must exist ({@code 2017-02-30} does not).
     *
     * @throws InvalidFieldValueException with code {@code MISSING_VALUE}, {@code INVALID_NUMBER}
     *     or {@code INVALID_DATE}
     */
    public Optional<FieldValue> parse(@Nullable String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new InvalidFieldValueException(
                        InvalidFieldValueException.MISSING_VALUE, id, "field " + id + " is required but has no value");
            }
            return Optional.empty();
        }
        switch (type) {
            case NUMBER:
                return Optional.of(new FieldValue.Number(parseNumber(text)));
            case DATE:
                return Optional.of(new FieldValue.Date(parseDate(text)));
            default:
                return Optional.of(new FieldValue.Text(text));
        }
    }

    private BigDecimal parseNumber(String text) {
        if (text.length() > MAX_NUMBER_LENGTH || !isPlainDecimal(text)) {
            throw new InvalidFieldValueException(
                    InvalidFieldValueException.INVALID_NUMBER,
                    id,
                    "field " + id + ": '" + abbreviate(text) + "' is not a number"
                            + " (write digits with an optional '.' decimal point, no thousands separators)");
        }
        return new BigDecimal(text);
    }

    private LocalDate parseDate(String text) {
        if (!isDateShape(text)) {
            throw new InvalidFieldValueException(
                    InvalidFieldValueException.INVALID_DATE,
                    id,
                    "field " + id + ": '" + abbreviate(text) + "' is not a date written YYYY-MM-DD");
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(text, 0, 4, 10),
                    Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10));
        } catch (DateTimeException e) {
            throw new InvalidFieldValueException(
                    InvalidFieldValueException.INVALID_DATE, id, "field " + id + ": '" + text + "' is not a real date");
        }
    }

    /**
     * {@code [+-]?(digits[.digits?] | .digits)} in ASCII digits: what BigDecimal reads without
     * exponent or locale. Scanned by hand because imports call it for every numeric cell.
     */
    static boolean isPlainDecimal(String text) {
        int i = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        int integerDigits = 0;
        while (i < text.length() && isAsciiDigit(text.charAt(i))) {
            i++;
            integerDigits++;
        }
        if (i == text.length()) {
            return integerDigits > 0;
        }
        if (text.charAt(i) != '.') {
            return false;
        }
        i++;
        int fractionDigits = 0;
        while (i < text.length() && isAsciiDigit(text.charAt(i))) {
            i++;
            fractionDigits++;
        }
        return i == text.length() && (integerDigits > 0 || fractionDigits > 0);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDateShape(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
