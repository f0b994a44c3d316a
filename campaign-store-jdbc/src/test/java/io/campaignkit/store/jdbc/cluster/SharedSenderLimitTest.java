package io.campaignkit.store.jdbc.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.PostgresDatabase;
import io.campaignkit.store.jdbc.SharedSenderLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender's limit holds across nodes: two nodes (each with its own pool) and two threads per node
 * ask for permits of one sender at every step of a shared manual timeline. Together they never get
 * more than rate + burst in any second, and over the run they get exactly what the bucket refilled:
 * none is lost, none is granted twice.
 */
class SharedSenderLimitTest {

    private static final SenderKey SENDER = new SenderKey("whatsapp-cloud", "shared-number");
    private static final RateLimit LIMIT = RateLimit.perSecond(100).withBurst(10);
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration STEP = Duration.ofMillis(10);
    private static final int STEPS = 500; // 5 seconds
    private static final int THREADS_PER_NODE = 2;

    @Test
    void nodesTogetherStayWithinTheLimitAndLoseNoPermit() throws Exception {
        PostgresDatabase.freshStore();
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        try (HikariDataSource poolA = PostgresDatabase.newPool(THREADS_PER_NODE, "limit-a");
             HikariDataSource poolB = PostgresDatabase.newPool(THREADS_PER_NODE, "limit-b")) {
            List<SharedSenderLimiter> nodes = List.of(
                    SharedSenderLimiter.on(JdbcCampaignStore.builder().dataSource(poolA).build()),
                    SharedSenderLimiter.on(JdbcCampaignStore.builder().dataSource(poolB).build()));
            int[][] grants = new int[2 * THREADS_PER_NODE][STEPS];
            CyclicBarrier everyStep = new CyclicBarrier(2 * THREADS_PER_NODE);
            List<Callable<Void>> askers = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
                int thread = t;
                SharedSenderLimiter node = nodes.get(thread % 2);
                askers.add(() -> {
                    for (int step = 0; step < STEPS; step++) {
                        everyStep.await(1, TimeUnit.MINUTES);
                        grants[thread][step] = node.tryAcquire(SENDER, LIMIT, 50, T0.plus(STEP.multipliedBy(step)));
                    }
                    return null;
                });
            }
            for (Future<Void> asker : threads.invokeAll(askers, 3, TimeUnit.MINUTES)) {
                asker.get();
            }

            int[] perStep = new int[STEPS];
            int total = 0;
            for (int[] thread : grants) {
                for (int step = 0; step < STEPS; step++) {
                    perStep[step] += thread[step];
                    total += thread[step];
                }
            }
            int stepsPerSecond = (int) (Duration.ofSeconds(1).toNanos() / STEP.toNanos());
            long maxPerSecond = LIMIT.maxPermitsIn(Duration.ofSeconds(1));
            for (int start = 0; start + stepsPerSecond <= STEPS; start++) {
                int inWindow = 0;
                for (int step = start; step < start + stepsPerSecond; step++) {
                    inWindow += perStep[step];
                }
                assertThat(inWindow).as("permits in the second from step " + start).isLessThanOrEqualTo((int) maxPerSecond);
            }
            // a full bucket (burst + 1), then one permit per 10 ms up to the last ask at 4.99 s
            assertThat(total).isEqualTo(LIMIT.burst() + 1 + (STEPS - 1));
            assertThat(grantsOf(grants, 0) + grantsOf(grants, 2)).as("node a's share").isPositive();
            assertThat(grantsOf(grants, 1) + grantsOf(grants, 3)).as("node b's share").isPositive();
        } finally {
            threads.shutdownNow();
        }
    }

    private static int grantsOf(int[][] grants, int thread) {
        int sum = 0;
        for (int granted : grants[thread]) {
            sum += granted;
        }
        return sum;
    }
}
