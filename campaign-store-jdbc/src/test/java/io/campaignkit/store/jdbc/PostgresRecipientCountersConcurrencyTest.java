package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (each its own pool, two workers each) claim, send and report on one campaign at once on
 * PostgreSQL: outcomes of every kind for their own claims, status reports for the other node's sends,
 * a skip of pending recipients; every transaction adjusts the same few counter rows. Nothing
 * deadlocks, and at the end the counters equal a {@code GROUP BY} over the recipients.
 */
class PostgresRecipientCountersConcurrencyTest {

    private static final int AUDIENCE = 4_000;
    private static final int BATCH = 40;
    private static final Instant NOW = RecipientCountChecks.START.plusSeconds(60);

    @Test
    void countersEqualAGroupByAfterTwoNodesWorkOneCampaignAtOnce() throws Exception {
        PostgresDatabase.freshStore();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (HikariDataSource poolA = PostgresDatabase.newPool(4, "counters-a");
                HikariDataSource poolB = PostgresDatabase.newPool(4, "counters-b")) {
            JdbcCampaignStore nodeA =
                    JdbcCampaignStore.builder().dataSource(poolA).build();
            JdbcCampaignStore nodeB =
                    JdbcCampaignStore.builder().dataSource(poolB).build();
            Campaign campaign = RecipientCountChecks.readyCampaign("contended", "acme");
            nodeA.insert(campaign);
            for (int from = 0; from < AUDIENCE; from += 1_000) {
                List<NewRecipient> batch = new ArrayList<>();
                for (int i = from; i < from + 1_000; i++) {
                    batch.add(NewRecipient.pending(RecipientCountChecks.contact(i), NOW));
                }
                nodeA.insertRecipients(campaign.id(), batch, NOW);
            }

            Queue<RecipientKey> sentByA = new ConcurrentLinkedQueue<>();
            Queue<RecipientKey> sentByB = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> runs = List.of(
                    worker(workers, start, nodeA, campaign.id(), "a1", sentByA, sentByB, true),
                    worker(workers, start, nodeA, campaign.id(), "a2", sentByA, sentByB, false),
                    worker(workers, start, nodeB, campaign.id(), "b1", sentByB, sentByA, false),
                    worker(workers, start, nodeB, campaign.id(), "b2", sentByB, sentByA, false));
            start.countDown();
            int claimedByA = runs.get(0).get(3, TimeUnit.MINUTES) + runs.get(1).get(3, TimeUnit.MINUTES);
            int claimedByB = runs.get(2).get(3, TimeUnit.MINUTES) + runs.get(3).get(3, TimeUnit.MINUTES);

            RecipientCounts counts = nodeB.counts(campaign.id());
            assertThat(counts).isEqualTo(RecipientCountChecks.groupBy(poolA, campaign.id()));
            assertThat(counts.total()).isEqualTo(AUDIENCE);
            assertThat(claimedByA).as("node a's claims").isPositive();
            assertThat(claimedByB).as("node b's claims").isPositive();
            assertThat(counts.count(DeliveryState.SENDING)).isZero();
            assertThat(counts.delivered()).isPositive();
            assertThat(counts.failedByCode()).containsKeys("E1", "E2");
            assertThat(counts.skippedByReason()).containsKey("PAUSED");
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Claims batches until none is left, answers each claim with a mix of outcomes, and reports on
     * what the other node sent; returns how many recipients it claimed.
     */
    private static CompletableFuture<Integer> worker(
            ExecutorService workers,
            CountDownLatch start,
            JdbcCampaignStore store,
            CampaignId campaign,
            String name,
            Queue<RecipientKey> ownSends,
            Queue<RecipientKey> othersSends,
            boolean skipsSome) {
        return CompletableFuture.supplyAsync(
                () -> {
                    awaitQuietly(start);
                    Lease lease = new Lease(name, NOW.plusSeconds(30));
                    int claimedTotal = 0;
                    for (int round = 0; ; round++) {
                        if (skipsSome && round == 3) {
                            store.skipPending(
                                    campaign, StatusReason.of("PAUSED", "skipped while others claim", false), 100, NOW);
                        }
                        List<Recipient> claimed = store.claimForSending(campaign, lease, BATCH, NOW);
                        reportOn(store, othersSends);
                        if (claimed.isEmpty()) {
                            return claimedTotal;
                        }
                        claimedTotal += claimed.size();
                        store.apply(outcomes(claimed, lease, ownSends));
                    }
                },
                workers);
    }

    private static List<RecipientUpdate> outcomes(List<Recipient> claimed, Lease lease, Queue<RecipientKey> ownSends) {
        List<RecipientUpdate> outcomes = new ArrayList<>();
        for (Recipient r : claimed) {
            long pick = r.sequence() % 10;
            if (pick == 7 && r.attempts() == 1) {
                outcomes.add(
                        new RecipientUpdate.RetryLater(r.key(), lease, NOW, StatusReason.of("E3", "busy", false), NOW));
            } else if (pick == 8) {
                outcomes.add(new RecipientUpdate.Failed(
                        r.key(), lease, StatusReason.of(r.sequence() % 20 == 8 ? "E1" : "E2", "failed", true), NOW));
            } else {
                outcomes.add(new RecipientUpdate.Accepted(r.key(), lease, "wamid.contended." + r.sequence(), NOW));
                ownSends.add(r.key());
            }
        }
        return outcomes;
    }

    /** Status reports for up to a batch of the other node's sends, as the webhooks would bring them. */
    private static void reportOn(JdbcCampaignStore store, Queue<RecipientKey> sends) {
        List<RecipientUpdate> reports = new ArrayList<>();
        for (RecipientKey key; reports.size() < BATCH && (key = sends.poll()) != null; ) {
            int pick = Math.floorMod(key.phone().e164().hashCode(), 4);
            reports.add(
                    pick == 3
                            ? new RecipientUpdate.StatusReached(
                                    key,
                                    DeliveryState.FAILED,
                                    Optional.of(StatusReason.of("E1", "undeliverable", true)),
                                    NOW)
                            : new RecipientUpdate.StatusReached(
                                    key,
                                    pick == 0 ? DeliveryState.DELIVERED : DeliveryState.READ,
                                    Optional.empty(),
                                    NOW));
        }
        if (!reports.isEmpty()) {
            store.apply(reports);
        }
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            if (!start.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the workers were never started");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
