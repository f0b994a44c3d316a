package io.campaignkit.core.campaign;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a campaign sends to: an {@linkplain ImportedList imported list}, a {@linkplain Segment
 * segment} of the host's contact directory, {@linkplain CampaignRecipients another campaign's
 * recipients} filtered by outcome (retargeting), or, for TEST campaigns, an explicit
 * {@linkplain TestAudience list of test contacts}.
 */
public sealed interface AudienceReference
        permits AudienceReference.ImportedList,
                AudienceReference.Segment,
                AudienceReference.TestAudience,
                AudienceReference.CampaignRecipients {

    /** A list of contacts imported from a file (see {@code campaign-import}), stored under {@code listId}. */
    static ImportedList importedList(String listId) {
        return new ImportedList(listId);
    }

    /** The contacts of the directory that have every tag of {@code tags}. */
    static Segment segment(Set<String> tags) {
        return new Segment(tags, Map.of());
    }

    /** The given test numbers, with no name and no custom data. */
    static TestAudience testNumbers(PhoneNumber... numbers) {
        Arguments.requireNonNull(numbers, "numbers");
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            contacts.add(Contact.of(Arguments.requireNonNull(numbers[i], "numbers[" + i + "]")));
        }
        return new TestAudience(contacts);
    }

    /**
     * The recipients of campaign {@code source} whose outcome matches {@code outcomes}, with the
     * contact data they had there: {@code recipientsOf(cobranzaJulio, OutcomeFilter.failed())}.
     */
    static CampaignRecipients recipientsOf(CampaignId source, OutcomeFilter outcomes) {
        return new CampaignRecipients(source, outcomes);
    }

    /** An imported list. */
    record ImportedList(String listId) implements AudienceReference {
        public ImportedList {
            Arguments.requireNonBlank(listId, "listId");
        }
    }

    /**
     * The contacts of the host's directory that have every tag in {@code tags} and every key →
     * value in {@code valuedTags}. At least one criterion is required, so a contact with no tag is
     * never in a segment.
     */
    record Segment(Set<String> tags, Map<String, String> valuedTags) implements AudienceReference {
        public Segment {
            Arguments.requireNoNullElements(tags, "tags");
            Arguments.requireNoNullEntries(valuedTags, "valuedTags");
            tags.forEach(tag -> Arguments.requireNonBlank(tag, "tags"));
            valuedTags.keySet().forEach(key -> Arguments.requireNonBlank(key, "valuedTags"));
            Arguments.require(
                    !tags.isEmpty() || !valuedTags.isEmpty(), "tags", "a segment needs at least one tag or valued tag");
            tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
            valuedTags = Collections.unmodifiableMap(new LinkedHashMap<>(valuedTags));
        }

        /** Whether {@code contact} belongs to this segment: it has every tag and valued tag. */
        public boolean matches(Contact contact) {
            Arguments.requireNonNull(contact, "contact");
            return contact.tags().containsAll(tags)
                    && contact.valuedTags().entrySet().containsAll(valuedTags.entrySet());
        }
    }

    /**
     * The test contacts of a TEST campaign, each phone once. Test contacts may carry a name and
     * custom data so the operator sees the message as a customer would.
     */
    record TestAudience(List<Contact> contacts) implements AudienceReference {
        /** Most test contacts accepted: a test is not a campaign. */
        public static final int MAX_CONTACTS = 50;

        public TestAudience {
            Arguments.requireNoNullElements(contacts, "contacts");
            Arguments.require(!contacts.isEmpty(), "contacts", "a test audience needs at least one test number");
            Arguments.require(
                    contacts.size() <= MAX_CONTACTS,
                    "contacts",
                    "a test audience holds at most " + MAX_CONTACTS + " numbers, was " + contacts.size());
            Set<PhoneNumber> seen = new LinkedHashSet<>();
            for (Contact contact : contacts) {
                Arguments.require(
                        seen.add(contact.phone()), "contacts", "test number " + contact.phone() + " appears twice");
            }
            contacts = List.copyOf(contacts);
        }
    }

    /**
     * Retargeting: the recipients of another campaign of the same tenant whose outcome matches
     * {@code outcomes}, each with the contact (name, tags, custom data) the source campaign stored, so
     * the same bindings resolve. Read when the campaign is launched, not when it is created, from the
     * source as it then is: ACTIVE (its contacts still engaged there are skipped as engaged in another
     * active campaign, on the same sender) or FINISHED. "Resume only the failed" is the source's
     * message with {@link OutcomeFilter#failed()}.
     */
    record CampaignRecipients(CampaignId source, OutcomeFilter outcomes) implements AudienceReference {
        public CampaignRecipients {
            Arguments.requireNonNull(source, "source");
            Arguments.requireNonNull(outcomes, "outcomes");
        }
    }
}
