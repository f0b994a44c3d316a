package io.campaignkit.benchmarks.store;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.GeneratedContacts;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.SilentBot;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.Optional;

/**
 * By hand: one campaign of {@code recipients} launched and dispatched by one engine on the JDBC store,
 * printing the launch and dispatch rates and the heap in use after a full GC every 100 engine runs
 * (a flat heap means nothing grows with the audience). For the 1,000,000-recipient check, run with a
 * small heap:
 *
 * <pre>{@code
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.StoreDispatchHarness POSTGRESQL 1000000
 * }</pre>
 */
public final class StoreDispatchHarness {

    private StoreDispatchHarness() {}

    private static void printTimings(java.util.Map<String, long[]> timings) {
        timings.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(entry -> System.out.printf(
                        "    %-28s %,8d calls %,10.1f ms %,8.2f ms/call%n",
                        entry.getKey(),
                        entry.getValue()[0],
                        entry.getValue()[1] / 1e6,
                        entry.getValue()[1] / 1e6 / entry.getValue()[0]));
        timings.clear();
    }

    public static void main(String[] args) throws Exception {
        StoreDatabases.Kind kind = StoreDatabases.Kind.valueOf(args.length > 0 ? args[0] : "POSTGRESQL");
        int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (StoreDatabases databases = StoreDatabases.start(kind)) {
            JdbcCampaignStore store = databases.freshStore();
            ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-05T09:00:00Z"));
            InstantChannel channel = new InstantChannel(clock);
            java.util.Map<String, long[]> timings = new java.util.concurrent.ConcurrentHashMap<>();
            Object timed = java.lang.reflect.Proxy.newProxyInstance(
                    StoreDispatchHarness.class.getClassLoader(),
                    new Class<?>[] {
                        CampaignStore.class,
                        RecipientStore.class,
                        ConversationStore.class,
                        InboundQueue.class,
                        EngagementStore.class,
                        SuppressionList.class,
                        TrackingStore.class
                    },
                    (proxy, method, margs) -> {
                        long t0 = System.nanoTime();
                        try {
                            return method.invoke(store, margs);
                        } catch (java.lang.reflect.InvocationTargetException failure) {
                            throw failure.getCause();
                        } finally {
                            long[] slot = timings.computeIfAbsent(method.getName(), k -> new long[2]);
                            synchronized (slot) {
                                slot[0]++;
                                slot[1] += System.nanoTime() - t0;
                            }
                        }
                    });
            CampaignEngine engine = CampaignEngine.builder()
                    .botFlows(SilentBot.REGISTRY)
                    .storage(new CampaignStorage(
                            (CampaignStore) timed,
                            (RecipientStore) timed,
                            (ConversationStore) timed,
                            (InboundQueue) timed,
                            (EngagementStore) timed,
                            (SuppressionList) timed,
                            (TrackingStore) timed,
                            io.campaignkit.core.dispatch.pacing.PacingStore.inProcess()))
                    .channel(channel)
                    .clock(clock)
                    .ownerId("benchmark")
                    .maxInFlight(10_000)
                    .batchSize(batchSize)
                    .senderBurst(io.campaignkit.core.campaign.Pace.MAX_PER_SECOND)
                    .build();
            engine.create(
                    BenchmarkCampaign.ID, "tenant", "project", CampaignKind.LIVE, BenchmarkCampaign.configuration());
            long launchStart = System.nanoTime();
            engine.launch(
                    BenchmarkCampaign.ID, LaunchRequest.importedContacts(() -> GeneratedContacts.contacts(recipients)));
            double launchSeconds = (System.nanoTime() - launchStart) / 1e9;
            printTimings(timings);
            System.out.printf(
                    "%s: launched %,d recipients in %.1f s (%,.0f/s)%n",
                    kind, recipients, launchSeconds, recipients / launchSeconds);
            long start = System.nanoTime();
            long maxHeap = 0;
            for (int run = 0; ; run++) {
                Optional<Instant> next = engine.runDue();
                if (next.isEmpty()) {
                    break;
                }
                Instant oneSecondLater = clock.instant().plusSeconds(1);
                clock.advanceTo(next.get().isAfter(oneSecondLater) ? next.get() : oneSecondLater);
                if (run % 100 == 0) {
                    System.gc();
                    long used = memory.getHeapMemoryUsage().getUsed();
                    maxHeap = Math.max(maxHeap, used);
                    System.out.printf("  run %d: sent %,d, heap after GC %,d KB%n", run, channel.sent(), used / 1024);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CampaignMetrics metrics = engine.metrics(BenchmarkCampaign.ID);
            System.out.printf(
                    "%s: dispatched %,d (metrics sent %,d) in %.1f s: %,.0f recipients/s; max heap after GC %,d KB%n",
                    kind, channel.sent(), metrics.sent(), seconds, channel.sent() / seconds, maxHeap / 1024);
            printTimings(timings);
        }
    }
}
