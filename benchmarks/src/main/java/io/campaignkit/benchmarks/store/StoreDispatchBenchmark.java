package io.campaignkit.benchmarks.store;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.SilentBot;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
 * Recipients claimed, sent to an instant channel and recorded per second by one engine on the JDBC
 * store (issue 8; target on PostgreSQL: at least 5,000 per second on 2 cores). Each measured
 * invocation dispatches a whole launched campaign of {@code recipients}; the launch (inserting the
 * recipients) is set-up, not measured. The score is milliseconds per campaign, so recipients per
 * second = {@code recipients × 1000 / score}. Counts are checked after every invocation.
 *
 * <p>Time is simulated as in {@code EngineDispatchBenchmark}: pace and sender burst 1,000, the clock
 * jumps a second after each run of the engine, so about 1,000 recipients go per run, in claims of
 * {@code batchSize}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StoreDispatch}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class StoreDispatchBenchmark {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Param({"POSTGRESQL", "H2"})
    StoreDatabases.Kind database;

    @Param({"100000"})
    int recipients;

    @Param({"500"})
    int batchSize;

    /**
     * Where the pace and the sender's limit are kept: {@code false} in this process, {@code true} in
     * the database ({@code JdbcPacingStore}, as engines sharing a database use it).
     */
    @Param({"false", "true"})
    boolean sharedPacing;

    StoreDatabases databases;
    ManualClock clock;
    InstantChannel channel;
    CampaignEngine engine;

    @Setup(Level.Trial)
    public void startDatabase() throws Exception {
        databases = StoreDatabases.start(database);
    }

    @TearDown(Level.Trial)
    public void stopDatabase() throws Exception {
        databases.close();
    }

    /** An empty store with the campaign launched: every recipient PENDING. */
    @Setup(Level.Invocation)
    public void launch() throws Exception {
        JdbcCampaignStore store = databases.freshStore();
        clock = ManualClock.startingAt(START);
        channel = new InstantChannel(clock);
        engine = engine(store, channel, clock, batchSize, sharedPacing);
        BenchmarkCampaign.launch(engine, recipients);
    }

    static CampaignEngine engine(
            JdbcCampaignStore store, InstantChannel channel, ManualClock clock, int batchSize, boolean sharedPacing) {
        return CampaignEngine.builder()
                .botFlows(SilentBot.REGISTRY)
                .store(store)
                .channel(channel)
                .clock(clock)
                .ownerId("benchmark")
                .pacingStore(sharedPacing ? JdbcPacingStore.on(store) : PacingStore.inProcess())
                .maxInFlight(10_000)
                .batchSize(batchSize)
                .senderBurst(Pace.MAX_PER_SECOND)
                .build();
    }

    /** Sends to every recipient; the score is the time of the whole campaign. */
    @Benchmark
    public long dispatchAll() {
        BenchmarkCampaign.runToTheEnd(engine, clock);
        return channel.sent();
    }

    @TearDown(Level.Invocation)
    public void check() {
        BenchmarkCampaign.checkEveryoneSent(engine, channel, recipients);
    }
}
