package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the monotonic status merges of the {@link io.campaignkit.core.port.RecipientStore} port. Extend it in your store's tests and return a new, empty storage from
 * {@link #storage()} (or extend {@link StorageContractKit}, which runs every port's kit). The checks
 * are grouped by rule in {@code @Nested} classes, each check named after the rule it checks.
 */
public abstract class RecipientStatusMergeContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected RecipientStatusMergeContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected RecipientStatusMergeContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    // ================================================================ status merges

    /** Status reports merge monotonically and idempotently. */
    @Nested
    @DisplayName("status merges")
    public class StatusMerges {

        private RecipientUpdate status(RecipientKey key, DeliveryState state, long second) {
            return new RecipientUpdate.StatusReached(
                    key, state, state == DeliveryState.FAILED ? Optional.of(REJECTED) : Optional.empty(), at(second));
        }

        @Test
        void statusesClimbInOrder() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            RecipientKey key = claimAndAccept(campaign.id(), "w").key();
            assertThat(apply(status(key, DeliveryState.DELIVERED, 5))
                            .get(0)
                            .after()
                            .state())
                    .isEqualTo(DeliveryState.DELIVERED);
            assertThat(apply(status(key, DeliveryState.READ, 6)).get(0).after().state())
                    .isEqualTo(DeliveryState.READ);
            assertThat(apply(status(key, DeliveryState.REPLIED, 7))
                            .get(0)
                            .after()
                            .state())
                    .isEqualTo(DeliveryState.REPLIED);
            Recipient replied = stored(key);
            assertThat(replied.deliveredAt()).contains(at(5));
            assertThat(replied.readAt()).contains(at(6));
            assertThat(replied.repliedAt()).contains(at(7));
        }

        @Test
        void readImpliesDelivered() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            RecipientKey key = claimAndAccept(campaign.id(), "w").key();
            Recipient read = apply(status(key, DeliveryState.READ, 6)).get(0).after();
            assertThat(read.state()).isEqualTo(DeliveryState.READ);
            assertThat(read.deliveredAt()).contains(at(6));
            assertThat(read.readAt()).contains(at(6));
            assertThat(read.state().isDelivered()).isTrue();
        }

        @Test
        void deliveredAfterReadChangesNothing() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            RecipientKey key = claimAndAccept(campaign.id(), "w").key();
            apply(status(key, DeliveryState.READ, 6));
            Recipient before = stored(key);
            assertThat(apply(status(key, DeliveryState.DELIVERED, 5))).isEmpty();
            assertThat(stored(key)).isEqualTo(before);
        }

        @Test
        void aDuplicateStatusIsANoOp() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            RecipientKey key = claimAndAccept(campaign.id(), "w").key();
            assertThat(apply(status(key, DeliveryState.DELIVERED, 5))).hasSize(1);
            Recipient once = stored(key);
            assertThat(apply(status(key, DeliveryState.DELIVERED, 5), status(key, DeliveryState.DELIVERED, 8)))
                    .isEmpty();
            assertThat(stored(key)).isEqualTo(once);
            assertThat(apply(new RecipientUpdate.Accepted(key, leaseFrom("engine", at(0)), "w", at(9))))
                    .as("a duplicate receipt")
                    .isEmpty();
        }

        @Test
        void aFailureAfterDeliveryChangesNothingButADeliveryAfterAFailureWins() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            RecipientKey delivered = claimAndAccept(campaign.id(), "w0").key();
            apply(status(delivered, DeliveryState.DELIVERED, 5));
            assertThat(apply(status(delivered, DeliveryState.FAILED, 6))).isEmpty();
            RecipientKey failedFirst = claimAndAccept(campaign.id(), "w1").key();
            Recipient failed =
                    apply(status(failedFirst, DeliveryState.FAILED, 5)).get(0).after();
            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.outcome()).contains(REJECTED);
            assertThat(apply(status(failedFirst, DeliveryState.DELIVERED, 6))
                            .get(0)
                            .after()
                            .state())
                    .isEqualTo(DeliveryState.DELIVERED);
        }

        @Test
        void everyReportButAFailureProvesTheMessageLeftAndFillsTheStepsBelow() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 2, at(0)));
            RecipientKey unknown = key(campaign.id(), 0);
            apply(new RecipientUpdate.Unknown(unknown, lease, TIMEOUT, at(1)));
            Recipient read =
                    apply(status(unknown, DeliveryState.READ, 9)).get(0).after();
            assertThat(read.state()).isEqualTo(DeliveryState.READ);
            assertThat(List.of(read.sentAt(), read.deliveredAt(), read.readAt()))
                    .containsOnly(Optional.of(at(9)));
            RecipientKey failed = key(campaign.id(), 1);
            assertThat(apply(status(failed, DeliveryState.FAILED, 3))
                            .get(0)
                            .after()
                            .sentAt())
                    .as("a failure does not prove the message left")
                    .isEmpty();
            RecipientCounts counts = recipients().counts(campaign.id());
            assertThat(counts.accepted()).isEqualTo(1);
            assertThat(counts.delivered()).isEqualTo(1);
            assertThat(counts.read()).isEqualTo(1);
        }

        @Test
        void aReplyMovesOnlyAnAcceptedOrUnknownRecipientAndAnUnknownOneStaysUnconfirmed() {
            Campaign campaign = storeActiveWithRecipients("c-1", 3);
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 3, at(0)));
            RecipientKey unknown = key(campaign.id(), 0);
            RecipientKey failed = key(campaign.id(), 1);
            RecipientKey sending = key(campaign.id(), 2);
            apply(new RecipientUpdate.Unknown(unknown, lease, TIMEOUT, at(1)));
            apply(new RecipientUpdate.Failed(failed, lease, REJECTED, at(1)));
            Recipient answered =
                    apply(status(unknown, DeliveryState.REPLIED, 9)).get(0).after();
            assertThat(answered.state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(answered.repliedAt()).contains(at(9));
            assertThat(List.of(answered.sentAt(), answered.deliveredAt(), answered.readAt()))
                    .containsOnly(Optional.empty());
            assertThat(apply(status(failed, DeliveryState.REPLIED, 9))).isEmpty();
            assertThat(apply(status(sending, DeliveryState.REPLIED, 9))).isEmpty();
            assertThat(stored(failed).state()).isEqualTo(DeliveryState.FAILED);
            assertThat(stored(sending).state()).isEqualTo(DeliveryState.SENDING);
            RecipientCounts counts = recipients().counts(campaign.id());
            assertThat(counts.count(DeliveryState.REPLIED)).isEqualTo(1);
            assertThat(List.of(counts.accepted(), counts.delivered(), counts.read()))
                    .containsOnly(0L);
        }

        @Test
        void aStatusForAnUnsentRecipientChangesNothing() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            assertThat(apply(status(key(campaign.id(), 0), DeliveryState.DELIVERED, 5)))
                    .isEmpty();
            assertThat(stored(key(campaign.id(), 0)).state()).isEqualTo(DeliveryState.PENDING);
        }

        @Test
        void aReceiptAfterItsOwnStatusKeepsTheStateAndFillsTheProviderId() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            Recipient sending = recipients()
                    .claimForSending(campaign.id(), leaseFrom("a", at(0)), 1, at(0))
                    .get(0);
            apply(status(sending.key(), DeliveryState.DELIVERED, 2));
            Recipient after = apply(new RecipientUpdate.Accepted(
                            sending.key(), sending.lease().orElseThrow(), "w-late", at(3)))
                    .get(0)
                    .after();
            assertThat(after.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(after.providerMessageId()).contains("w-late");
            assertThat(after.sentAt()).as("the status proved it left first").contains(at(2));
            assertThat(after.lease()).isEmpty();
            assertThat(recipients().findByProviderMessageId("w-late")).contains(after);
        }

        @Test
        void everyOrderOfTheSameStatusesEndsInTheSameState() {
            Campaign campaign = storeActiveWithRecipients("c-1", 24);
            List<List<Integer>> orders = permutations(List.of(0, 1, 2, 3));
            for (int i = 0; i < orders.size(); i++) {
                RecipientKey key = claimAndAccept(campaign.id(), "w" + i).key();
                List<RecipientUpdate> events = List.of(
                        status(key, DeliveryState.DELIVERED, 5),
                        status(key, DeliveryState.READ, 6),
                        status(key, DeliveryState.FAILED, 4),
                        status(key, DeliveryState.SENT, 2));
                for (int index : orders.get(i)) {
                    apply(events.get(index));
                }
                Recipient merged = stored(key);
                assertThat(merged.state()).as("order " + orders.get(i)).isEqualTo(DeliveryState.READ);
                assertThat(merged.deliveredAt()).as("order " + orders.get(i)).isPresent();
                assertThat(merged.readAt()).as("order " + orders.get(i)).contains(at(6));
                assertThat(merged.outcome())
                        .as("order " + orders.get(i) + ": a delivered message has no failure")
                        .isEmpty();
            }
        }
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<Integer>> all = new ArrayList<>();
        for (Integer first : items) {
            List<Integer> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Integer> tail : permutations(rest)) {
                List<Integer> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
