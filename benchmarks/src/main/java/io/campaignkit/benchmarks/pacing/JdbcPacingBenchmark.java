package io.campaignkit.benchmarks.pacing;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls per second of {@link JdbcPacingStore} (issue 8: the sender's limit shared through the database).
 * Every thread paces a campaign of its own on one shared sender, so the threads contend for the sender's
 * row as engines on several nodes do; threads alternate between two nodes (connection pools). The
 * limits never run dry (1,000/s with the largest burst, the timeline moving a microsecond per call), so
 * every {@code tryAcquire} takes a permit and writes both rows: the worst case. {@code availablePermits}
 * and {@code nextPermitAt} are reads.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JdbcPacing -t 1} (and {@code -t 4}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 3) // H2 needs about 10 s of warm-up before its figures settle
@Measurement(iterations = 5, time = 3)
public class JdbcPacingBenchmark {

    private static final RateLimit ROOMY = RateLimit.perSecond(1000).withBurst(RateLimit.MAX_BURST);
    private static final SenderKey SENDER = new SenderKey("benchmark", "shared-sender");
    private static final Instant START = Instant.parse("2026-06-01T15:00:00Z");

    /** The database and its two nodes, for all threads. */
    @State(Scope.Benchmark)
    public static class Cluster {

        @Param({"POSTGRESQL", "H2"})
        PacingDatabases.Kind database;

        PacingDatabases databases;
        JdbcPacingStore[] nodes;
        final AtomicInteger threads = new AtomicInteger();
        /** One timeline for every thread, as one clock: a microsecond per call. */
        final AtomicLong micros = new AtomicLong();

        @Setup(Level.Trial)
        public void start() throws Exception {
            databases = PacingDatabases.start(database);
            nodes = new JdbcPacingStore[] {databases.node(8), databases.node(8)};
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            databases.close();
        }

        Instant next() {
            return START.plusNanos(micros.incrementAndGet() * 1_000);
        }
    }

    /** One thread's campaign and node. */
    @State(Scope.Thread)
    public static class Caller {

        JdbcPacingStore node;
        SendLimits limits;

        @Setup(Level.Trial)
        public void join(Cluster cluster) {
            int thread = cluster.threads.getAndIncrement();
            node = cluster.nodes[thread % 2];
            limits = new SendLimits(
                    CampaignId.of("benchmark-" + thread + "-" + System.nanoTime()), ROOMY, SENDER, ROOMY);
        }
    }

    @Benchmark
    public int tryAcquire(Cluster cluster, Caller caller) {
        return caller.node.tryAcquire(caller.limits, 1, cluster.next());
    }

    @Benchmark
    public int availablePermits(Cluster cluster, Caller caller) {
        return caller.node.availablePermits(caller.limits, cluster.next());
    }
}
