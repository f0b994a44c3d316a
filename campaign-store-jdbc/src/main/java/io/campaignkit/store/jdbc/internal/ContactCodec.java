package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.internal.StoredPhoneNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Contacts as stored: the phone and name in columns, tags, valued tags and custom data in one
 * {@link Tokens} text, absent (null) for the common contact that has none.
 */
final class ContactCodec {

    private ContactCodec() {}

    /** The encoded tags, valued tags and custom data, or null when the contact has none. */
    static String encodeData(Contact contact) {
        if (contact.tags().isEmpty()
                && contact.valuedTags().isEmpty()
                && contact.customData().isEmpty()) {
            return null;
        }
        Tokens.Writer out = new Tokens.Writer();
        write(out, contact);
        return out.toString();
    }

    /** The contact from its columns; its number as the store wrote it, not parsed again (StoredPhoneNumbers). */
    static Contact decode(String e164, String name, String data) {
        PhoneNumber phone = StoredPhoneNumbers.readBack(e164);
        if (data == null) {
            return new Contact(phone, name, Set.of(), Map.of(), CustomData.empty());
        }
        return read(new Tokens.Reader(data), phone, name);
    }

    /** Writes every part of the contact but its phone and name. */
    static void write(Tokens.Writer out, Contact contact) {
        out.num(contact.tags().size());
        contact.tags().forEach(out::str);
        out.num(contact.valuedTags().size());
        contact.valuedTags().forEach((key, value) -> out.str(key).str(value));
        Map<String, FieldValue> values = contact.customData().values();
        out.num(values.size());
        values.forEach((field, value) -> {
            out.str(field);
            if (value instanceof FieldValue.Text text) {
                out.str("T").str(text.value());
            } else if (value instanceof FieldValue.Number number) {
                out.str("N").str(number.value().toString());
            } else if (value instanceof FieldValue.Date date) {
                out.str("D").str(date.value().toString());
            }
        });
    }

    static Contact read(Tokens.Reader in, PhoneNumber phone, String name) {
        Set<String> tags = new LinkedHashSet<>();
        for (long i = in.num(); i > 0; i--) {
            tags.add(in.required());
        }
        Map<String, String> valuedTags = new LinkedHashMap<>();
        for (long i = in.num(); i > 0; i--) {
            valuedTags.put(in.required(), in.required());
        }
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (long i = in.num(); i > 0; i--) {
            String field = in.required();
            String type = in.required();
            String value = in.required();
            values.put(
                    field,
                    switch (type) {
                        case "T" -> new FieldValue.Text(value);
                        case "N" -> new FieldValue.Number(new BigDecimal(value));
                        case "D" -> new FieldValue.Date(LocalDate.parse(value));
                        default -> throw new IllegalStateException("unknown field value type " + type);
                    });
        }
        return new Contact(
                phone, name, tags, valuedTags, values.isEmpty() ? CustomData.empty() : CustomData.of(values));
    }

    /** A whole contact (phone and name included), for contacts inside a campaign's configuration. */
    static void writeWhole(Tokens.Writer out, Contact contact) {
        out.str(contact.phone().e164()).str(contact.name());
        write(out, contact);
    }

    static Contact readWhole(Tokens.Reader in) {
        PhoneNumber phone = StoredPhoneNumbers.readBack(in.required());
        String name = in.str();
        return read(in, phone, name);
    }
}
