package io.campaignkit.benchmarks.engine;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.ZonedCampaign;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
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
 * Dispatch with local hours on (issue 17, item 3): {@link EngineDispatchBenchmark}'s campaign of
 * {@code recipients} on the in-memory store and an instant channel, as {@link ZonedCampaign} makes it
 * for {@code zones}. The target: {@code 20} within 20% of {@code 1}. {@code
 * io.campaignkit.benchmarks.store.LocalHoursStoreHarness} runs the same campaign on the JDBC store.
 *
 * <p>Time is simulated as in {@link EngineDispatchBenchmark}: the clock jumps a second after each run
 * of the engine, or to the next wake-up (a zone's window opening), so twenty zones take a simulated day
 * and one zone a quarter of an hour; the score is the wall time of the whole campaign, so recipients
 * per second = {@code recipients / score}. Every invocation is checked to have sent to everyone.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LocalHoursDispatch}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Thread)
public class LocalHoursDispatchBenchmark {

    @Param({"1000000"})
    int recipients;

    /**
     * {@code off}: hours in their zone; {@code 1} or {@code 20}: local hours over that many zones; {@code
     * 20-by-zone}: twenty zones, the audience sorted by zone ({@link ZonedCampaign}).
     */
    @Param({"off", "1", "20"})
    String zones;

    ManualClock clock;
    InMemoryCampaignStore store;
    InstantChannel channel;
    CampaignEngine engine;

    @Setup(Level.Invocation)
    public void launch() {
        // the last invocation's store (a million recipients) is garbage from here: collected before this launch,
        // else the collector marks concurrently through the launch and learns to start marking cycles earlier,
        // in the timed run too, in some invocations and not others
        engine = null;
        store = null;
        System.gc();
        clock = ManualClock.startingAt(ZonedCampaign.START);
        store = new InMemoryCampaignStore();
        channel = new InstantChannel(clock);
        engine = ZonedCampaign.engine(io.campaignkit.core.port.CampaignStorage.of(store), clock, channel);
        engine.create(BenchmarkCampaign.ID, "tenant", "project", CampaignKind.LIVE, ZonedCampaign.configuration(zones));
        engine.launch(
                BenchmarkCampaign.ID, LaunchRequest.importedContacts(() -> ZonedCampaign.contacts(recipients, zones)));
        // the launch leaves gigabytes of garbage (a million numbers parsed): collected here, not in the timed run
        System.gc();
    }

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
