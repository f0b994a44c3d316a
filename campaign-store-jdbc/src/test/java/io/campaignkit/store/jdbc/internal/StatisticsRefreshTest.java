package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
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
    void thePostgreSqlStoreRefreshesTheRecipientsStatistics() {
        assertThat(new RecipientInserts(sql, new Scope(java.util.Optional.empty()), null, JdbcDialect.POSTGRESQL)
                        .statistics())
                .isPresent();
        assertThat(new RecipientInserts(sql, new Scope(java.util.Optional.empty()), null, JdbcDialect.H2).statistics())
                .as("H2 plans without statistics")
                .isEmpty();
    }

    private void awaitRefreshWaitingForTheGate() throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO refresh_probe_runs%'")) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // polling a condition, not a timing
        }
        throw new AssertionError("the refresh never waited for the gate");
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
