package io.campaignkit.benchmarks.engine;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.SilentBot;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
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
 * The engine's own cost (issue 4): a campaign of {@code recipients} dispatched through the
 * in-memory store and an instant channel on one thread (target: at least 100,000 recipients per
 * second, heap under 1 GB: the fork runs with {@code -Xmx1g}). {@link StatusEventsBenchmark}
 * measures applying their status events.
 *
 * <p>Time is simulated: the clock jumps one second after each run of the engine, so the pace
 * (1,000 per second with a burst of 1,000, the highest a campaign may have; the sender's burst
 * 1,000 too) lets about 1,000 recipients go per run. Each measured invocation is one whole campaign; the score is seconds per
 * campaign, so recipients per second = {@code recipients / score}. The counts are checked after
 * every invocation: a run that did not send to everyone fails.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EngineDispatch}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Thread)
public class EngineDispatchBenchmark {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Param({"1000000"})
    int recipients;

    /**
     * The sender's burst. With 0 a sender never sends two messages at one instant, so every run of
     * the engine sends one message and the score is the cost of a whole run per message.
     */
    @Param({"1000"})
    int senderBurst;

    ManualClock clock;
    InMemoryCampaignStore store;
    InstantChannel channel;
    CampaignEngine engine;

    /** A fresh store with the campaign launched: every recipient PENDING. */
    @Setup(Level.Invocation)
    public void launch() {
        clock = ManualClock.startingAt(START);
        store = new InMemoryCampaignStore();
        channel = new InstantChannel(clock);
        engine = CampaignEngine.builder()
                .botFlows(SilentBot.REGISTRY)
                .store(store)
                .channel(channel)
                .clock(clock)
                .ownerId("benchmark")
                .maxInFlight(10_000)
                .batchSize(1000)
                .senderBurst(senderBurst)
                .build();
        BenchmarkCampaign.launch(engine, recipients);
    }

    /** Sends to every recipient; the score is the time of the whole campaign. */
    @Benchmark
    public long dispatchAll() {
        runToTheEnd();
        return channel.sent();
    }

    void runToTheEnd() {
        BenchmarkCampaign.runToTheEnd(engine, clock);
    }

    @TearDown(Level.Invocation)
    public void check() {
        BenchmarkCampaign.checkEveryoneSent(engine, channel, recipients);
    }
}
