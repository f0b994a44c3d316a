package io.campaignkit.core.template;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * Where the value of one placeholder comes from: a {@linkplain #literal(String) literal} (the
 * same for everyone), the {@linkplain #contactName(String) contact's name}, a
 * {@linkplain #customField(String) custom-data field} or a {@linkplain #valuedTag(String) valued tag}.
 *
 * <p>{@link #valueFor(Contact)} answers the value for one contact, or empty when the contact has
 * none (no name and no fallback, no value for the field, an empty valued tag): that contact is
 * not sent to, and {@link #describe()} names the binding in the recorded reason.
 *
 * <p>A custom field may be {@linkplain #customField(String, ValueFormat) written for people} with a
 * {@link ValueFormat} ({@code 1,500.50}, {@code 15 de diciembre de 2026}) instead of its canonical text.
 */
public sealed interface Binding permits Binding.Literal, Binding.ContactName, Binding.CustomField, Binding.ValuedTag {

    /** The same text for every contact. */
    static Binding literal(String text) {
        return new Literal(text);
    }

    /** The contact's name; a contact without a name cannot be sent to. */
    static Binding contactName() {
        return new ContactName(Optional.empty());
    }

    /** The contact's name, or {@code fallback} (such as "cliente") when the contact has none. */
    static Binding contactName(String fallback) {
        return new ContactName(Optional.of(Arguments.requireNonBlank(fallback, "fallback")));
    }

    /** The canonical text of a custom-data field ({@code 1480.5}, {@code 2025-06-30}). */
    static Binding customField(String fieldId) {
        return new CustomField(fieldId);
    }

    /**
     * A custom-data field written with {@code format}: {@code customField("MONTO", ValueFormat.currency("es-MX", "MXN"))}
     * renders {@code $1,500.50}. The campaign's validation refuses a format of another type than the
     * field ({@link BindingProblem#FORMAT_MISMATCH}).
     */
    static Binding customField(String fieldId, ValueFormat format) {
        return new CustomField(fieldId, Optional.of(Arguments.requireNonNull(format, "format")));
    }

    /** The value of one of the contact's valued tags. */
    static Binding valuedTag(String key) {
        return new ValuedTag(key);
    }

    /** The value for {@code contact}, never blank; empty when the contact has none. */
    Optional<String> valueFor(Contact contact);

    /** Names the binding for people, such as {@code custom field MONTO}. */
    String describe();

    /** The same text for every contact; never blank. */
    record Literal(String text) implements Binding {
        public Literal {
            Arguments.requireNonBlank(text, "text");
        }

        @Override
        public Optional<String> valueFor(Contact contact) {
            Arguments.requireNonNull(contact, "contact");
            return Optional.of(text);
        }

        @Override
        public String describe() {
            return "literal '" + text + "'";
        }
    }

    /** The contact's name, or the fallback when the contact has none. */
    record ContactName(Optional<String> fallback) implements Binding {
        public ContactName {
            Arguments.requireNonNull(fallback, "fallback");
            fallback.ifPresent(text -> Arguments.requireNonBlank(text, "fallback"));
        }

        @Override
        public Optional<String> valueFor(Contact contact) {
            Arguments.requireNonNull(contact, "contact");
            return contact.displayName().or(() -> fallback);
        }

        @Override
        public String describe() {
            return fallback.map(text -> "contact name (fallback '" + text + "')")
                    .orElse("contact name");
        }
    }

    /**
     * A custom-data field, which the campaign's schema must define: its canonical text, or the value
     * written with {@code format}.
     */
    record CustomField(String fieldId, Optional<ValueFormat> format) implements Binding {
        public CustomField {
            Arguments.requireNonBlank(fieldId, "fieldId");
            fieldId = fieldId.strip();
            Arguments.require(
                    fieldId.length() <= FieldDefinition.MAX_ID_LENGTH,
                    "fieldId",
                    "fieldId must be at most " + FieldDefinition.MAX_ID_LENGTH + " characters");
            Arguments.requireNonNull(format, "format");
        }

        /** The field's canonical text, without a format. */
        public CustomField(String fieldId) {
            this(fieldId, Optional.empty());
        }

        /**
         * The field's value for {@code contact}, written with the format if there is one.
         *
         * @throws InvalidArgumentException naming {@code value} when the contact's value cannot be
         *     written in the format (a value of another type); {@link TemplateMessage#render} turns
         *     this into an unresolved placeholder with that reason
         */
        @Override
        public Optional<String> valueFor(Contact contact) {
            Arguments.requireNonNull(contact, "contact");
            if (format.isEmpty()) {
                return contact.customData().normalized(fieldId).filter(text -> !text.isBlank());
            }
            ValueFormat writer = format.get();
            return contact.customData().get(fieldId).map(writer::format).filter(text -> !text.isBlank());
        }

        @Override
        public String describe() {
            return "custom field " + fieldId
                    + format.map(f -> " as " + f.describe()).orElse("");
        }
    }

    /** The value of one of the contact's valued tags. */
    record ValuedTag(String key) implements Binding {
        public ValuedTag {
            Arguments.requireNonBlank(key, "key");
            key = key.strip();
        }

        @Override
        public Optional<String> valueFor(Contact contact) {
            Arguments.requireNonNull(contact, "contact");
            return contact.valuedTag(key).filter(text -> !text.isBlank());
        }

        @Override
        public String describe() {
            return "valued tag " + key;
        }
    }
}
