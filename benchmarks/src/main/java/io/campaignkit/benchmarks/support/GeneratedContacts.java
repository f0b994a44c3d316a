package io.campaignkit.benchmarks.support;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The audience the dispatch benchmarks launch: distinct valid Mexican numbers, made as they are read. */
public final class GeneratedContacts {

    private GeneratedContacts() {}

    /** Contacts made as they are read, as an import would stream them. */
    public static Iterator<Contact> contacts(int count) {
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
                String phone = "+5255" + (10_000_000 + next++);
                return Contact.builder(PhoneNumber.parse(phone))
                        .name("C" + next)
                        .build();
            }
        };
    }
}
