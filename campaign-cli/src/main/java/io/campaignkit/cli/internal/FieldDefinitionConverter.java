package io.campaignkit.cli.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.data.FieldType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --field ID:TYPE} into a required field of the custom-data schema. */
public final class FieldDefinitionConverter implements ITypeConverter<FieldDefinition> {

    static final String TYPES =
            Arrays.stream(FieldType.values()).map(Enum::name).collect(Collectors.joining(", "));

    @Override
    public FieldDefinition convert(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new TypeConversionException(
                    "'" + value + "' is not ID:TYPE; write it like MONTO:NUMBER (types: " + TYPES + ")");
        }
        String id = value.substring(0, colon).strip();
        String typeName = value.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
        FieldType type;
        try {
            type = FieldType.valueOf(typeName);
        } catch (IllegalArgumentException unknown) {
            throw new TypeConversionException(
                    "unknown field type '" + value.substring(colon + 1) + "' in '" + value + "'; use one of " + TYPES);
        }
        try {
            return FieldDefinition.required(id, type);
        } catch (InvalidArgumentException badId) {
            throw new TypeConversionException("bad field id in '" + value + "': " + badId.getMessage());
        }
    }
}
