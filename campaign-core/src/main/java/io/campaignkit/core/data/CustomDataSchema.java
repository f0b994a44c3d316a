package io.campaignkit.core.data;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The custom-data fields a campaign's bot flow needs from every contact, in order.
 *
 * <p>Field ids are unique, ignoring letter case ({@code NOMBRE} and {@code nombre} cannot both be
 * fields), and looked up exactly. Immutable.
 *
 * <pre>{@code
 * CustomDataSchema schema = CustomDataSchema.custom()
 *         .required("NOMBRE", FieldType.TEXT)
 *         .required("MONTO", FieldType.NUMBER)
 *         .optional("FECHA", FieldType.DATE)
 *         .build();
 * CustomData data = schema.parse(Map.of("NOMBRE", "Carlos", "MONTO", "1200.50"));
 * }</pre>
 */
public final class CustomDataSchema {

    private static final CustomDataSchema EMPTY = new CustomDataSchema(List.of());

    private final List<FieldDefinition> fields;
    private final Map<String, FieldDefinition> byId;

    private CustomDataSchema(List<FieldDefinition> fields) {
        this.fields = List.copyOf(fields);
        Map<String, FieldDefinition> index = new LinkedHashMap<>();
        Map<String, String> lowerCaseIds = new LinkedHashMap<>();
        for (FieldDefinition field : this.fields) {
            String previous = lowerCaseIds.putIfAbsent(field.id().toLowerCase(Locale.ROOT), field.id());
            if (previous != null) {
                throw new InvalidArgumentException(
                        "fields",
                        "field id '" + field.id() + "' is defined twice (as '" + previous
                                + "'); ids must be unique, ignoring case");
            }
            index.put(field.id(), field);
        }
        this.byId = Collections.unmodifiableMap(index);
    }

    /** The schema with no fields: a campaign whose bot needs no custom data. */
    public static CustomDataSchema empty() {
        return EMPTY;
    }

    public static CustomDataSchema of(List<FieldDefinition> fields) {
        Arguments.requireNoNullElements(fields, "fields");
        return fields.isEmpty() ? EMPTY : new CustomDataSchema(fields);
    }

    public static Builder custom() {
        return new Builder();
    }

    /** The fields in their order. */
    public List<FieldDefinition> fields() {
        return fields;
    }

    public Optional<FieldDefinition> field(String id) {
        Arguments.requireNonNull(id, "id");
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * Reads a contact's raw values (field id → text). Every problem is reported at once: each
     * required field without a value, each value that does not fit its type, and each key that
     * is no field of this schema ({@code UNKNOWN_FIELD}).
     *
     * @throws CustomDataValidationException listing every problem
     */
    public CustomData parse(Map<String, String> raw) {
        Arguments.requireNonNull(raw, "raw");
        List<FieldViolation> violations = new ArrayList<>();
        for (String key : raw.keySet()) {
            if (key == null || !byId.containsKey(key)) {
                violations.add(new FieldViolation(
                        String.valueOf(key),
                        CustomDataValidationException.UNKNOWN_FIELD,
                        "'" + key + "' is not a field of this schema " + byId.keySet()));
            }
        }
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            try {
                field.parse(raw.get(field.id())).ifPresent(value -> values.put(field.id(), value));
            } catch (InvalidFieldValueException e) {
                violations.add(e.toViolation());
            }
        }
        if (!violations.isEmpty()) {
            throw new CustomDataValidationException(violations);
        }
        return CustomData.of(values);
    }

    /**
     * The problems of already-typed data against this schema: missing required values, values of
     * the wrong type, unknown fields. Empty when the data is complete and fits.
     */
    public List<FieldViolation> check(CustomData data) {
        Arguments.requireNonNull(data, "data");
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldDefinition field : fields) {
            Optional<FieldValue> value = data.get(field.id());
            if (value.isEmpty()) {
                if (field.required()) {
                    violations.add(new FieldViolation(
                            field.id(),
                            InvalidFieldValueException.MISSING_VALUE,
                            "field " + field.id() + " is required but has no value"));
                }
            } else if (value.get().type() != field.type()) {
                violations.add(new FieldViolation(
                        field.id(),
                        CustomDataValidationException.WRONG_TYPE,
                        "field " + field.id() + " is " + field.type() + " but holds a "
                                + value.get().type()));
            }
        }
        for (String id : data.values().keySet()) {
            if (!byId.containsKey(id)) {
                violations.add(new FieldViolation(
                        id,
                        CustomDataValidationException.UNKNOWN_FIELD,
                        "'" + id + "' is not a field of this schema " + byId.keySet()));
            }
        }
        return List.copyOf(violations);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomDataSchema && ((CustomDataSchema) other).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "CustomDataSchema" + fields;
    }

    /** Collects fields in order. */
    public static final class Builder {
        private final List<FieldDefinition> fields = new ArrayList<>();

        private Builder() {}

        public Builder required(String id, FieldType type) {
            fields.add(FieldDefinition.required(id, type));
            return this;
        }

        public Builder optional(String id, FieldType type) {
            fields.add(FieldDefinition.optional(id, type));
            return this;
        }

        public Builder field(FieldDefinition field) {
            fields.add(Arguments.requireNonNull(field, "field"));
            return this;
        }

        public CustomDataSchema build() {
            return CustomDataSchema.of(fields);
        }
    }
}
