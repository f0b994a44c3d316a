package io.campaignkit.core.campaign;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * Which contacts a {@link ChannelBinding} may reach: those that carry a flag (a tag), or those whose
 * valued tag or custom-data field has a value ({@code CANAL=SMS}). Values compare ignoring case and
 * surrounding blanks, since they come from spreadsheets typed by people.
 *
 * @param key the tag, or the valued tag's key or custom-data field id; not blank, stripped
 * @param value the value the key must have; empty for a flag
 */
public record ContactCondition(String key, Optional<String> value) {

    public ContactCondition {
        Arguments.requireNonBlank(key, "key");
        key = key.strip();
        Arguments.requireNonNull(value, "value");
        value.ifPresent(v -> Arguments.requireNonBlank(v, "value"));
        value = value.map(String::strip);
    }

    /** Contacts tagged {@code tag}. */
    public static ContactCondition hasFlag(String tag) {
        return new ContactCondition(tag, Optional.empty());
    }

    /** Contacts whose valued tag or custom-data field {@code key} is {@code value}. */
    public static ContactCondition hasValue(String key, String value) {
        return new ContactCondition(key, Optional.of(Arguments.requireNonBlank(value, "value")));
    }

    /**
     * Reads {@code KEY=VALUE} as {@link #hasValue} and a bare {@code FLAG} as {@link #hasFlag}.
     *
     * @throws IllegalArgumentException naming {@code text} when a side of {@code =} is blank
     */
    public static ContactCondition parse(String text) {
        Arguments.requireNonBlank(text, "condition");
        int equals = text.indexOf('=');
        if (equals < 0) {
            return hasFlag(text);
        }
        String key = text.substring(0, equals);
        String value = text.substring(equals + 1);
        Arguments.require(
                !key.isBlank() && !value.isBlank(),
                "condition",
                "a condition is FLAG or KEY=VALUE with neither side blank, was '" + text + "'");
        return hasValue(key, value);
    }

    /** Whether {@code contact} meets the condition. */
    public boolean matches(Contact contact) {
        Arguments.requireNonNull(contact, "contact");
        if (value.isEmpty()) {
            return contact.tags().contains(key);
        }
        String wanted = value.get();
        return contact.valuedTag(key)
                        .filter(v -> v.strip().equalsIgnoreCase(wanted))
                        .isPresent()
                || contact.customData()
                        .normalized(key)
                        .filter(v -> v.strip().equalsIgnoreCase(wanted))
                        .isPresent();
    }

    /** {@code KEY=VALUE} or {@code FLAG}, as {@link #parse} reads it. */
    public String toText() {
        return value.map(v -> key + "=" + v).orElse(key);
    }
}
