package io.campaignkit.core.data;

import io.campaignkit.core.internal.Arguments;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A contact's custom data: typed values by field id, in schema order. Immutable. Made by
 * {@link CustomDataSchema#parse(Map)} from raw text, or by {@link #of(Map)} from typed values.
 */
public final class CustomData {

    private static final CustomData EMPTY = new CustomData(Map.of());

    private final Map<String, FieldValue> values;

    private CustomData(Map<String, FieldValue> values) {
        this.values = values;
    }

    public static CustomData empty() {
        return EMPTY;
    }

    public static CustomData of(Map<String, FieldValue> values) {
        Arguments.requireNoNullEntries(values, "values");
        return values.isEmpty() ? EMPTY : new CustomData(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** Collects values for one {@link CustomData} without the copy {@link #of(Map)} makes. */
    public static Builder builder() {
        return new Builder();
    }

    public Optional<FieldValue> get(String fieldId) {
        Arguments.requireNonNull(fieldId, "fieldId");
        return Optional.ofNullable(values.get(fieldId));
    }

    /** The canonical text of a field's value ({@link FieldValue#normalized()}), if it has one. */
    public Optional<String> normalized(String fieldId) {
        return get(fieldId).map(FieldValue::normalized);
    }

    /** Every value by field id, unmodifiable. */
    public Map<String, FieldValue> values() {
        return values;
    }

    /** Every value as its canonical text, in order. */
    public Map<String, String> normalizedValues() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((id, value) -> texts.put(id, value.normalized()));
        return Collections.unmodifiableMap(texts);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomData && ((CustomData) other).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "CustomData" + normalizedValues();
    }

    /** Builds one {@link CustomData}; single use: it hands its map over on {@link #build()}. */
    public static final class Builder {
        private @Nullable Map<String, FieldValue> values = new LinkedHashMap<>();

        private Builder() {}

        /** Sets a field's value, replacing any earlier one. */
        public Builder put(String fieldId, FieldValue value) {
            Arguments.requireNonNull(fieldId, "fieldId");
            Arguments.requireNonNull(value, "value");
            if (values == null) {
                throw new IllegalStateException("this builder has already built its CustomData");
            }
            values.put(fieldId, value);
            return this;
        }

        /** The data; the builder cannot be used after this. */
        public CustomData build() {
            if (values == null) {
                throw new IllegalStateException("this builder has already built its CustomData");
            }
            Map<String, FieldValue> built = values;
            values = null;
            return built.isEmpty() ? EMPTY : new CustomData(Collections.unmodifiableMap(built));
        }
    }
}
