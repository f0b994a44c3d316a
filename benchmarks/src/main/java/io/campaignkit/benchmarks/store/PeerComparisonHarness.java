package io.campaignkit.benchmarks.store;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * CampaignKit beside the scheduler a Java team would otherwise embed (issue 20): db-scheduler 16.7.1
 * executing one one-time task per message (10 threads, lock-and-fetch polling), and one CampaignKit
 * engine dispatching a campaign to an instant channel (the {@link StoreDispatchBenchmark} path), both
 * on the same embedded PostgreSQL, alternating round by round. Each side's set-up (launching the
 * campaign, scheduling the tasks) is not timed; the rate is recipients (tasks) done per second of
 * dispatching (executing). Prints both rates, their ratio and the load average of each round.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.PeerComparisonHarness 100000 3
 * }</pre>
 * Arguments: recipients per round (100,000), rounds (3), the database ({@code POSTGRESQL}; {@code H2}
 * runs CampaignKit alone).
 */
public final class PeerComparisonHarness {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    /** db-scheduler's PostgreSQL table, as its documentation gives it (version 15 and later: with priority). */
    private static final String PEER_TABLE = "CREATE TABLE IF NOT EXISTS scheduled_tasks (task_name TEXT NOT NULL,"
            + " task_instance TEXT NOT NULL, task_data BYTEA, execution_time TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " picked BOOLEAN NOT NULL, picked_by TEXT, last_success TIMESTAMP WITH TIME ZONE,"
            + " last_failure TIMESTAMP WITH TIME ZONE, consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE,"
            + " version BIGINT NOT NULL, priority SMALLINT, PRIMARY KEY (task_name, task_instance))";

    private PeerComparisonHarness() {}

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        StoreDatabases.Kind kind = StoreDatabases.Kind.valueOf(args.length > 2 ? args[2] : "POSTGRESQL");
        boolean withPeer = kind == StoreDatabases.Kind.POSTGRESQL;
        List<double[]> results = new ArrayList<>();
        try (StoreDatabases databases = StoreDatabases.start(kind)) {
            if (withPeer) {
                createPeerTable(databases.dataSource());
            }
            for (int round = 1; round <= rounds; round++) {
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                double ours = campaignKit(databases, recipients);
                double peer = withPeer ? dbScheduler(databases.dataSource(), recipients) : Double.NaN;
                results.add(new double[] {ours, peer, load});
                System.out.printf(
                        "round %d (load average %.1f): CampaignKit %,.0f recipients/s, db-scheduler %,.0f tasks/s,"
                                + " ratio %.2f%n",
                        round, load, ours, peer, ours / peer);
            }
        }
        System.out.printf(
                "%nrecipients per round %,d on %s, %d rounds (CampaignKit first in each)%n", recipients, kind, rounds);
        for (int i = 0; i < results.size(); i++) {
            double[] r = results.get(i);
            System.out.printf(
                    "  round %d  load %5.1f  CampaignKit %,9.0f/s  db-scheduler %,9.0f/s  ratio %.2f%n",
                    i + 1, r[2], r[0], r[1], r[0] / r[1]);
        }
    }

    /** One engine, one campaign of {@code recipients}: the dispatch rate (launch excluded). */
    static double campaignKit(StoreDatabases databases, int recipients) throws SQLException {
        JdbcCampaignStore store = databases.freshStore();
        ManualClock clock = ManualClock.startingAt(START);
        InstantChannel channel = new InstantChannel(clock);
        CampaignEngine engine = StoreDispatchBenchmark.engine(store, channel, clock, 500, false);
        BenchmarkCampaign.launch(engine, recipients);
        long start = System.nanoTime();
        BenchmarkCampaign.runToTheEnd(engine, clock);
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchmarkCampaign.checkEveryoneSent(engine, channel, recipients);
        return recipients / seconds;
    }

    /**
     * db-scheduler: {@code recipients} one-time tasks, all due, scheduled in batches (not timed); then a
     * scheduler of 10 threads polling with lock-and-fetch runs them; the rate is from its start to the
     * last task's end.
     */
    static double dbScheduler(DataSource dataSource, int recipients) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE scheduled_tasks");
        }
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(recipients);
        OneTimeTask<Void> send = Tasks.oneTime("send-message").execute((instance, context) -> {
            sent.incrementAndGet(); // the instant channel: the message is handed over at once
            done.countDown();
        });
        SchedulerClient client =
                SchedulerClient.Builder.create(dataSource, send).build();
        Instant due = Instant.now().minusSeconds(1);
        List<TaskInstance<?>> batch = new ArrayList<>(1_000);
        for (int i = 0; i < recipients; i++) {
            batch.add(send.instance("+5255" + String.format("%08d", i)));
            if (batch.size() == 1_000 || i == recipients - 1) {
                client.scheduleBatch(batch, due);
                batch = new ArrayList<>(1_000);
            }
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE scheduled_tasks"); // as our store does for its recipients
        }
        Scheduler scheduler = Scheduler.create(dataSource, send)
                .threads(10)
                .pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(Duration.ofMillis(100))
                .build();
        long start = System.nanoTime();
        scheduler.start();
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("db-scheduler ran " + sent.get() + " of " + recipients + " tasks");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        scheduler.stop();
        return recipients / seconds;
    }

    private static void createPeerTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(PEER_TABLE);
            statement.execute("CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)");
            statement.execute("CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
            statement.execute("CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks"
                    + " (priority DESC, execution_time ASC)");
        }
    }
}
