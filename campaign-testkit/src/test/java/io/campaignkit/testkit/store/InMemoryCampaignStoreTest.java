package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the in-memory store does beyond the contract: its queues' edge cases and its answers for unknown campaigns. */
class InMemoryCampaignStoreTest {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    private static final StatusReason OPTED_OUT = StatusReason.of("OPTED_OUT", "opted out", true);

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final CampaignId campaign = insertCampaign("c-1");

    @Test
    void readsAndClaimsOfAnUnknownCampaignAnswerEmpty() {
        CampaignId unknown = CampaignId.of("nowhere");
        Lease lease = new Lease("a", T0.plusSeconds(30));
        assertThat(store.claimForSending(unknown, lease, 10, T0)).isEmpty();
        assertThat(store.claimExpiredSending(unknown, lease, 10, T0)).isEmpty();
        assertThat(store.skipPending(unknown, OPTED_OUT, 10, T0)).isEmpty();
        assertThat(store.nextDueAt(unknown, T0)).isEmpty();
        assertThat(store.wakeUps(unknown, T0).nextLeaseExpiry()).isEmpty();
        assertThat(store.findByCorrelationId("not a correlation id")).isEmpty();
        assertThat(store.findByCorrelationId("bad id!:525500000000")).isEmpty();
    }

    @Test
    void recipientsSkippedWhileQueuedAreNeverClaimed() {
        add(0, 5, T0);
        store.apply(List.of(
                new RecipientUpdate.Skipped(key(0), Optional.empty(), OPTED_OUT, T0),
                new RecipientUpdate.Skipped(key(3), Optional.empty(), OPTED_OUT, T0)));
        assertThat(claim(10, T0)).extracting(Recipient::phone).containsExactly(phone(1), phone(2), phone(4));
        assertThat(store.nextDueAt(campaign, T0)).isEmpty();
    }

    @Test
    void recipientsAddedOutOfDueOrderAreClaimedInDueOrder() {
        store.insertRecipients(
                campaign,
                List.of(
                        NewRecipient.pending(contact(0), T0.plusSeconds(30)),
                        NewRecipient.pending(contact(1), T0.plusSeconds(10)),
                        NewRecipient.pending(contact(2), T0.plusSeconds(30)),
                        NewRecipient.pending(contact(3), T0.plusSeconds(20))),
                T0);
        assertThat(claim(10, T0.plusSeconds(60)))
                .extracting(Recipient::phone)
                .containsExactly(phone(1), phone(3), phone(0), phone(2));
    }

    @Test
    void givenBackRecipientsInterleaveWithTheOthersByDueTimeThenSequence() {
        add(0, 4, T0);
        List<Recipient> first = claim(2, T0);
        store.apply(first.stream()
                .map(r -> (RecipientUpdate)
                        new RecipientUpdate.Unclaimed(r.key(), r.lease().orElseThrow(), T0, T0))
                .toList());
        assertThat(claim(10, T0)).extracting(Recipient::phone).containsExactly(phone(0), phone(1), phone(2), phone(3));
    }

    @Test
    void recoveryStopsAtTheLimitInsideABatchAndResumesThere() {
        add(0, 5, T0);
        Lease crashed = new Lease("crashed", T0.plusSeconds(30));
        store.claimForSending(campaign, crashed, 5, T0);
        store.apply(List.of(new RecipientUpdate.Accepted(key(1), crashed, "w1", T0)));
        Instant later = T0.plusSeconds(60);
        Lease survivor = new Lease("survivor", later.plusSeconds(30));
        assertThat(store.claimExpiredSending(campaign, survivor, 2, later))
                .extracting(Recipient::phone)
                .containsExactly(phone(0), phone(2));
        assertThat(store.claimExpiredSending(campaign, survivor, 10, later))
                .extracting(Recipient::phone)
                .containsExactly(phone(3), phone(4));
        assertThat(store.wakeUps(campaign, later).nextLeaseExpiry()).contains(survivor.expiresAt());
        store.apply(IntStream.of(0, 2, 3, 4)
                .mapToObj(i -> (RecipientUpdate) new RecipientUpdate.Accepted(key(i), survivor, "w" + i, later))
                .toList());
        assertThat(store.wakeUps(campaign, later).nextLeaseExpiry())
                .as("no SENDING recipient is left")
                .isEmpty();
        assertThat(store.counts(campaign).count(DeliveryState.SENT)).isEqualTo(5);
    }

    @Test
    void aStatusForAnotherCampaignsPhoneDoesNotTouchThisCampaign() {
        CampaignId other = insertCampaign("c-2");
        add(0, 1, T0);
        store.insertRecipients(other, List.of(NewRecipient.pending(contact(0), T0)), T0);
        Lease lease = claim(1, T0).get(0).lease().orElseThrow();
        store.apply(List.of(new RecipientUpdate.Accepted(key(0), lease, "w0", T0)));
        assertThat(store.apply(List.of(new RecipientUpdate.StatusReached(
                        new RecipientKey(other, phone(0)), DeliveryState.DELIVERED, Optional.empty(), T0))))
                .isEmpty();
        assertThat(store.findRecipient(key(0)).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
    }

    /**
     * A status is looked up by provider id, then applied by key; the store remembers the entry the lookup
     * found for the apply, and the phone picks the slot: the same phone in another campaign must not take
     * the remembered entry's place.
     */
    @Test
    void anUpdateAfterALookupByProviderIdReachesTheRecipientItNames() {
        CampaignId other = insertCampaign("c-2");
        RecipientKey otherKey = new RecipientKey(other, phone(0));
        add(0, 1, T0);
        store.insertRecipients(other, List.of(NewRecipient.pending(contact(0), T0)), T0);
        store.apply(List.of(new RecipientUpdate.Accepted(key(0), lease(claim(1, T0)), "w0", T0)));
        Lease otherLease = lease(store.claimForSending(other, new Lease("engine", T0.plusSeconds(30)), 1, T0));
        store.apply(List.of(new RecipientUpdate.Accepted(otherKey, otherLease, "w0-other", T0)));
        assertThat(store.findByProviderMessageId("w0")).map(Recipient::key).contains(key(0));

        store.apply(List.of(new RecipientUpdate.StatusReached(
                otherKey, DeliveryState.DELIVERED, Optional.empty(), T0.plusSeconds(1))));

        assertThat(store.findRecipient(otherKey).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(store.findRecipient(key(0)).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
        store.apply(List.of(
                new RecipientUpdate.StatusReached(key(0), DeliveryState.READ, Optional.empty(), T0.plusSeconds(2))));
        assertThat(store.findRecipient(key(0)).orElseThrow().state()).isEqualTo(DeliveryState.READ);
    }

    private static Lease lease(List<Recipient> claimed) {
        return claimed.get(0).lease().orElseThrow();
    }

    private List<Recipient> claim(int limit, Instant now) {
        return store.claimForSending(campaign, new Lease("engine", now.plusSeconds(30)), limit, now);
    }

    private void add(int from, int to, Instant dueAt) {
        store.insertRecipients(
                campaign,
                IntStream.range(from, to)
                        .mapToObj(i -> NewRecipient.pending(contact(i), dueAt))
                        .toList(),
                T0);
    }

    private RecipientKey key(int index) {
        return new RecipientKey(campaign, phone(index));
    }

    private static PhoneNumber phone(int index) {
        return contact(index).phone();
    }

    private static Contact contact(int index) {
        return Contact.of(PhoneNumber.parse(String.format("+5255%08d", index)));
    }

    private CampaignId insertCampaign(String id) {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Store test")
                .botFlowId("flow")
                .channel("whatsapp-cloud", "109876543210")
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("list.csv"))
                .build();
        Campaign campaign = Campaign.create(CampaignId.of(id), "acme", "cobranza", CampaignKind.LIVE, configuration, T0)
                .launch(T0);
        store.insert(campaign);
        return campaign.id();
    }
}
