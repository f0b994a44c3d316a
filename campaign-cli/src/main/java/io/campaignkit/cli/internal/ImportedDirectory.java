package io.campaignkit.cli.internal;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.ContactDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The contact file a run imported, as the contact directory test numbers must be in ({@code run --test}). */
final class ImportedDirectory implements ContactDirectory {

    private final TreeMap<String, Contact> byPhone = new TreeMap<>();

    ImportedDirectory(List<Contact> contacts) {
        contacts.forEach(contact -> byPhone.putIfAbsent(contact.phone().e164(), contact));
    }

    @Override
    public List<Contact> findSegmentPage(AudienceReference.Segment segment, Optional<PhoneNumber> after, int limit) {
        Map<String, Contact> tail =
                after.isEmpty() ? byPhone : byPhone.tailMap(after.get().e164(), false);
        return tail.values().stream().filter(segment::matches).limit(limit).toList();
    }

    @Override
    public Optional<Contact> find(PhoneNumber phone) {
        return Optional.ofNullable(byPhone.get(phone.e164()));
    }
}
