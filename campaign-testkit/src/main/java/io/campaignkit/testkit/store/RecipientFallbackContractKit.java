package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.port.ChannelAttempt;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of a campaign's channel bindings in the {@link io.campaignkit.core.port.RecipientStore}
 * port: the binding a recipient is sent on, and its fallback to a later one
 * ({@link RecipientUpdate.Rerouted}), applied once, from the binding and states it names, keeping the
 * attempt it leaves; the timed fallback's candidates ({@link RecipientQuery.AwaitingDelivery}); and a
 * fallen-back recipient read by outcome once, by its last channel's. Extend it in your store's tests and
 * return a new, empty storage from {@link #storage()} (or extend {@link StorageContractKit}, which runs
 * every port's kit).
 */
public abstract class RecipientFallbackContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected RecipientFallbackContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected RecipientFallbackContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    private static final StatusReason NOT_ON_CHANNEL = new StatusReason(
            "RECIPIENT_PERMANENT", "Message undeliverable: \"not a WhatsApp user\" ~ 4:x", Optional.of("131026"), true);

    private Campaign campaignOnBinding(int binding, int count) {
        Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
        store().insert(campaign);
        List<NewRecipient> added = contacts(0, count).stream()
                .map(contact -> NewRecipient.pending(contact, at(0)).onBinding(binding))
                .toList();
        recipients().insertRecipients(campaign.id(), added, at(0));
        return campaign;
    }

    private RecipientUpdate.Rerouted rerouted(Recipient recipient, Optional<Lease> lease, int to, Instant at) {
        return new RecipientUpdate.Rerouted(recipient.key(), lease, recipient.binding(), to, NOT_ON_CHANNEL, at, at);
    }

    @Test
    void aRecipientKeepsTheBindingItWasAddedOn() {
        Campaign campaign = campaignOnBinding(2, 1);
        assertThat(stored(key(campaign.id(), 0)).binding()).isEqualTo(2);
        Recipient claimed = recipients()
                .claimForSending(campaign.id(), leaseFrom("engine", at(0)), 1, at(0))
                .get(0);
        assertThat(claimed.binding()).isEqualTo(2);
        assertThat(claimed.earlierAttempts()).isEmpty();
    }

    @Test
    void aFallbackUnderTheClaimsLeaseMakesItPendingOnTheNextBindingAndKeepsTheAttempt() {
        Campaign campaign = campaignOnBinding(0, 1);
        Recipient claimed = recipients()
                .claimForSending(campaign.id(), leaseFrom("engine", at(0)), 1, at(0))
                .get(0);
        List<RecipientChange> changes = apply(rerouted(claimed, claimed.lease(), 1, at(2)));
        assertThat(changes).hasSize(1);
        Recipient after = stored(claimed.key());
        assertThat(after).isEqualTo(changes.get(0).after());
        assertThat(after.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(after.binding()).isEqualTo(1);
        assertThat(after.attempts()).isZero();
        assertThat(after.lease()).isEmpty();
        assertThat(after.dueAt()).isEqualTo(at(2));
        assertThat(after.earlierAttempts())
                .containsExactly(new ChannelAttempt(0, Optional.empty(), Optional.empty(), NOT_ON_CHANNEL, at(2)));
        Recipient again = recipients()
                .claimForSending(campaign.id(), leaseFrom("engine", at(3)), 1, at(3))
                .get(0);
        assertThat(again.key()).isEqualTo(claimed.key());
        assertThat(again.binding()).isEqualTo(1);
        assertThat(again.earlierAttempts()).hasSize(1);
    }

    @Test
    void aFallbackOfASentRecipientKeepsItsMessageIdAndSendTimeInTheAttemptAndUncountsTheSend() {
        Campaign campaign = campaignOnBinding(0, 1);
        Recipient sent = claimAndAccept(campaign.id(), "wamid.first");
        assertThat(recipients().counts(campaign.id()).accepted()).isEqualTo(1);
        assertThat(apply(rerouted(sent, Optional.empty(), 1, at(5)))).hasSize(1);
        Recipient after = stored(sent.key());
        assertThat(after.providerMessageId()).isEmpty();
        assertThat(after.sentAt()).isEmpty();
        assertThat(after.earlierAttempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.providerMessageId()).contains("wamid.first");
            assertThat(attempt.sentAt()).isEqualTo(sent.sentAt());
            assertThat(attempt.outcome()).isEqualTo(NOT_ON_CHANNEL);
        });
        assertThat(recipients().findByProviderMessageId("wamid.first")).isEmpty();
        RecipientCounts counts = recipients().counts(campaign.id());
        assertThat(counts.total()).isEqualTo(1);
        assertThat(counts.count(DeliveryState.PENDING)).isEqualTo(1);
        assertThat(counts.accepted()).isZero();
    }

    @Test
    void aFallbackAppliesOnce() {
        Campaign campaign = campaignOnBinding(0, 1);
        Recipient sent = claimAndAccept(campaign.id(), "wamid.first");
        RecipientUpdate fallback = rerouted(sent, Optional.empty(), 1, at(5));
        assertThat(apply(fallback, fallback)).hasSize(1);
        assertThat(apply(fallback)).isEmpty();
        assertThat(stored(sent.key()).earlierAttempts()).hasSize(1);
    }

    @Test
    void aFallbackChangesNothingOnceDeliveredNorFromAnotherBindingNorWithoutALeaseWhileSending() {
        Campaign campaign = campaignOnBinding(0, 2);
        Recipient sent = claimAndAccept(campaign.id(), "wamid.first");
        apply(new RecipientUpdate.StatusReached(sent.key(), DeliveryState.DELIVERED, Optional.empty(), at(3)));
        assertThat(apply(rerouted(sent, Optional.empty(), 1, at(5)))).isEmpty();
        Recipient claimed = recipients()
                .claimForSending(campaign.id(), leaseFrom("engine", at(6)), 1, at(6))
                .get(0);
        assertThat(apply(new RecipientUpdate.Rerouted(
                        claimed.key(), claimed.lease(), 1, 2, NOT_ON_CHANNEL, at(7), at(7))))
                .isEmpty();
        assertThat(apply(rerouted(claimed, Optional.empty(), 1, at(7)))).isEmpty();
        assertThat(stored(claimed.key()).state()).isEqualTo(DeliveryState.SENDING);
    }

    @Test
    void theTimedFallbacksCandidatesAreSentRecipientsWithALaterBindingOldestSendFirst() {
        Campaign campaign = campaignOnBinding(0, 3);
        List<Recipient> claimed = recipients().claimForSending(campaign.id(), leaseFrom("engine", at(0)), 3, at(0));
        apply(
                new RecipientUpdate.Accepted(
                        claimed.get(0).key(), claimed.get(0).lease().orElseThrow(), "m-0", at(9)),
                new RecipientUpdate.Accepted(
                        claimed.get(1).key(), claimed.get(1).lease().orElseThrow(), "m-1", at(4)),
                new RecipientUpdate.Accepted(
                        claimed.get(2).key(), claimed.get(2).lease().orElseThrow(), "m-2", at(6)));
        apply(new RecipientUpdate.StatusReached(
                claimed.get(2).key(), DeliveryState.DELIVERED, Optional.empty(), at(7)));
        assertThat(phones(recipients().findRecipients(new RecipientQuery.AwaitingDelivery(campaign.id(), 1, 10))))
                .containsExactly(claimed.get(1).phone(), claimed.get(0).phone());
        assertThat(recipients().findRecipients(new RecipientQuery.AwaitingDelivery(campaign.id(), 1, 1)))
                .hasSize(1);
        apply(rerouted(stored(claimed.get(1).key()), Optional.empty(), 1, at(10)));
        Recipient second = recipients()
                .claimForSending(campaign.id(), leaseFrom("engine", at(11)), 1, at(11))
                .get(0);
        apply(new RecipientUpdate.Accepted(second.key(), second.lease().orElseThrow(), "m-1b", at(12)));
        assertThat(phones(recipients().findRecipients(new RecipientQuery.AwaitingDelivery(campaign.id(), 1, 10))))
                .as("a recipient on the last binding has nothing to fall back to")
                .containsExactly(claimed.get(0).phone());
        assertThat(phones(recipients().findRecipients(new RecipientQuery.AwaitingDelivery(campaign.id(), 2, 10))))
                .containsExactly(claimed.get(0).phone(), second.phone());
    }

    @Test
    void aRecipientAFallbackReachedIsReadByOutcomeOnceWithItsLastChannelsOutcome() {
        Campaign campaign = campaignOnBinding(0, 2);
        List<Recipient> claimed = recipients().claimForSending(campaign.id(), leaseFrom("engine", at(0)), 2, at(0));
        apply(
                rerouted(claimed.get(0), claimed.get(0).lease(), 1, at(1)),
                rerouted(claimed.get(1), claimed.get(1).lease(), 1, at(1)));
        List<Recipient> again = recipients().claimForSending(campaign.id(), leaseFrom("engine", at(2)), 2, at(2));
        Recipient bySms = again.stream()
                .filter(r -> r.key().equals(claimed.get(0).key()))
                .findFirst()
                .orElseThrow();
        Recipient failedBySms = again.stream()
                .filter(r -> r.key().equals(claimed.get(1).key()))
                .findFirst()
                .orElseThrow();
        apply(
                new RecipientUpdate.Accepted(bySms.key(), bySms.lease().orElseThrow(), "sms-0", at(3)),
                new RecipientUpdate.Failed(
                        failedBySms.key(),
                        failedBySms.lease().orElseThrow(),
                        new StatusReason("RECIPIENT_PERMANENT", "unreachable handset", Optional.of("30003"), true),
                        at(3)));
        apply(new RecipientUpdate.StatusReached(bySms.key(), DeliveryState.DELIVERED, Optional.empty(), at(4)));

        assertThat(phones(recipients()
                        .findRecipients(new RecipientQuery.ByOutcome(
                                campaign.id(),
                                io.campaignkit.core.campaign.OutcomeFilter.custom()
                                        .notDelivered()
                                        .build(),
                                -1,
                                10))))
                .as("reached by the fallback: delivered, whatever its first channel answered")
                .containsExactly(failedBySms.phone());
        assertThat(recipients()
                        .findRecipients(new RecipientQuery.ByOutcome(
                                campaign.id(),
                                io.campaignkit.core.campaign.OutcomeFilter.custom()
                                        .failedWith("131026")
                                        .build(),
                                -1,
                                10)))
                .as("the first channel's code belongs to an attempt it fell back from")
                .isEmpty();
        assertThat(phones(recipients()
                        .findRecipients(new RecipientQuery.ByOutcome(
                                campaign.id(),
                                io.campaignkit.core.campaign.OutcomeFilter.custom()
                                        .failedWith("30003")
                                        .build(),
                                -1,
                                10))))
                .containsExactly(failedBySms.phone());
    }
}
