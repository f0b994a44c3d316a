package io.campaignkit.benchmarks.engine;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.SilentBot;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * By hand: the {@link EngineDispatchBenchmark} path (one campaign through the in-memory store and an
 * instant channel, on one thread), measured besides wall time by what a busy machine does not
 * distort: the process's CPU time per recipient (garbage collection included) and the bytes this
 * thread allocated per recipient. The launch is not measured. Uses only the engine's public API, so
 * the same class runs against an older build of the modules (put it first on that build's class
 * path) for an old-against-new comparison in one script.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.engine.EngineDispatchHarness 1000000 0 5
 * }</pre>
 * Arguments: recipients (1,000,000), the sender burst (0, the engine's default: one message per run
 * of the engine), rounds (5; the first warms the JIT up).
 */
public final class EngineDispatchHarness {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private EngineDispatchHarness() {}

    public static void main(String[] args) {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int senderBurst = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < rounds; round++) {
            ManualClock clock = ManualClock.startingAt(START);
            InMemoryCampaignStore store = new InMemoryCampaignStore();
            InstantChannel channel = new InstantChannel(clock);
            CampaignEngine engine = CampaignEngine.builder()
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
            System.gc();
            double load = os.getSystemLoadAverage();
            long wall0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            long threadCpu0 = threads.getCurrentThreadCpuTime();
            long bytes0 = threads.getThreadAllocatedBytes(thread);
            BenchmarkCampaign.runToTheEnd(engine, clock);
            long bytes = threads.getThreadAllocatedBytes(thread) - bytes0;
            long threadCpu = threads.getCurrentThreadCpuTime() - threadCpu0;
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            BenchmarkCampaign.checkEveryoneSent(engine, channel, recipients);
            System.out.printf(
                    "round %d (load average %.1f, sender burst %d): %,.0f recipients/s wall; CPU per recipient"
                            + " %.2f µs process, %.2f µs this thread (%,.0f/s of thread CPU); %,.0f bytes allocated per recipient%n",
                    round,
                    load,
                    senderBurst,
                    recipients * 1e9 / wall,
                    cpu / 1e3 / recipients,
                    threadCpu / 1e3 / recipients,
                    recipients * 1e9 / threadCpu,
                    (double) bytes / recipients);
        }
    }
}
