package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract kit of the lease guard of the {@link io.campaignkit.core.port.RecipientStore} port: send outcomes apply
 * only under the lease of their claim; renewals. Extend it in your store's tests and return a new, empty storage from
 * {@link #storage()} (or extend {@link StorageContractKit}, which runs every port's kit). The checks
 * are grouped by rule in {@code @Nested} classes, each check named after the rule it checks.
 */
public abstract class RecipientLeaseContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected RecipientLeaseContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected RecipientLeaseContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    /** Every update that carries the lease of its claim, and the state it moves a held recipient to. */
    enum SendOutcome {
        ACCEPTED(DeliveryState.SENT),
        FAILED(DeliveryState.FAILED),
        RETRY_LATER(DeliveryState.PENDING),
        UNKNOWN(DeliveryState.UNKNOWN),
        UNCLAIMED(DeliveryState.PENDING),
        SKIPPED(DeliveryState.SKIPPED);

        final DeliveryState reaches;

        SendOutcome(DeliveryState reaches) {
            this.reaches = reaches;
        }

        RecipientUpdate under(RecipientKey key, Lease lease, Instant at) {
            return switch (this) {
                case ACCEPTED ->
                    new RecipientUpdate.Accepted(
                            key, lease, "wamid." + key.phone().e164(), at);
                case FAILED -> new RecipientUpdate.Failed(key, lease, REJECTED, at);
                case RETRY_LATER -> new RecipientUpdate.RetryLater(key, lease, at.plusSeconds(60), TIMEOUT, at);
                case UNKNOWN -> new RecipientUpdate.Unknown(key, lease, TIMEOUT, at);
                case UNCLAIMED -> new RecipientUpdate.Unclaimed(key, lease, at.plusSeconds(60), at);
                case SKIPPED -> new RecipientUpdate.Skipped(key, Optional.of(lease), OPTED_OUT, at);
            };
        }
    }

    /** Send outcomes apply under their claim's lease and under no other. */
    @Nested
    @DisplayName("leases")
    public class Leases {

        @ParameterizedTest(name = "{0}")
        @EnumSource(SendOutcome.class)
        void anOutcomeUnderTheLeaseOfItsClaimApplies(SendOutcome outcome) {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient claimed = claimOne(campaign, leaseFrom("engine-a", at(0)), at(0));
            List<RecipientChange> changes =
                    apply(outcome.under(claimed.key(), claimed.lease().orElseThrow(), at(2)));
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).after().state()).isEqualTo(outcome.reaches);
            assertThat(changes.get(0).after().lease()).isEmpty();
            assertThat(stored(claimed.key()).state()).isEqualTo(outcome.reaches);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(SendOutcome.class)
        void anOutcomeUnderAnotherOwnersLeaseChangesNothing(SendOutcome outcome) {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient claimed = claimOne(campaign, leaseFrom("engine-a", at(0)), at(0));
            Lease held = claimed.lease().orElseThrow();
            assertThat(apply(outcome.under(claimed.key(), new Lease("engine-b", held.expiresAt()), at(2))))
                    .isEmpty();
            assertStillHeld(claimed.key(), held);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(SendOutcome.class)
        void anOutcomeUnderTheSameOwnerWithAnotherExpiryChangesNothing(SendOutcome outcome) {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient claimed = claimOne(campaign, leaseFrom("engine-a", at(0)), at(0));
            Lease held = claimed.lease().orElseThrow();
            Lease later = new Lease(held.owner(), held.expiresAt().plusSeconds(1));
            Lease earlier = new Lease(held.owner(), held.expiresAt().minusMillis(1));
            assertThat(apply(outcome.under(claimed.key(), later, at(2)), outcome.under(claimed.key(), earlier, at(2))))
                    .isEmpty();
            assertStillHeld(claimed.key(), held);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(SendOutcome.class)
        void aStalledOwnersOutcomeAfterRecoveryChangesNothingAndTheSurvivorsApplies(SendOutcome outcome) {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient claimed = claimOne(campaign, leaseFrom("stalled", at(0)), at(0));
            Lease stalled = claimed.lease().orElseThrow();
            Instant expiry = stalled.expiresAt();
            Recipient recovered = recipients()
                    .claimExpiredSending(campaign.id(), leaseFrom("survivor", expiry), 1, expiry)
                    .get(0);
            Lease survivor = recovered.lease().orElseThrow();
            assertThat(apply(outcome.under(claimed.key(), stalled, expiry.plusSeconds(1))))
                    .as("the stalled owner's late %s", outcome)
                    .isEmpty();
            assertStillHeld(claimed.key(), survivor);
            List<RecipientChange> changes = apply(outcome.under(claimed.key(), survivor, expiry.plusSeconds(2)));
            assertThat(changes).as("the survivor's %s", outcome).hasSize(1);
            assertThat(changes.get(0).after().state()).isEqualTo(outcome.reaches);
        }

        @Test
        void aStalledOwnersLateReceiptDoesNotTouchARecipientTheSurvivorGaveBack() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient claimed = claimOne(campaign, leaseFrom("stalled", at(0)), at(0));
            Lease stalled = claimed.lease().orElseThrow();
            Instant expiry = stalled.expiresAt();
            Lease survivor = recipients()
                    .claimExpiredSending(campaign.id(), leaseFrom("survivor", expiry), 1, expiry)
                    .get(0)
                    .lease()
                    .orElseThrow();
            apply(new RecipientUpdate.RetryLater(claimed.key(), survivor, expiry.plusSeconds(10), TIMEOUT, expiry));
            assertThat(apply(
                            new RecipientUpdate.Accepted(claimed.key(), stalled, "wamid.stale", expiry.plusSeconds(1))))
                    .isEmpty();
            Recipient pending = stored(claimed.key());
            assertThat(pending.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(pending.providerMessageId()).isEmpty();
            assertThat(recipients().findByProviderMessageId("wamid.stale")).isEmpty();
        }

        @Test
        void aLateReceiptOrFailureSettlesAnUnknownRecipientWhateverItsLease() {
            Campaign campaign = storeActiveWithRecipients("c-1", 3);
            Lease stalled = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("stalled", at(0)), 3, at(0)));
            Instant expiry = stalled.expiresAt();
            Lease survivor =
                    leaseOf(recipients().claimExpiredSending(campaign.id(), leaseFrom("survivor", expiry), 3, expiry));
            apply(
                    new RecipientUpdate.Unknown(key(campaign.id(), 0), survivor, TIMEOUT, expiry),
                    new RecipientUpdate.Unknown(key(campaign.id(), 1), survivor, TIMEOUT, expiry),
                    new RecipientUpdate.Unknown(key(campaign.id(), 2), survivor, TIMEOUT, expiry));
            Instant late = expiry.plusSeconds(5);
            List<RecipientChange> changes = apply(
                    new RecipientUpdate.Accepted(key(campaign.id(), 0), stalled, "wamid.late", late),
                    new RecipientUpdate.Failed(key(campaign.id(), 1), new Lease("anyone", late), REJECTED, late));
            assertThat(changes)
                    .extracting(change -> change.after().state())
                    .containsExactly(DeliveryState.SENT, DeliveryState.FAILED);
            assertThat(stored(key(campaign.id(), 0)).providerMessageId()).contains("wamid.late");
            assertThat(apply(
                            new RecipientUpdate.RetryLater(key(campaign.id(), 2), stalled, late, TIMEOUT, late),
                            new RecipientUpdate.Unclaimed(key(campaign.id(), 2), survivor, late, late),
                            new RecipientUpdate.Unknown(key(campaign.id(), 2), survivor, TIMEOUT, late),
                            new RecipientUpdate.Skipped(key(campaign.id(), 2), Optional.of(survivor), OPTED_OUT, late)))
                    .as("only a receipt or a failure settles an UNKNOWN recipient")
                    .isEmpty();
            assertThat(stored(key(campaign.id(), 2)).state()).isEqualTo(DeliveryState.UNKNOWN);
        }

        @Test
        void skippedWithoutALeaseAppliesOnlyToAPendingRecipient() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            Recipient claimed = claimOne(campaign, leaseFrom("engine-a", at(0)), at(0));
            assertThat(apply(new RecipientUpdate.Skipped(claimed.key(), Optional.empty(), OPTED_OUT, at(1))))
                    .as("a SENDING recipient")
                    .isEmpty();
            assertStillHeld(claimed.key(), claimed.lease().orElseThrow());
            List<RecipientChange> changes =
                    apply(new RecipientUpdate.Skipped(key(campaign.id(), 1), Optional.empty(), OPTED_OUT, at(1)));
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).after().state()).isEqualTo(DeliveryState.SKIPPED);
        }

        @Test
        void skippedWithALeaseAlsoAppliesToAPendingRecipient() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient claimed = claimOne(campaign, leaseFrom("engine-a", at(0)), at(0));
            Lease lease = claimed.lease().orElseThrow();
            apply(new RecipientUpdate.Unclaimed(claimed.key(), lease, at(10), at(1)));
            assertThat(apply(new RecipientUpdate.Skipped(claimed.key(), Optional.of(lease), OPTED_OUT, at(2))))
                    .extracting(change -> change.after().state())
                    .containsExactly(DeliveryState.SKIPPED);
        }

        @Test
        void theLeaseAClaimReturnsIsTheOneStoredToTheNanosecondAndItsOutcomesApply() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            Lease precise = new Lease("engine-a", at(LEASE_SECONDS).plusNanos(123_456_789));
            List<Recipient> claimed = recipients().claimForSending(campaign.id(), precise, 2, at(0));
            Lease returned = leaseOf(claimed);
            assertCloseTo(returned, precise);
            assertThat(stored(key(campaign.id(), 0)).lease()).contains(returned);
            assertThat(apply(new RecipientUpdate.Accepted(key(campaign.id(), 0), returned, "wamid.0", at(1))))
                    .hasSize(1);

            Instant expiry = returned.expiresAt();
            Lease survivorAsked =
                    new Lease("survivor", expiry.plusSeconds(LEASE_SECONDS).plusNanos(987_654_321));
            Lease survivor = leaseOf(recipients().claimExpiredSending(campaign.id(), survivorAsked, 1, expiry));
            assertCloseTo(survivor, survivorAsked);
            assertThat(stored(key(campaign.id(), 1)).lease()).contains(survivor);
            assertThat(apply(new RecipientUpdate.RetryLater(key(campaign.id(), 1), survivor, expiry, TIMEOUT, expiry)))
                    .hasSize(1);
        }

        @Test
        void theRecipientsWhoseLeaseExpiredAreReadUnderTheirOwnLeaseByExpiryThenSequence() {
            Campaign campaign = storeActiveWithRecipients("c-1", 4);
            Campaign other = storeActiveWithRecipients("c-2", 1);
            List<Recipient> first = recipients().claimForSending(campaign.id(), leaseFrom("engine-a", at(0)), 2, at(0));
            List<Recipient> second =
                    recipients().claimForSending(campaign.id(), leaseFrom("engine-b", at(10)), 1, at(10));
            recipients().claimForSending(other.id(), leaseFrom("engine-a", at(0)), 1, at(0));
            Lease a = leaseOf(first);
            Lease b = leaseOf(second);

            assertThat(expired(campaign, a.expiresAt().minusMillis(1), 10))
                    .as("none expired yet")
                    .isEmpty();
            List<Recipient> atA = expired(campaign, a.expiresAt(), 10);
            assertThat(atA)
                    .extracting(Recipient::key)
                    .containsExactly(first.get(0).key(), first.get(1).key());
            assertThat(atA).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(DeliveryState.SENDING);
                assertThat(r.lease()).as("read, not taken over").contains(a);
            });
            assertThat(expired(campaign, b.expiresAt(), 2))
                    .extracting(Recipient::key)
                    .containsExactly(first.get(0).key(), first.get(1).key());
            assertThat(expired(campaign, b.expiresAt(), 3))
                    .extracting(Recipient::key)
                    .containsExactly(
                            first.get(0).key(),
                            first.get(1).key(),
                            second.get(0).key());

            assertThat(apply(new RecipientUpdate.Accepted(first.get(0).key(), a, "wamid.0", a.expiresAt())))
                    .as("the owner's late answer, still under its lease")
                    .hasSize(1);
            assertThat(apply(new RecipientUpdate.Unknown(first.get(0).key(), a, TIMEOUT, a.expiresAt())))
                    .as("the recovery after it")
                    .isEmpty();
            assertThat(apply(new RecipientUpdate.Unknown(
                            first.get(1).key(), atA.get(1).lease().orElseThrow(), TIMEOUT, a.expiresAt())))
                    .as("the recovery under the lease it read")
                    .hasSize(1);
            assertThat(expired(campaign, b.expiresAt(), 10))
                    .extracting(Recipient::key)
                    .containsExactly(second.get(0).key());
            assertThat(stored(first.get(0).key()).state()).isEqualTo(DeliveryState.SENT);
            assertThat(stored(first.get(1).key()).state()).isEqualTo(DeliveryState.UNKNOWN);
        }

        private List<Recipient> expired(Campaign campaign, Instant at, int limit) {
            return recipients().findRecipients(new RecipientQuery.LeaseExpired(campaign.id(), at, limit));
        }

        @Test
        void renewingALeaseMovesEveryRecipientStillHeldUnderItAndOnlyThose() {
            Campaign campaign = storeActiveWithRecipients("c-1", 3);
            List<Recipient> claimed =
                    recipients().claimForSending(campaign.id(), leaseFrom("engine-a", at(0)), 3, at(0));
            Lease held = leaseOf(claimed);
            assertThat(apply(new RecipientUpdate.Accepted(claimed.get(0).key(), held, "wamid.0", at(1))))
                    .hasSize(1);
            Lease renewed = new Lease("engine-a", held.expiresAt().plusSeconds(LEASE_SECONDS));

            assertThat(recipients().renewLease(campaign.id(), held, renewed)).isEqualTo(2);

            assertThat(stored(claimed.get(0).key()).lease())
                    .as("no longer SENDING")
                    .isEmpty();
            assertStillHeld(claimed.get(1).key(), renewed);
            assertStillHeld(claimed.get(2).key(), renewed);
            assertThat(nextLeaseExpiry(campaign.id())).contains(renewed.expiresAt());
            assertThat(recipients()
                            .claimExpiredSending(
                                    campaign.id(), leaseFrom("survivor", held.expiresAt()), 3, held.expiresAt()))
                    .as("nothing expired at the old expiry")
                    .isEmpty();
            assertThat(apply(new RecipientUpdate.Unknown(claimed.get(1).key(), held, TIMEOUT, at(2))))
                    .as("an outcome under the old lease")
                    .isEmpty();
            assertThat(apply(new RecipientUpdate.Unknown(claimed.get(1).key(), renewed, TIMEOUT, at(2))))
                    .hasSize(1);
            assertThat(recipients().renewLease(campaign.id(), held, renewed))
                    .as("renewing again")
                    .isZero();
        }

        @Test
        void renewingAfterASurvivorRecoveredTakesNothingBack() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient claimed = claimOne(campaign, leaseFrom("stalled", at(0)), at(0));
            Lease stalled = claimed.lease().orElseThrow();
            Instant expiry = stalled.expiresAt();
            Lease survivor =
                    leaseOf(recipients().claimExpiredSending(campaign.id(), leaseFrom("survivor", expiry), 1, expiry));

            assertThat(recipients()
                            .renewLease(
                                    campaign.id(), stalled, new Lease("stalled", expiry.plusSeconds(LEASE_SECONDS))))
                    .isZero();

            assertStillHeld(claimed.key(), survivor);
        }

        private Recipient claimOne(Campaign campaign, Lease lease, Instant now) {
            List<Recipient> claimed = recipients().claimForSending(campaign.id(), lease, 1, now);
            assertThat(claimed).hasSize(1);
            return claimed.get(0);
        }

        private void assertStillHeld(RecipientKey key, Lease lease) {
            Recipient now = stored(key);
            assertThat(now.state()).isEqualTo(DeliveryState.SENDING);
            assertThat(now.lease()).contains(lease);
            assertThat(now.attempts()).isEqualTo(1);
            assertThat(now.providerMessageId()).isEmpty();
            assertThat(now.outcome()).isEmpty();
        }

        /** A store may keep expiries coarser than nanoseconds, but no coarser than milliseconds. */
        private void assertCloseTo(Lease returned, Lease asked) {
            assertThat(returned.owner()).isEqualTo(asked.owner());
            assertThat(Duration.between(returned.expiresAt(), asked.expiresAt()).abs())
                    .isLessThan(Duration.ofMillis(1));
        }
    }
}
