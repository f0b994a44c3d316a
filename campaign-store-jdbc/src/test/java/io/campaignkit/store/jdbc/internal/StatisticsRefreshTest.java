package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.RecipientStore.ClaimKind;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.PostgresDatabase;
import io.campaignkit.store.jdbc.RecipientCountChecks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A launch asks for fresh statistics and goes on: the refresh runs on a thread of its own, requests while it
 * runs make one more run, and a refresh that fails is dropped without harm to the next. Its statement here
 * records each run in a table and reads a gate table the test can hold locked, so the test sees when a refresh
 * has started, how many ran, and that the caller did not wait.
 */
class StatisticsRefreshTest {

    private static final String RUN = "INSERT INTO refresh_probe_runs SELECT 100 / x FROM refresh_probe_gate";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Lease LEASE = new Lease("refresh-test", RecipientCountChecks.START.plusSeconds(60));

    private final DataSource pool = PostgresDatabase.pool();
    private final Sql sql = new Sql(pool, JdbcDialect.POSTGRESQL);

    @BeforeEach
    void createTheProbeTables() throws SQLException {
        execute("DROP TABLE IF EXISTS refresh_probe_gate, refresh_probe_runs");
        execute("CREATE TABLE refresh_probe_gate (x INTEGER)");
        execute("INSERT INTO refresh_probe_gate VALUES (1)");
        execute("CREATE TABLE refresh_probe_runs (y INTEGER)");
    }

    @AfterEach
    void dropTheProbeTables() throws SQLException {
        execute("DROP TABLE IF EXISTS refresh_probe_gate, refresh_probe_runs");
    }

    @Test
    void theCallerDoesNotWaitAndRequestsWhileOneRunsMakeOneMoreRun() throws Exception {
        StatisticsRefresh refresh = new StatisticsRefresh(sql, RUN);
        try (Connection holder = pool.getConnection()) {
            holder.setAutoCommit(false);
            execute(holder, "LOCK TABLE refresh_probe_gate IN ACCESS EXCLUSIVE MODE");

            refresh.request(); // returns while the refresh waits for the gate
            awaitRefreshWaitingForTheGate();
            refresh.request();
            refresh.request();
            assertThat(runs()).isZero();

            holder.commit();
        }
        assertThat(refresh.awaitIdle(PATIENCE)).isTrue();
        assertThat(runs())
                .as("the first run, and one for the two requests made while it ran")
                .isEqualTo(2);
    }

    @Test
    void aFailedRefreshIsDroppedAndTheNextRequestRunsAgain() throws Exception {
        StatisticsRefresh refresh = new StatisticsRefresh(sql, RUN);
        execute("UPDATE refresh_probe_gate SET x = 0"); // the statement now fails: division by zero

        refresh.request();
        assertThat(refresh.awaitIdle(PATIENCE)).isTrue();
        assertThat(runs()).isZero();

        execute("UPDATE refresh_probe_gate SET x = 1");
        refresh.request();
        assertThat(refresh.awaitIdle(PATIENCE)).isTrue();
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void closingAStoreWaitsForTheRefreshALaunchAskedFor() throws Exception {
        assertWaitsForTheLaunchsRefresh(JdbcCampaignStore::close);
    }

    @Test
    void aClaimWaitsForTheRefreshALaunchAskedFor() throws Exception {
        // planned on the statistics from before, a dispatch could stay on a plan for a small campaign
        assertWaitsForTheLaunchsRefresh(store -> store.claim(
                ClaimKind.DUE, CampaignId.of("refreshed"), LEASE, 10, RecipientCountChecks.START.plusSeconds(1)));
    }

    @Test
    void savingTheCampaignReadyToSendWaitsForTheRefreshItsLaunchAskedFor() throws Exception {
        // so that no node (this one or another) plans the campaign's claims on the statistics from before
        Campaign ready = RecipientCountChecks.readyCampaign("refreshed", "acme");
        assertWaitsForTheLaunchsRefresh(
                store -> store.save(ready.launch(RecipientCountChecks.START), OptionalLong.of(ready.version())));
    }

    /** {@code action} on a store whose launch's refresh waits for a lock the test holds: done only after it. */
    private void assertWaitsForTheLaunchsRefresh(Consumer<JdbcCampaignStore> action) throws Exception {
        JdbcCampaignStore store = PostgresDatabase.freshStore();
        store.save(RecipientCountChecks.readyCampaign("refreshed", "acme"), OptionalLong.empty());
        Future<?> acted;
        ExecutorService actor = Executors.newSingleThreadExecutor();
        try (Connection holder = pool.getConnection()) {
            holder.setAutoCommit(false);
            // the ANALYZE's own lock mode: inserts go on, the refresh waits
            execute(holder, "LOCK TABLE ck_recipient IN SHARE UPDATE EXCLUSIVE MODE");
            List<NewRecipient> thousand = IntStream.range(0, 1_000)
                    .mapToObj(i -> NewRecipient.pending(RecipientCountChecks.contact(i), RecipientCountChecks.START))
                    .toList();
            store.insertRecipients(CampaignId.of("refreshed"), thousand, RecipientCountChecks.START);
            awaitWaitingForALock("ANALYZE ck_recipient%");

            Thread[] acting = new Thread[1];
            acted = actor.submit(() -> {
                acting[0] = Thread.currentThread();
                action.accept(store);
            });
            awaitParked(acted, acting);
            assertThat(acted).as("it waits for the refresh").isNotDone();

            holder.commit();
        }
        acted.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        actor.shutdown();
        assertThat(reltuples("ck_recipient"))
                .as("the refresh ran: the planner counts the rows")
                .isEqualTo(1_000);
    }

    @Test
    void thePostgreSqlStoreRefreshesTheRecipientsStatistics() {
        assertThat(StatisticsRefresh.ofRecipients(sql, JdbcDialect.POSTGRESQL)).isPresent();
        assertThat(StatisticsRefresh.ofRecipients(sql, JdbcDialect.H2))
                .as("H2 plans without statistics")
                .isEmpty();
    }

    /**
     * V48: the refresh samples 3,000 recipients (300 per unit of the largest statistics target of the table's
     * columns), not PostgreSQL's default 30,000. A column added without a target would bring the default back.
     */
    @Test
    void everyRecipientColumnKeepsTheSmallStatisticsSample() throws SQLException {
        PostgresDatabase.freshStore();
        List<String> sampledByDefault = new ArrayList<>();
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT attname, attstattarget FROM pg_attribute"
                        + " WHERE attrelid = 'ck_recipient'::regclass AND attnum > 0 AND NOT attisdropped")) {
            while (rows.next()) {
                int target = rows.getInt(2);
                boolean unset = rows.wasNull() || target < 0; // NULL from PostgreSQL 17 on, -1 before
                if (unset || target > 10) {
                    sampledByDefault.add(rows.getString(1) + "=" + (unset ? "default" : target));
                }
            }
        }
        assertThat(sampledByDefault).isEmpty();
    }

    private void awaitRefreshWaitingForTheGate() throws SQLException {
        awaitWaitingForALock("INSERT INTO refresh_probe_runs%");
    }

    /** Until a statement like {@code pattern} waits for a lock: polling a condition, not a timing. */
    private void awaitWaitingForALock(String pattern) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = pool.getConnection();
                    PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE wait_event_type = 'Lock' AND query LIKE ?")) {
                select.setString(1, pattern);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new AssertionError("no statement like " + pattern + " waited for a lock");
    }

    /** Until the thread running {@code task} is parked (waiting), or the task ended. */
    private static void awaitParked(Future<?> task, Thread[] runner) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && !task.isDone()) {
            Thread thread = runner[0];
            if (thread != null
                    && (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING)) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private long reltuples(String table) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT reltuples::bigint FROM pg_class WHERE relname = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private int runs() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM refresh_probe_runs")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void execute(String sqlText) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            execute(connection, sqlText);
        }
    }

    private static void execute(Connection connection, String sqlText) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sqlText);
        }
    }
}
