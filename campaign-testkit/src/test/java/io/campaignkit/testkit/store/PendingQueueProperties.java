package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The pending queue against its rule written as a sort: whatever the order recipients are queued in (mostly in
 * claim order, some due earlier), the head is always the first by due time then sequence. And it gives memory
 * back: its ring never holds room for more than four times what is queued (past its least length), and a
 * drained queue is back to its least length.
 */
class PendingQueueProperties {

    private static final CampaignId CAMPAIGN = CampaignId.of("pending-queue");
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    @Property(tries = 200)
    void theHeadIsFirstInClaimOrderAndTheRingShrinksAsItDrains(
            @ForAll @Size(max = 400) List<@IntRange(min = -3, max = 40) Integer> steps) {
        PendingQueue queue = new PendingQueue();
        List<RecipientEntry> model = new ArrayList<>();
        Comparator<RecipientEntry> order = PendingQueue.CLAIM_ORDER;
        long sequence = 0;
        int dueSeconds = 0;
        for (int step : steps) {
            if (step < 0) { // take the head
                RecipientEntry head = queue.head();
                if (model.isEmpty()) {
                    assertThat(head).isNull();
                    continue;
                }
                model.sort(order);
                assertThat(head).isSameAs(model.get(0));
                queue.take(head);
                model.remove(0);
            } else { // queue a recipient: most in claim order, every fifth due earlier than the last
                dueSeconds = step % 5 == 0 ? Math.max(0, dueSeconds - step) : dueSeconds + step % 3;
                RecipientEntry entry =
                        entry(++sequence, T0.plusSeconds(dueSeconds).plusNanos(step));
                queue.enqueue(entry);
                model.add(entry);
            }
            assertThat(queue.capacity()).isLessThanOrEqualTo(Math.max(PendingQueue.LEAST_CAPACITY, 4 * model.size()));
        }
        model.sort(order);
        for (RecipientEntry expected : model) {
            RecipientEntry head = queue.head();
            assertThat(head).isSameAs(expected);
            queue.take(head);
        }
        assertThat(queue.head()).isNull();
        assertThat(queue.capacity()).isEqualTo(PendingQueue.LEAST_CAPACITY);
    }

    @Property(tries = 20)
    void aLaunchOfThousandsDrainedGivesItsRingBack(@ForAll @IntRange(min = 1_000, max = 5_000) int recipients) {
        PendingQueue queue = new PendingQueue();
        for (int i = 1; i <= recipients; i++) {
            queue.enqueue(entry(i, T0));
        }
        assertThat(queue.capacity()).isGreaterThanOrEqualTo(recipients);
        for (int i = 1; i <= recipients; i++) {
            RecipientEntry head = queue.head();
            assertThat(head.recipient.sequence()).isEqualTo(i);
            queue.take(head);
        }
        assertThat(queue.capacity()).isEqualTo(PendingQueue.LEAST_CAPACITY);
    }

    private static RecipientEntry entry(long sequence, Instant due) {
        Contact contact = Contact.of(PhoneNumber.parse(String.format("+5255%08d", sequence)));
        return new RecipientEntry(null, Recipient.of(CAMPAIGN, sequence, NewRecipient.pending(contact, due), T0), "");
    }
}
