package io.campaignkit.cli.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.template.Binding;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --param N=SOURCE}: placeholder {@code {{N}}} takes the contact's {@code name} (or
 * {@code name:FALLBACK}), a custom-data {@code field:ID}, a valued {@code tag:KEY} or a literal
 * {@code text:…}.
 */
public record ParamBinding(int index, Binding binding) {

    static final String FORMS = "1=name, 1=name:cliente, 2=field:MONTO, 3=tag:ZONA or 4=text:Hola";

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
                return Binding.customField(source.substring("field:".length()).strip());
            }
            if (source.startsWith("tag:")) {
                return Binding.valuedTag(source.substring("tag:".length()).strip());
            }
            if (raw.startsWith("text:")) {
                return Binding.literal(raw.substring("text:".length()));
            }
            throw new TypeConversionException("'" + value + "': unknown source '" + source + "'; write it like " + FORMS);
        }
    }
}
