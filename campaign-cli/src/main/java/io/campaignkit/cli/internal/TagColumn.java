package io.campaignkit.cli.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.data.FieldType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --tag KEY=COLUMN}: the contact file's column {@code COLUMN} gives each contact its valued
 * tag {@code KEY}, which {@code --param N=tag:KEY} puts in a placeholder. A blank cell gives no tag,
 * so a message that needs it is not sent to that contact (the reason is recorded).
 *
 * @param key    the valued tag's key
 * @param column the column's header, read as optional text
 */
record TagColumn(String key, String column) {

    static final String FORM = "KEY=COLUMN, like ZONA=ZONA or city=CIUDAD";

    /** The column as the importer reads it: optional text. */
    FieldDefinition field() {
        return FieldDefinition.optional(column, FieldType.TEXT);
    }

    /** Reads {@code KEY=COLUMN}. */
    static final class Converter implements ITypeConverter<TagColumn> {
        @Override
        public TagColumn convert(String value) {
            int equals = value.indexOf('=');
            String key = equals <= 0 ? "" : value.substring(0, equals).strip();
            String column = equals <= 0 ? "" : value.substring(equals + 1).strip();
            if (key.isEmpty() || column.isEmpty()) {
                throw new TypeConversionException("'" + value + "' is not " + FORM);
            }
            try {
                FieldDefinition.optional(column, FieldType.TEXT);
            } catch (InvalidArgumentException invalid) {
                throw new TypeConversionException(
                        "'" + value + "': column " + invalid.getMessage().replace("field id", "name"));
            }
            return new TagColumn(key, column);
        }
    }
}
