package io.campaignkit.cli.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ValueFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --param N=SOURCE}: placeholder {@code {{N}}} takes the contact's {@code name} (or
 * {@code name:FALLBACK}), a custom-data {@code field:ID}, a valued {@code tag:KEY} or a literal
 * {@code text:…}. A field may be written for people: {@code field:ID|FORMAT}, FORMAT in the text form
 * of {@link ValueFormat} ({@code number:es-MX:2}, {@code currency:es-MX:MXN},
 * {@code date:es-MX:d 'de' MMMM 'de' yyyy}).
 */
public record ParamBinding(int index, Binding binding) {

    static final String FORMS = "1=name, 1=name:cliente, 2=field:MONTO, 3=tag:ZONA or 4=text:Hola";
    /** How a field's format is written after the field, for the option's help and its errors. */
    static final String FORMATS = "2=field:MONTO|number:es-MX:2, 2=field:MONTO|currency:es-MX:MXN"
            + " or 3=field:VENCE|date:es-MX:d 'de' MMMM 'de' yyyy";

    /** Reads {@code N=SOURCE}. */
    public static final class Converter implements ITypeConverter<ParamBinding> {
        @Override
        public ParamBinding convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new TypeConversionException("'" + value + "' is not N=SOURCE; write it like " + FORMS);
            }
            int index;
            try {
                index = Integer.parseInt(value.substring(0, equals).strip());
            } catch (NumberFormatException notNumber) {
                throw new TypeConversionException("'" + value + "': the placeholder number must be 1, 2, 3…");
            }
            if (index < 1) {
                throw new TypeConversionException("'" + value + "': placeholders are numbered from 1");
            }
            String source = value.substring(equals + 1);
            try {
                return new ParamBinding(index, binding(source.strip(), source, value));
            } catch (InvalidArgumentException invalid) {
                throw new TypeConversionException("'" + value + "': " + invalid.getMessage());
            }
        }

        private static Binding binding(String source, String raw, String value) {
            if (source.equals("name")) {
                return Binding.contactName();
            }
            if (source.startsWith("name:")) {
                return Binding.contactName(source.substring("name:".length()));
            }
            if (source.startsWith("field:")) {
                return field(source.substring("field:".length()), value);
            }
            if (source.startsWith("tag:")) {
                return Binding.valuedTag(source.substring("tag:".length()).strip());
            }
            if (raw.startsWith("text:")) {
                return Binding.literal(raw.substring("text:".length()));
            }
            throw new TypeConversionException(
                    "'" + value + "': unknown source '" + source + "'; write it like " + FORMS);
        }

        /** {@code ID} or {@code ID|FORMAT}: a field id has no '|', a date pattern may. */
        private static Binding field(String text, String value) {
            int bar = text.indexOf('|');
            if (bar < 0) {
                return Binding.customField(text.strip());
            }
            String format = text.substring(bar + 1);
            if (format.isBlank()) {
                throw new TypeConversionException("'" + value + "': nothing after '|'; write a format like " + FORMATS);
            }
            try {
                return Binding.customField(text.substring(0, bar).strip(), ValueFormat.parse(format.strip()));
            } catch (InvalidArgumentException invalid) {
                throw new TypeConversionException("'" + value + "': " + invalid.getMessage());
            }
        }
    }
}
