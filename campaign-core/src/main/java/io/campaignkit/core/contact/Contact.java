package io.campaignkit.core.contact;

import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.internal.Arguments;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person a campaign can message: identified by a phone number, with an optional name, tags,
 * valued tags (key → value, such as {@code city → Monterrey}) and custom data. Immutable.
 *
 * <pre>{@code
 * Contact ana = Contact.builder(PhoneNumber.parse("+52 55 1234 5678"))
 *         .name("Ana").tag("vip").valuedTag("city", "CDMX").build();
 * }</pre>
 *
 * @param name null when the contact has no name; use {@link #displayName()} for an Optional
 */
public record Contact(
        PhoneNumber phone,
        @Nullable String name,
        Set<String> tags,
        Map<String, String> valuedTags,
        CustomData customData) {

    public Contact {
        Arguments.requireNonNull(phone, "phone");
        name = name == null || name.isBlank() ? null : name.strip();
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(Arguments.requireNoNullElements(tags, "tags")));
        valuedTags = Collections.unmodifiableMap(
                new LinkedHashMap<>(Arguments.requireNoNullEntries(valuedTags, "valuedTags")));
        Arguments.requireNonNull(customData, "customData");
    }

    /** A contact with nothing but a phone number. */
    public static Contact of(PhoneNumber phone) {
        return new Contact(phone, null, Set.of(), Map.of(), CustomData.empty());
    }

    public static Builder builder(PhoneNumber phone) {
        return new Builder(phone);
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(name);
    }

    /** Whether the contact has no tag and no valued tag: such a contact is never in a segment. */
    public boolean isUntagged() {
        return tags.isEmpty() && valuedTags.isEmpty();
    }

    public Optional<String> valuedTag(String key) {
        Arguments.requireNonNull(key, "key");
        return Optional.ofNullable(valuedTags.get(key));
    }

    /** A copy with other custom data. */
    public Contact withCustomData(CustomData data) {
        return new Contact(phone, name, tags, valuedTags, data);
    }

    /** Builds a {@link Contact}. */
    public static final class Builder {
        private final PhoneNumber phone;
        private @Nullable String name;
        private final Set<String> tags = new LinkedHashSet<>();
        private final Map<String, String> valuedTags = new LinkedHashMap<>();
        private CustomData customData = CustomData.empty();

        private Builder(PhoneNumber phone) {
            this.phone = Arguments.requireNonNull(phone, "phone");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder tag(String tag) {
            tags.add(Arguments.requireNonBlank(tag, "tag").strip());
            return this;
        }

        public Builder valuedTag(String key, String value) {
            valuedTags.put(Arguments.requireNonBlank(key, "key").strip(), Arguments.requireNonNull(value, "value"));
            return this;
        }

        public Builder customData(CustomData customData) {
            this.customData = Arguments.requireNonNull(customData, "customData");
            return this;
        }

        public Contact build() {
            return new Contact(phone, name, tags, valuedTags, customData);
        }
    }
}
