package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the {@link io.campaignkit.core.port.RecipientStore} port: inserting, claiming and updating recipients, counts. Extend it in your store's tests and return a new, empty storage from
 * {@link #storage()} (or extend {@link StorageContractKit}, which runs every port's kit). The checks
 * are grouped by rule in {@code @Nested} classes, each check named after the rule it checks.
 */
public abstract class RecipientStoreContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected RecipientStoreContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected RecipientStoreContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    // ================================================================ adding and claiming

    /** Adding recipients and claiming them for sending under a lease. */
    @Nested
    @DisplayName("claims")
    public class Claims {

        @Test
        void recipientsAreAddedOncePerPhoneInSequenceAndTheFirstEntryStays() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            Contact twin = Contact.builder(contact(1).phone()).name("Twin").build();
            List<Recipient> first = recipients()
                    .insertRecipients(
                            campaign.id(),
                            List.of(
                                    NewRecipient.pending(contact(0), at(0)),
                                    NewRecipient.pending(contact(1), at(0)),
                                    NewRecipient.pending(twin, at(0))),
                            at(0));
            assertThat(first).extracting(Recipient::sequence).containsExactly(0L, 1L);
            List<Recipient> second = recipients()
                    .insertRecipients(
                            campaign.id(),
                            List.of(NewRecipient.pending(contact(1), at(0)), NewRecipient.pending(contact(2), at(0))),
                            at(0));
            assertThat(second).extracting(Recipient::sequence).containsExactly(2L);
            assertThat(second.get(0).contact()).isEqualTo(contact(2));
            assertThat(stored(key(campaign.id(), 1)).contact()).isEqualTo(contact(1));
            assertThat(first).allSatisfy(recipient -> {
                assertThat(recipient.state()).isEqualTo(DeliveryState.PENDING);
                assertThat(recipient.attempts()).isZero();
                assertThat(recipient.lease()).isEmpty();
            });
            assertThat(recipients().counts(campaign.id()).count(DeliveryState.PENDING))
                    .isEqualTo(3);
        }

        @Test
        void aRecipientAddedSkippedIsNeverClaimed() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            List<Recipient> added = recipients()
                    .insertRecipients(
                            campaign.id(),
                            List.of(
                                    NewRecipient.skipped(contact(0), at(0), OPTED_OUT),
                                    NewRecipient.pending(contact(1), at(0))),
                            at(0));
            assertThat(added.get(0).state()).isEqualTo(DeliveryState.SKIPPED);
            assertThat(added.get(0).outcome()).contains(OPTED_OUT);
            assertThat(phones(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 10, at(0))))
                    .containsExactly(contact(1).phone());
            RecipientCounts counts = recipients().counts(campaign.id());
            assertThat(counts.count(DeliveryState.SKIPPED)).isEqualTo(1);
            assertThat(counts.skippedByReason()).containsEntry("OPTED_OUT", 1L);
        }

        @Test
        void oneContactMayBeARecipientOfSeveralCampaigns() {
            Campaign first = storeActiveWithRecipients("c-1", 1);
            Campaign second = storeActiveWithRecipients("c-2", 1);
            assertThat(recipients().isRecipient(first.id(), contact(0).phone())).isTrue();
            assertThat(recipients().isRecipient(second.id(), contact(0).phone()))
                    .isTrue();
            assertThat(recipients().isRecipient(second.id(), contact(1).phone()))
                    .isFalse();
        }

        @Test
        void addingToAnUnknownCampaignIsNotFound() {
            assertThatThrownBy(() -> recipients()
                            .insertRecipients(
                                    CampaignId.of("nowhere"), List.of(NewRecipient.pending(contact(0), at(0))), at(0)))
                    .isInstanceOf(CampaignNotFoundException.class);
        }

        @Test
        void claimsTakeDueRecipientsByDueTimeThenSequenceAsSendingUnderTheLease() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            recipients()
                    .insertRecipients(
                            campaign.id(),
                            List.of(
                                    NewRecipient.pending(contact(0), at(20)),
                                    NewRecipient.pending(contact(1), at(10)),
                                    NewRecipient.pending(contact(2), at(10)),
                                    NewRecipient.pending(contact(3), at(99))),
                            at(0));
            assertThat(recipients().claimForSending(campaign.id(), leaseFrom("a", at(5)), 10, at(5)))
                    .isEmpty();
            assertThat(recipients().nextDueAt(campaign.id(), at(5))).contains(at(10));
            Lease lease = leaseFrom("a", at(20));
            List<Recipient> claimed = recipients().claimForSending(campaign.id(), lease, 2, at(20));
            assertThat(phones(claimed))
                    .containsExactly(contact(1).phone(), contact(2).phone());
            assertThat(phones(recipients().claimForSending(campaign.id(), lease, 10, at(20))))
                    .containsExactly(contact(0).phone());
            assertThat(claimed).allSatisfy(recipient -> {
                assertThat(recipient.state()).isEqualTo(DeliveryState.SENDING);
                assertThat(recipient.attempts()).isEqualTo(1);
                assertThat(recipient.lease()).contains(lease);
            });
            assertThat(stored(key(campaign.id(), 1)).state()).isEqualTo(DeliveryState.SENDING);
            assertThat(recipients().nextDueAt(campaign.id(), at(20))).contains(at(99));
            assertThat(nextLeaseExpiry(campaign.id())).contains(lease.expiresAt());
        }

        @Test
        void aSendingRecipientIsNeverClaimedForSendingAgainNotEvenAfterItsLease() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 2, at(0));
            assertThat(recipients().claimForSending(campaign.id(), leaseFrom("b", at(1)), 2, at(1)))
                    .isEmpty();
            assertThat(recipients().claimForSending(campaign.id(), leaseFrom("b", at(100)), 2, at(100)))
                    .isEmpty();
        }

        @Test
        void anExpiredLeaseIsRecoveredOnceAndNotBefore() {
            Campaign campaign = storeActiveWithRecipients("c-1", 3);
            Lease crashed = leaseFrom("crashed", at(0));
            recipients().claimForSending(campaign.id(), crashed, 3, at(0));
            Instant lastLive = crashed.expiresAt().minusNanos(1);
            assertThat(recipients().claimExpiredSending(campaign.id(), leaseFrom("b", lastLive), 10, lastLive))
                    .isEmpty();
            Instant expiry = crashed.expiresAt(); // a lease is over at its expiry
            Lease survivor = leaseFrom("survivor", expiry);
            List<Recipient> recovered = recipients().claimExpiredSending(campaign.id(), survivor, 2, expiry);
            assertThat(phones(recovered)).hasSize(2).doesNotHaveDuplicates().isSubsetOf(phonesOf(0, 3));
            assertThat(recovered).allSatisfy(recipient -> {
                assertThat(recipient.state()).isEqualTo(DeliveryState.SENDING);
                assertThat(recipient.lease()).contains(survivor);
                assertThat(recipient.attempts()).isEqualTo(1);
            });
            List<PhoneNumber> rest = new java.util.ArrayList<>(phonesOf(0, 3));
            rest.removeAll(phones(recovered));
            assertThat(phones(recipients().claimExpiredSending(campaign.id(), leaseFrom("c", expiry), 10, expiry)))
                    .containsExactlyElementsOf(rest);
            assertThat(recipients().claimExpiredSending(campaign.id(), leaseFrom("d", expiry), 10, expiry))
                    .isEmpty();
            assertThat(nextLeaseExpiry(campaign.id())).contains(survivor.expiresAt());
        }

        @Test
        void unclaimedGivesTheRecipientBackDueAtItsTimeWithTheAttemptTakenBack() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 2, at(0)));
            List<RecipientChange> changes =
                    apply(new RecipientUpdate.Unclaimed(key(campaign.id(), 1), lease, at(50), at(2)));
            Recipient back = changes.get(0).after();
            assertThat(back.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(back.attempts()).isZero();
            assertThat(back.lease()).isEmpty();
            assertThat(back.dueAt()).isEqualTo(at(50));
            assertThat(recipients().claimForSending(campaign.id(), leaseFrom("b", at(49)), 2, at(49)))
                    .isEmpty();
            assertThat(phones(recipients().claimForSending(campaign.id(), leaseFrom("b", at(50)), 2, at(50))))
                    .containsExactly(contact(1).phone());
        }

        @Test
        void retryLaterKeepsTheAttemptAndRecordsTheError() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 1, at(0)));
            Recipient retried = apply(
                            new RecipientUpdate.RetryLater(key(campaign.id(), 0), lease, at(30), TIMEOUT, at(1)))
                    .get(0)
                    .after();
            assertThat(retried.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(retried.outcome()).contains(TIMEOUT);
            assertThat(retried.dueAt()).isEqualTo(at(30));
            Recipient again = recipients()
                    .claimForSending(campaign.id(), leaseFrom("a", at(30)), 1, at(30))
                    .get(0);
            assertThat(again.attempts()).isEqualTo(2);
        }

        @Test
        void acceptedMakesItSentWithTheProviderIdAndClearsTheLease() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient sent = claimAndAccept(campaign.id(), "wamid.1");
            assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
            assertThat(sent.providerMessageId()).contains("wamid.1");
            assertThat(sent.sentAt()).contains(at(1));
            assertThat(sent.lease()).isEmpty();
            assertThat(recipients().findByProviderMessageId("wamid.1")).contains(stored(sent.key()));
            assertThat(recipients().findByCorrelationId(sent.key().correlationId()))
                    .contains(stored(sent.key()));
            assertThat(recipients().findByProviderMessageId("wamid.other")).isEmpty();
            assertThat(nextLeaseExpiry(campaign.id())).isEmpty();
        }

        @Test
        void unknownOutcomeIsKeptAndALateReceiptStillCounts() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 1, at(0)));
            RecipientKey key = key(campaign.id(), 0);
            assertThat(apply(new RecipientUpdate.Unknown(key, lease, TIMEOUT, at(5)))
                            .get(0)
                            .after()
                            .state())
                    .isEqualTo(DeliveryState.UNKNOWN);
            assertThat(recipients().claimForSending(campaign.id(), leaseFrom("b", at(100)), 1, at(100)))
                    .isEmpty();
            assertThat(apply(new RecipientUpdate.Accepted(key, lease, "wamid.late", at(6)))
                            .get(0)
                            .after()
                            .state())
                    .isEqualTo(DeliveryState.SENT);
        }

        @Test
        void failedRecordsTheReasonOnlyFromSendingOrUnknown() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 1, at(0)));
            Recipient failed = apply(new RecipientUpdate.Failed(key(campaign.id(), 0), lease, REJECTED, at(2)))
                    .get(0)
                    .after();
            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.outcome()).contains(REJECTED);
            assertThat(failed.lease()).isEmpty();
            assertThat(apply(new RecipientUpdate.Failed(key(campaign.id(), 1), lease, REJECTED, at(2))))
                    .as("from PENDING")
                    .isEmpty();
            assertThat(recipients().counts(campaign.id()).failedByCode()).containsEntry("RECIPIENT_PERMANENT", 1L);
        }

        @Test
        void skippedAppliesToPendingAndSendingOnlyAndIsFinal() {
            Campaign campaign = storeActiveWithRecipients("c-1", 3);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 2, at(0)));
            apply(new RecipientUpdate.Accepted(key(campaign.id(), 0), lease, "wamid.0", at(1)));
            assertThat(apply(new RecipientUpdate.Skipped(key(campaign.id(), 2), Optional.empty(), OPTED_OUT, at(3))))
                    .hasSize(1);
            assertThat(apply(new RecipientUpdate.Skipped(key(campaign.id(), 1), Optional.of(lease), OPTED_OUT, at(3))))
                    .hasSize(1);
            assertThat(apply(new RecipientUpdate.Skipped(key(campaign.id(), 0), Optional.of(lease), OPTED_OUT, at(3))))
                    .as("from SENT")
                    .isEmpty();
            assertThat(apply(new RecipientUpdate.StatusReached(
                            key(campaign.id(), 1), DeliveryState.DELIVERED, Optional.empty(), at(4))))
                    .as("nothing leaves SKIPPED")
                    .isEmpty();
            assertThat(stored(key(campaign.id(), 1)).state()).isEqualTo(DeliveryState.SKIPPED);
        }

        @Test
        void skipPendingSkipsPendingRecipientsInBatchesAndLeavesSendingOnes() {
            Campaign campaign = storeActiveWithRecipients("c-1", 5);
            recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 1, at(0));
            StatusReason finished = StatusReason.of("CAMPAIGN_FINISHED", "the campaign finished", true);
            List<RecipientChange> first = recipients().skipPending(campaign.id(), finished, 3, at(9));
            List<RecipientChange> second = recipients().skipPending(campaign.id(), finished, 3, at(9));
            assertThat(first).hasSize(3);
            assertThat(second).hasSize(1);
            assertThat(recipients().skipPending(campaign.id(), finished, 3, at(9)))
                    .isEmpty();
            assertThat(first).allSatisfy(change -> {
                assertThat(change.before().state()).isEqualTo(DeliveryState.PENDING);
                assertThat(change.after().state()).isEqualTo(DeliveryState.SKIPPED);
                assertThat(change.after().outcome()).contains(finished);
            });
            assertThat(stored(key(campaign.id(), 0)).state()).isEqualTo(DeliveryState.SENDING);
            assertThat(recipients().nextDueAt(campaign.id(), at(9))).isEmpty();
        }

        @Test
        void updatesThatChangeNothingReportNothingAndChangesComeInOrder() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 2, at(0)));
            List<RecipientChange> changes = apply(
                    new RecipientUpdate.Accepted(key(campaign.id(), 1), lease, "wamid.1", at(1)),
                    new RecipientUpdate.Accepted(
                            new RecipientKey(campaign.id(), contact(7).phone()), lease, "wamid.7", at(1)),
                    new RecipientUpdate.Accepted(
                            new RecipientKey(
                                    CampaignId.of("nowhere"), contact(0).phone()),
                            lease,
                            "w",
                            at(1)),
                    new RecipientUpdate.Unknown(key(campaign.id(), 1), lease, TIMEOUT, at(2)),
                    new RecipientUpdate.Accepted(key(campaign.id(), 0), lease, "wamid.0", at(3)));
            assertThat(changes)
                    .extracting(change -> change.after().phone())
                    .containsExactly(contact(1).phone(), contact(0).phone());
            assertThat(changes)
                    .allSatisfy(change -> assertThat(change.stateChanged()).isTrue());
        }

        @Test
        void recipientsPageBySequence() {
            Campaign campaign = storeActiveWithRecipients("c-1", 5);
            List<Recipient> first = recipients().findRecipients(campaign.id(), -1, 2);
            assertThat(first).extracting(Recipient::sequence).containsExactly(0L, 1L);
            assertThat(recipients().findRecipients(campaign.id(), 1, 10))
                    .extracting(Recipient::sequence)
                    .containsExactly(2L, 3L, 4L);
            assertThat(recipients().findRecipients(campaign.id(), 4, 10)).isEmpty();
            assertThat(recipients().findRecipients(CampaignId.of("nowhere"), -1, 10))
                    .isEmpty();
        }

        @Test
        void countsFollowEveryChange() {
            Campaign campaign = storeActiveWithRecipients("c-1", 4);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 3, at(0)));
            apply(
                    new RecipientUpdate.Accepted(key(campaign.id(), 0), lease, "w0", at(1)),
                    new RecipientUpdate.Accepted(key(campaign.id(), 1), lease, "w1", at(1)),
                    new RecipientUpdate.Failed(key(campaign.id(), 2), lease, REJECTED, at(1)),
                    new RecipientUpdate.StatusReached(
                            key(campaign.id(), 0), DeliveryState.READ, Optional.empty(), at(2)));
            RecipientCounts counts = recipients().counts(campaign.id());
            assertThat(counts.count(DeliveryState.PENDING)).isEqualTo(1);
            assertThat(counts.count(DeliveryState.SENT)).isEqualTo(1);
            assertThat(counts.count(DeliveryState.READ)).isEqualTo(1);
            assertThat(counts.count(DeliveryState.FAILED)).isEqualTo(1);
            assertThat(counts.total()).isEqualTo(4);
            assertThat(counts.accepted()).isEqualTo(2);
            assertThat(counts.delivered()).isEqualTo(1);
            assertThat(counts.read()).isEqualTo(1);
            assertThat(counts.failedByCode()).containsExactlyEntriesOf(java.util.Map.of("RECIPIENT_PERMANENT", 1L));
            assertThat(recipients().counts(CampaignId.of("nowhere"))).isEqualTo(RecipientCounts.empty());
        }
    }
}
