package io.campaignkit.testkit.engine;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.ContactDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link ContactDirectory} held in memory, for tests. Thread-safe. */
public final class InMemoryContactDirectory implements ContactDirectory {

    private final ConcurrentSkipListMap<PhoneNumber, Contact> contacts = new ConcurrentSkipListMap<>();

    /** Adds or replaces contacts by phone. */
    public InMemoryContactDirectory add(Contact... added) {
        for (Contact contact : added) {
            if (contact == null) {
                throw new IllegalArgumentException("contacts must not contain null");
            }
            contacts.put(contact.phone(), contact);
        }
        return this;
    }

    @Override
    public List<Contact> findSegmentPage(AudienceReference.Segment segment, Optional<PhoneNumber> after, int limit) {
        if (segment == null || after == null || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("segment and after must not be null; limit from 1 to " + MAX_PAGE_SIZE);
        }
        List<Contact> page = new ArrayList<>();
        for (Contact contact : (after.isPresent() ? contacts.tailMap(after.get(), false) : contacts).values()) {
            if (segment.matches(contact) && !contact.isUntagged()) {
                page.add(contact);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    @Override
    public Optional<Contact> find(PhoneNumber phone) {
        if (phone == null) {
            throw new IllegalArgumentException("phone must not be null");
        }
        return Optional.ofNullable(contacts.get(phone));
    }
}
