package io.campaignkit.core.template;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.internal.Arguments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's first message: a template, one binding per placeholder (the binding at index
 * {@code i} fills {@code {{i + 1}}}), and optional header media. Immutable.
 *
 * <pre>{@code
 * TemplateMessage message = TemplateMessage.of(
 *         ChannelTemplate.of("pago_pendiente", "es_MX", "Hola {{1}}, tu saldo es {{2}}"),
 *         Binding.contactName("cliente"), Binding.customField("MONTO"));
 * RenderResult result = message.render(contact);
 * }</pre>
 *
 * <p>A message may be incomplete while its campaign is a draft: {@link #check(CustomDataSchema)}
 * lists every problem at once (unbound placeholders, extra bindings, bindings to fields the schema
 * lacks, a {@link ValueFormat} of another type than its field); a campaign is READY only when the list is empty.
 */
public final class TemplateMessage {

    private final MessageTemplate template;
    private final List<Binding> bindings;
    private final Optional<HeaderMedia> headerMedia;

    private TemplateMessage(MessageTemplate template, List<Binding> bindings, Optional<HeaderMedia> headerMedia) {
        this.template = Arguments.requireNonNull(template, "template");
        this.bindings = List.copyOf(Arguments.requireNoNullElements(bindings, "bindings"));
        this.headerMedia = Arguments.requireNonNull(headerMedia, "headerMedia");
    }

    /** A message without header media. */
    public static TemplateMessage of(MessageTemplate template, Binding... bindings) {
        Arguments.requireNonNull(bindings, "bindings");
        return new TemplateMessage(template, Arrays.asList(bindings), Optional.empty());
    }

    /** A message without header media. */
    public static TemplateMessage of(MessageTemplate template, List<Binding> bindings) {
        return new TemplateMessage(template, bindings, Optional.empty());
    }

    public static Builder builder(MessageTemplate template) {
        return new Builder(template);
    }

    public MessageTemplate template() {
        return template;
    }

    /** The bindings in placeholder order: index {@code i} fills {@code {{i + 1}}}. */
    public List<Binding> bindings() {
        return bindings;
    }

    public Optional<HeaderMedia> headerMedia() {
        return headerMedia;
    }

    /** A copy with this header media. */
    public TemplateMessage withHeaderMedia(HeaderMedia media) {
        return new TemplateMessage(template, bindings, Optional.of(Arguments.requireNonNull(media, "media")));
    }

    /** A copy with other bindings. */
    public TemplateMessage withBindings(List<Binding> newBindings) {
        return new TemplateMessage(template, newBindings, headerMedia);
    }

    /**
     * Every problem of the bindings against {@code schema}, in placeholder order; empty when every
     * placeholder is bound, no binding is left over and every custom field is in the schema.
     */
    public List<BindingProblem> check(CustomDataSchema schema) {
        Arguments.requireNonNull(schema, "schema");
        List<BindingProblem> problems = new ArrayList<>();
        int count = template.placeholderCount();
        for (int number = 1; number <= Math.max(count, bindings.size()); number++) {
            if (number > bindings.size()) {
                problems.add(new BindingProblem(
                        number, BindingProblem.UNBOUND_PLACEHOLDER, "placeholder {{" + number + "}} has no binding"));
                continue;
            }
            Binding binding = bindings.get(number - 1);
            if (number > count) {
                problems.add(new BindingProblem(
                        number,
                        BindingProblem.EXTRA_BINDING,
                        "binding " + number + " (" + binding.describe() + ") has no placeholder: the template has "
                                + count));
            } else if (binding instanceof Binding.CustomField
                    && !schema.contains(((Binding.CustomField) binding).fieldId())) {
                problems.add(new BindingProblem(
                        number,
                        BindingProblem.UNKNOWN_FIELD,
                        "placeholder {{" + number
                                + "}} is bound to custom field " + ((Binding.CustomField) binding).fieldId()
                                + ", which the custom-data schema does not define"));
            } else if (binding instanceof Binding.CustomField field) {
                formatMismatch(number, field, schema).ifPresent(problems::add);
            }
        }
        return List.copyOf(problems);
    }

    private static Optional<BindingProblem> formatMismatch(
            int number, Binding.CustomField field, CustomDataSchema schema) {
        Optional<FieldType> type = schema.field(field.fieldId()).map(FieldDefinition::type);
        if (field.format().isEmpty() || type.isEmpty() || field.format().get().fieldType() == type.get()) {
            return Optional.empty();
        }
        return Optional.of(new BindingProblem(
                number,
                BindingProblem.FORMAT_MISMATCH,
                "placeholder {{" + number
                        + "}} writes custom field " + field.fieldId() + " as a "
                        + field.format().get().describe() + ", but "
                        + field.fieldId() + " is a " + type.get() + " field; a "
                        + field.format().get().fieldType()
                        + " format needs a " + field.format().get().fieldType() + " field"));
    }

    /**
     * The message for {@code contact}: the ordered parameter values (and the text of an inline
     * template), or the first placeholder whose binding the contact cannot fill. Never throws for
     * missing contact data.
     *
     * @throws InvalidArgumentException if {@code contact} is null
     */
    public RenderResult render(Contact contact) {
        Arguments.requireNonNull(contact, "contact");
        int count = template.placeholderCount();
        List<String> values = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            if (number > bindings.size()) {
                return new RenderResult.Unresolved(
                        number, Optional.empty(), "placeholder {{" + number + "}} has no binding");
            }
            Binding binding = bindings.get(number - 1);
            Optional<String> value;
            try {
                value = binding.valueFor(contact);
            } catch (InvalidArgumentException unformattable) {
                // a format meeting a value of another type (data stored under an older schema): this
                // contact is skipped with the reason, the campaign goes on
                return new RenderResult.Unresolved(
                        number,
                        Optional.of(binding),
                        "placeholder {{" + number + "}}: "
                                + binding.describe() + " of contact " + contact.phone() + " cannot be written: "
                                + unformattable.getMessage());
            }
            if (value.isEmpty()) {
                return new RenderResult.Unresolved(
                        number,
                        Optional.of(binding),
                        "placeholder {{" + number + "}}: contact " + contact.phone() + " has no value for "
                                + binding.describe());
            }
            values.add(value.get());
        }
        Optional<String> text = template instanceof InlineTemplate
                ? Optional.of(((InlineTemplate) template).text().render(values))
                : Optional.empty();
        return new RenderResult.Rendered(values, text);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TemplateMessage)) {
            return false;
        }
        TemplateMessage that = (TemplateMessage) other;
        return template.equals(that.template) && bindings.equals(that.bindings) && headerMedia.equals(that.headerMedia);
    }

    @Override
    public int hashCode() {
        return (template.hashCode() * 31 + bindings.hashCode()) * 31 + headerMedia.hashCode();
    }

    @Override
    public String toString() {
        return "TemplateMessage[" + template + ", bindings=" + bindings
                + headerMedia.map(m -> ", header=" + m).orElse("") + "]";
    }

    /** Builds a {@link TemplateMessage}, binding placeholders in order. */
    public static final class Builder {
        private final MessageTemplate template;
        private final List<Binding> bindings = new ArrayList<>();
        private @Nullable HeaderMedia headerMedia;

        private Builder(MessageTemplate template) {
            this.template = Arguments.requireNonNull(template, "template");
        }

        /** Binds the next placeholder: the first call binds {@code {{1}}}. */
        public Builder bind(Binding binding) {
            bindings.add(Arguments.requireNonNull(binding, "binding"));
            return this;
        }

        public Builder headerMedia(HeaderMedia media) {
            this.headerMedia = Arguments.requireNonNull(media, "media");
            return this;
        }

        public TemplateMessage build() {
            return new TemplateMessage(template, bindings, Optional.ofNullable(headerMedia));
        }
    }
}
