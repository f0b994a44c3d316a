package io.campaignkit.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.SilentBot;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import io.campaignkit.testkit.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several engines on one PostgreSQL (issue 20): 1, 2 and 4 engines, each a thread of this JVM with a
 * connection pool of its own, dispatch one campaign of {@code recipients} to instant channels, sharing
 * one manual clock (each engine moves it at least a second after each of its runs, as the one-engine
 * benchmark does). Prints the total rate of each configuration, alternating them round by round.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.MultiEngineHarness 100000 2 1,2,4 process
 * }</pre>
 * Arguments: recipients (100,000), rounds (2), engine counts (1,2,4), pacing ({@code process}: each
 * engine paces in process; {@code database}: {@code JdbcPacingStore}, shared).
 */
public final class MultiEngineHarness {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(1);

    private MultiEngineHarness() {}

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String[] counts = (args.length > 2 ? args[2] : "1,2,4").split(",");
        boolean sharedPacing = args.length > 3 && args[3].equals("database");
        try (StoreDatabases databases = StoreDatabases.start(StoreDatabases.Kind.POSTGRESQL)) {
            for (int round = 1; round <= rounds; round++) {
                for (String count : counts) {
                    int engines = Integer.parseInt(count.trim());
                    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    double rate = run(databases, engines, recipients, sharedPacing);
                    System.out.printf(
                            "round %d: %d engine(s), %,d recipients: %,.0f recipients/s in total (load average %.1f)%n",
                            round, engines, recipients, rate, load);
                }
            }
        }
    }

    private static double run(StoreDatabases databases, int engineCount, int recipients, boolean sharedPacing)
            throws Exception {
        databases.freshStore(); // empties the schema
        ManualClock clock = ManualClock.startingAt(START);
        List<HikariDataSource> pools = new ArrayList<>();
        List<CampaignEngine> engines = new ArrayList<>();
        List<InstantChannel> channels = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(engineCount);
        try {
            for (int i = 0; i < engineCount; i++) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(databases.jdbcUrl());
                config.setUsername("postgres");
                config.setMaximumPoolSize(4);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                JdbcCampaignStore store =
                        JdbcCampaignStore.builder().dataSource(pool).build();
                InstantChannel channel = new InstantChannel(clock);
                channels.add(channel);
                engines.add(CampaignEngine.builder()
                        .botFlows(SilentBot.REGISTRY)
                        .store(store)
                        .channel(channel)
                        .clock(clock)
                        .ownerId("engine-" + i)
                        .pacingStore(sharedPacing ? JdbcPacingStore.on(store) : PacingStore.inProcess())
                        .maxInFlight(10_000)
                        .batchSize(500)
                        .senderBurst(Pace.MAX_PER_SECOND)
                        .build());
            }
            BenchmarkCampaign.launch(engines.get(0), recipients);
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (CampaignEngine engine : engines) {
                running.add(threads.submit(() -> runToTheEnd(engine, clock)));
            }
            for (Future<?> engine : running) {
                engine.get();
            }
            // an engine stops when nothing is due for it; the others may still be sending: wait for the last
            BenchmarkCampaign.runToTheEnd(engines.get(0), clock);
            double seconds = (System.nanoTime() - start) / 1e9;
            long sent = channels.stream().mapToLong(InstantChannel::sent).sum();
            long counted = engines.get(0).metrics(BenchmarkCampaign.ID).sent();
            if (sent != recipients || counted != recipients) {
                throw new IllegalStateException("sent " + sent + " (counted " + counted + ") of " + recipients);
            }
            return recipients / seconds;
        } finally {
            threads.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
    }

    private static void runToTheEnd(CampaignEngine engine, ManualClock clock) {
        while (true) {
            Optional<Instant> next = engine.runDue();
            // nothing due for minutes but the leases of the other engines' batches: in real time those batches
            // end within milliseconds; moving the shared clock to their expiry would recover them mid-send (as
            // UNKNOWN, at-most-once). The last pass after every engine stopped finishes what is left.
            if (next.isEmpty() || next.get().isAfter(clock.instant().plus(IDLE))) {
                return;
            }
            Instant oneSecondLater = clock.instant().plusSeconds(1);
            clock.advanceTo(next.get().isAfter(oneSecondLater) ? next.get() : oneSecondLater);
        }
    }
}
