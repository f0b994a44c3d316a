package io.campaignkit.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.PostgresDatabase;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two engine instances, each with its own connection pool (as two application instances would
 * have), share one PostgreSQL database and one campaign of 100,000 recipients. They run at the same
 * time, round after round of a manual clock: every recipient is sent exactly once, and both did part
 * of the work.
 */
class TwoEnginesOneDatabaseTest {

    private static final int AUDIENCE = 100_000;
    private static final int MAX_ROUNDS = 1_000;

    @Test
    void twoEnginesSendEveryRecipientExactlyOnceAndShareTheWork() throws Exception {
        PostgresDatabase.freshStore();
        ManualClock clock = ManualClock.startingAt(Engines.START);
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try (HikariDataSource poolA = PostgresDatabase.newPool(4, "node-a");
                HikariDataSource poolB = PostgresDatabase.newPool(4, "node-b")) {
            JdbcCampaignStore storeA =
                    JdbcCampaignStore.builder().dataSource(poolA).build();
            JdbcCampaignStore storeB =
                    JdbcCampaignStore.builder().dataSource(poolB).build();
            InstantChannel channelA = new InstantChannel(
                    clock,
                    phone -> sends.computeIfAbsent(phone, p -> new AtomicInteger())
                            .incrementAndGet());
            InstantChannel channelB = new InstantChannel(
                    clock,
                    phone -> sends.computeIfAbsent(phone, p -> new AtomicInteger())
                            .incrementAndGet());
            CampaignEngine engineA = Engines.engine(storeA, channelA, clock, "node-a");
            CampaignEngine engineB = Engines.engine(storeB, channelB, clock, "node-b");
            CampaignId campaign = Engines.launch(engineA, "big", AUDIENCE, 1000);

            int rounds = 0;
            while (!settled(storeA.counts(campaign)) && rounds++ < MAX_ROUNDS) {
                List<Future<?>> round = List.of(nodes.submit(engineA::runDue), nodes.submit(engineB::runDue));
                for (Future<?> node : round) {
                    node.get(2, TimeUnit.MINUTES);
                }
                clock.advance(Duration.ofSeconds(1));
            }

            RecipientCounts counts = storeB.counts(campaign);
            assertThat(counts.count(DeliveryState.SENT)).isEqualTo(AUDIENCE);
            assertThat(sends).hasSize(AUDIENCE);
            assertThat(sends.values())
                    .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(channelA.sent() + channelB.sent()).isEqualTo(AUDIENCE);
            assertThat(channelA.sent()).as("node a's share").isPositive();
            assertThat(channelB.sent()).as("node b's share").isPositive();
            System.out.printf(
                    "two engines: %d rounds, node a sent %d, node b sent %d%n",
                    rounds, channelA.sent(), channelB.sent());
        } finally {
            nodes.shutdownNow();
        }
    }

    private static boolean settled(RecipientCounts counts) {
        return counts.total() > 0
                && counts.count(DeliveryState.PENDING) == 0
                && counts.count(DeliveryState.SENDING) == 0;
    }
}
