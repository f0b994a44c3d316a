package io.campaignkit.benchmarks.engine;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Status events applied by the engine (issue 4, target: at least 200,000 per second): a campaign of
 * {@code recipients} is dispatched in setup through the in-memory store and an instant channel, then
 * the measured invocation applies one DELIVERED event per message, 1,000 per call as webhook batches
 * bring them, and checks that every recipient is delivered. The score is the time for all of them,
 * so events per second = {@code recipients / score}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StatusEvents}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Thread)
public class StatusEventsBenchmark {

    @Param({"1000000"})
    int recipients;

    private EngineDispatchBenchmark campaign;
    private List<List<ChannelEvent>> batches;

    @Setup(Level.Invocation)
    public void dispatch() {
        campaign = new EngineDispatchBenchmark();
        campaign.recipients = recipients;
        campaign.senderBurst = 1000;
        campaign.launch();
        campaign.runToTheEnd();
        campaign.check();
        batches = new ArrayList<>();
        List<ChannelEvent> batch = new ArrayList<>();
        Instant at = campaign.clock.instant();
        for (long i = 1; i <= recipients; i++) {
            batch.add(StatusUpdate.of(
                    InstantChannel.providerMessageId(i), Optional.empty(), DeliveryStatus.DELIVERED, at));
            if (batch.size() == 1000) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
    }

    @Benchmark
    public long applyDeliveredStatuses() {
        for (List<ChannelEvent> batch : batches) {
            campaign.engine.applyEvents(InstantChannel.ID, batch);
        }
        long delivered = campaign.engine.metrics(BenchmarkCampaign.ID).delivered();
        if (delivered != recipients) {
            throw new IllegalStateException("delivered " + delivered + " of " + recipients);
        }
        return delivered;
    }
}
