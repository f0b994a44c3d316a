package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract kit of the concurrency of the {@link io.campaignkit.core.port.RecipientStore} port: claims never
 * handed out twice, expired leases recovered once, random schedules against a model. Extend it in your store's tests and return a new, empty storage from
 * {@link #storage()} (or extend {@link StorageContractKit}, which runs every port's kit). The checks
 * are grouped by rule in {@code @Nested} classes, each check named after the rule it checks.
 */
public abstract class RecipientConcurrencyContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected RecipientConcurrencyContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected RecipientConcurrencyContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    /** Several engine processes working on one campaign at once. */
    @Nested
    @DisplayName("concurrent claims")
    public class ConcurrentClaims {

        private List<PhoneNumber> drain(Callable<List<Recipient>> claimOnce) throws Exception {
            List<PhoneNumber> mine = new ArrayList<>();
            List<Recipient> batch;
            do {
                batch = claimOnce.call();
                mine.addAll(phones(batch));
            } while (!batch.isEmpty());
            return mine;
        }

        @Test
        void concurrentClaimersReceiveEveryRecipientExactlyOnce() throws Exception {
            int audience = 2_000;
            Campaign campaign = storeActiveWithRecipients("c-1", audience);
            List<Callable<List<PhoneNumber>>> claimers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                Lease lease = leaseFrom("engine-" + i, at(0));
                claimers.add(() -> drain(() -> recipients().claimForSending(campaign.id(), lease, 7, at(0))));
            }
            List<PhoneNumber> all = new ArrayList<>();
            runConcurrently(claimers).forEach(all::addAll);
            assertThat(all).hasSize(audience).doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(phonesOf(0, audience)));
            assertThat(recipients().counts(campaign.id()).count(DeliveryState.SENDING))
                    .isEqualTo(audience);
        }

        @Test
        void concurrentSurvivorsRecoverEachExpiredLeaseOnce() throws Exception {
            int audience = 1_000;
            Campaign campaign = storeActiveWithRecipients("c-1", audience);
            Lease crashed = leaseFrom("crashed", at(0));
            for (int claimed = 0; claimed < audience; ) {
                claimed += recipients()
                        .claimForSending(campaign.id(), crashed, 100, at(0))
                        .size();
            }
            Instant later = crashed.expiresAt().plusSeconds(1);
            List<Callable<List<PhoneNumber>>> survivors = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                Lease lease = leaseFrom("survivor-" + i, later);
                survivors.add(() -> drain(() -> recipients().claimExpiredSending(campaign.id(), lease, 13, later)));
            }
            List<PhoneNumber> all = new ArrayList<>();
            runConcurrently(survivors).forEach(all::addAll);
            assertThat(all).hasSize(audience).doesNotHaveDuplicates();
        }

        @Test
        void concurrentClaimsAndGiveBacksNeverHandOutALiveClaimTwice() throws Exception {
            int audience = 300;
            Campaign campaign = storeActiveWithRecipients("c-1", audience);
            // each claimer keeps what it claims on even rounds and gives it back on odd rounds
            List<Callable<List<PhoneNumber>>> claimers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                Lease lease = leaseFrom("engine-" + i, at(0));
                claimers.add(() -> {
                    List<PhoneNumber> kept = new ArrayList<>();
                    for (int round = 0; round < 200; round++) {
                        List<Recipient> batch = recipients().claimForSending(campaign.id(), lease, 5, at(0));
                        if (batch.isEmpty()) {
                            continue;
                        }
                        if (round % 2 == 1) {
                            recipients()
                                    .apply(batch.stream()
                                            .map(r -> new RecipientUpdate.Unclaimed(
                                                    r.key(), r.lease().orElseThrow(), at(0), at(0)))
                                            .toList());
                        } else {
                            kept.addAll(phones(batch));
                        }
                    }
                    return kept;
                });
            }
            List<PhoneNumber> kept = new ArrayList<>();
            runConcurrently(claimers).forEach(kept::addAll);
            assertThat(kept).doesNotHaveDuplicates();
            assertThat(recipients().counts(campaign.id()).count(DeliveryState.SENDING))
                    .isEqualTo(kept.size());
        }

        @Test
        void concurrentDuplicatesOfOneStatusChangeTheRecipientOnce() throws Exception {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            RecipientKey key = claimAndAccept(campaign.id(), "w").key();
            RecipientUpdate delivered =
                    new RecipientUpdate.StatusReached(key, DeliveryState.DELIVERED, Optional.empty(), at(5));
            List<Callable<List<RecipientChange>>> webhooks = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                webhooks.add(() -> recipients().apply(List.of(delivered)));
            }
            List<RecipientChange> changes = new ArrayList<>();
            runConcurrently(webhooks).forEach(changes::addAll);
            assertThat(changes).hasSize(1);
            assertThat(recipients().counts(campaign.id()).delivered()).isEqualTo(1);
        }

        @Test
        void concurrentReceiptAndReportsOfOneRecipientMergeToTheHighest() throws Exception {
            int audience = 50;
            Campaign campaign = storeActiveWithRecipients("c-1", audience);
            List<Recipient> sending =
                    recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), audience, at(0));
            List<Callable<List<RecipientChange>>> sources = new ArrayList<>();
            sources.add(() -> recipients()
                    .apply(sending.stream()
                            .map(r -> (RecipientUpdate) new RecipientUpdate.Accepted(
                                    r.key(), r.lease().orElseThrow(), "w-" + r.sequence(), at(1)))
                            .toList()));
            for (DeliveryState state : List.of(DeliveryState.DELIVERED, DeliveryState.READ, DeliveryState.SENT)) {
                sources.add(() -> recipients()
                        .apply(sending.stream()
                                .map(r -> (RecipientUpdate)
                                        new RecipientUpdate.StatusReached(r.key(), state, Optional.empty(), at(2)))
                                .toList()));
            }
            runConcurrently(sources);
            for (Recipient recipient : sending) {
                Recipient merged = stored(recipient.key());
                assertThat(merged.state()).isEqualTo(DeliveryState.READ);
                assertThat(merged.providerMessageId()).contains("w-" + recipient.sequence());
                assertThat(merged.lease()).isEmpty();
                assertThat(merged.sentAt()).isPresent();
                assertThat(merged.deliveredAt()).isPresent();
            }
            assertThat(recipients().findByProviderMessageId("w-0"))
                    .map(Recipient::phone)
                    .contains(sending.get(0).phone());
            assertThat(recipients().counts(campaign.id()).read()).isEqualTo(audience);
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1L, 7L, 42L, 2026L, 31337L})
        void randomClaimSchedulesMatchTheLeaseModel(long seed) {
            Campaign campaign = storeActiveWithRecipients("c-1", 20);
            new ClaimSchedule(recipients(), campaign.id(), at(0), 3, seed).run(phonesOf(0, 20), 300);
        }
    }
}
