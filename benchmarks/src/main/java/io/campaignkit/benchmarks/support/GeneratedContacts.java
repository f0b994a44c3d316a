package io.campaignkit.benchmarks.support;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/** The audience the dispatch benchmarks launch: distinct valid Mexican numbers, made as they are read. */
public final class GeneratedContacts {

    private GeneratedContacts() {}

    /** Contacts made as they are read, as an import would stream them. */
    public static Iterator<Contact> contacts(int count) {
        return contacts(count, index -> CustomData.empty());
    }

    /** {@link #contacts(int)}, the contact at each index (from 0) with {@code data}'s custom data for it. */
    public static Iterator<Contact> contacts(int count, IntFunction<CustomData> data) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Contact next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                int index = next++;
                Contact contact = Contact.builder(PhoneNumber.parse("+5255" + (10_000_000 + index)))
                        .name("C" + (index + 1))
                        .build();
                CustomData custom = data.apply(index);
                return custom.isEmpty() ? contact : contact.withCustomData(custom);
            }
        };
    }
}
