package io.campaignkit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL server per test JVM (zonky's binaries, from Maven: nothing to install),
 * started on first use and stopped when the JVM exits. It runs as root too: zonky's binaries are
 * built without PostgreSQL's refusal to run as root. Tests share one database and empty its tables
 * before each check ({@link #freshStore()}); surefire runs test classes one after another.
 */
public final class PostgresDatabase {

    private static EmbeddedPostgres server;
    private static HikariDataSource pool;

    private PostgresDatabase() {}

    /** The server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "100")
                        .setServerConfig(
                                "fsync", "off") // a test database: durability across OS crashes is not under test
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException failure) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", failure);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresDatabase::stop, "embedded-postgres-stop"));
        }
        return server;
    }

    /** The JDBC URL of the test database. */
    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** A pool on the test database, shared by the tests of this JVM. */
    public static synchronized DataSource pool() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl());
            config.setUsername("postgres");
            config.setMaximumPoolSize(16);
            config.setPoolName("ck-test");
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /** A new pool of at most {@code size} connections on the test database; close it when done. */
    public static HikariDataSource newPool(int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** A store on the test database with every CampaignKit table emptied. */
    public static JdbcCampaignStore freshStore() {
        JdbcCampaignStore store = JdbcCampaignStore.builder().dataSource(pool()).build();
        truncate();
        return store;
    }

    /** Empties every CampaignKit table. */
    public static void truncate() {
        try (Connection connection = pool().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "TRUNCATE ck_recipient, ck_recipient_count, ck_conversation, ck_inbound_queue, ck_funnel_step, ck_campaign,"
                            + " ck_engagement, ck_suppression, ck_handled_event, ck_unmatched_status, ck_pacing_bucket, ck_project,"
                            + " ck_unrouted_inbox, ck_busy_wait");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not empty the test database", failure);
        }
    }

    private static synchronized void stop() {
        try {
            if (pool != null) {
                pool.close();
            }
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
