package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The phone index against a map: whatever numbers are added (numbered runs, as a file's contacts come,
 * and numbers whose text hashes alike), each finds the entry it was added as and a number never added
 * finds none, through every growth of the table.
 */
class PhoneIndexProperties {

    private static final CampaignId CAMPAIGN = CampaignId.of("phone-index");
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    /** Two valid numbers whose texts have the same {@link String#hashCode()}. */
    private static final String SAME_HASH_A = "+525510721006";

    private static final String SAME_HASH_B = "+525581000710";

    @Property(tries = 100)
    void everyNumberFindsTheEntryItWasAddedAsAndNoOtherNumberFindsOne(
            @ForAll @Size(max = 3_000) Set<@IntRange(min = 0, max = 99_999) Integer> numbers,
            @ForAll @IntRange(min = 0, max = 99_999) int neverAdded) {
        List<RecipientEntry> bySequence = new ArrayList<>();
        PhoneIndex index = new PhoneIndex(bySequence);
        Map<String, RecipientEntry> model = new HashMap<>();
        for (int number : numbers) {
            String e164 = number(number);
            RecipientEntry entry = entry(bySequence.size(), e164);
            bySequence.add(entry);
            index.add(entry);
            model.put(e164, entry);
        }
        model.forEach((e164, entry) -> assertThat(index.get(e164)).isSameAs(entry));
        if (!numbers.contains(neverAdded)) {
            assertThat(index.get(number(neverAdded))).isNull();
        }
    }

    @Example
    void numbersWhoseTextsHashAlikeAreTold() {
        assertThat(SAME_HASH_A.hashCode()).isEqualTo(SAME_HASH_B.hashCode());
        List<RecipientEntry> bySequence = new ArrayList<>();
        PhoneIndex index = new PhoneIndex(bySequence);
        RecipientEntry first = entry(0, SAME_HASH_A);
        bySequence.add(first);
        index.add(first);
        assertThat(index.get(SAME_HASH_B)).isNull();
        RecipientEntry second = entry(1, SAME_HASH_B);
        bySequence.add(second);
        index.add(second);
        assertThat(index.get(SAME_HASH_A)).isSameAs(first);
        assertThat(index.get(SAME_HASH_B)).isSameAs(second);
    }

    private static String number(int number) {
        return String.format("+52551%07d", number);
    }

    private static RecipientEntry entry(long sequence, String e164) {
        Contact contact = Contact.of(PhoneNumber.parse(e164));
        return new RecipientEntry(null, Recipient.of(CAMPAIGN, sequence, NewRecipient.pending(contact, T0), T0), "");
    }
}
