package io.campaignkit.desk;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.desk.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A campaign's dynamic field: agents and the bot fill it during the conversation; a close is refused
 * while a required one is empty.
 *
 * @param name the field's name, unique in the campaign
 * @param type what its value must be
 * @param required whether a close needs it
 * @param options the values an {@link FieldType#OPTION} field takes (empty for other types)
 */
public record FieldDefinition(String name, FieldType type, boolean required, List<String> options) {

    public FieldDefinition {
        Checks.nonBlank(name, "name");
        Checks.nonNull(type, "type");
        options = List.copyOf(Checks.noNulls(options, "options"));
        Checks.require(
                type == FieldType.OPTION ? !options.isEmpty() : options.isEmpty(),
                "options",
                "field " + name + ": an OPTION field has options, other types none");
    }

    public static FieldDefinition text(String name, boolean required) {
        return new FieldDefinition(name, FieldType.TEXT, required, List.of());
    }

    public static FieldDefinition number(String name, boolean required) {
        return new FieldDefinition(name, FieldType.NUMBER, required, List.of());
    }

    public static FieldDefinition date(String name, boolean required) {
        return new FieldDefinition(name, FieldType.DATE, required, List.of());
    }

    public static FieldDefinition option(String name, boolean required, List<String> options) {
        return new FieldDefinition(name, FieldType.OPTION, required, options);
    }

    /**
     * The value as stored (trimmed; a number in plain notation).
     *
     * @throws InvalidArgumentException naming the field when the value does not fit its type
     */
    public String normalize(String value) {
        String trimmed = Checks.nonNull(value, name).strip();
        Checks.require(!trimmed.isEmpty(), name, "field " + name + " must not be blank");
        switch (type) {
            case NUMBER -> {
                try {
                    return new BigDecimal(trimmed).toPlainString();
                } catch (NumberFormatException notANumber) {
                    throw new InvalidArgumentException(
                            name, "field " + name + " takes a number, not '" + trimmed + "'");
                }
            }
            case DATE -> {
                try {
                    return LocalDate.parse(trimmed).toString();
                } catch (DateTimeParseException notADate) {
                    throw new InvalidArgumentException(
                            name, "field " + name + " takes a date as 2026-12-31, not '" + trimmed + "'");
                }
            }
            case OPTION -> {
                Checks.require(
                        options.contains(trimmed),
                        name,
                        "field " + name + " takes one of " + options + ", not '" + trimmed + "'");
                return trimmed;
            }
            default -> {
                return trimmed;
            }
        }
    }
}
