package io.campaignkit.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The databases the store benchmarks run on: an embedded PostgreSQL 17 (zonky's binaries and zonky's settings,
 * with a test-sized shared_buffers) and an H2 file database.
 *
 * <p>zonky's settings are not PostgreSQL's defaults: {@code fsync} and {@code synchronous_commit} are off (as
 * {@code SHOW} says on the running server), so a commit waits for no disk. {@code -Dck.durable} turns both on,
 * as a production server has them, for the figures that must include the disk.
 *
 * <p>H2 is pooled by HikariCP, as {@code JdbcCampaignStores.h2File} pools it; {@code -Dck.h2pool=h2} takes H2's own
 * {@code JdbcConnectionPool} instead, which rolls back each connection handed back and so empties H2's statement
 * cache every transaction.
 */
public final class StoreDatabases implements AutoCloseable {

    public enum Kind {
        H2,
        POSTGRESQL
    }

    private final EmbeddedPostgres postgres;
    private final AutoCloseable pool;
    private final DataSource dataSource;
    private final Path h2Directory;

    private StoreDatabases(EmbeddedPostgres postgres, AutoCloseable pool, DataSource dataSource, Path h2Directory) {
        this.postgres = postgres;
        this.pool = pool;
        this.dataSource = dataSource;
        this.h2Directory = h2Directory;
    }

    static StoreDatabases start(Kind kind) throws IOException {
        if (kind == Kind.POSTGRESQL) {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "256MB");
            if (System.getProperty("ck.explain") != null) { // by hand: slow statements' plans to /tmp/ck-pglog
                builder.setServerConfig("shared_preload_libraries", "auto_explain")
                        .setServerConfig("auto_explain.log_min_duration", System.getProperty("ck.explain"))
                        .setServerConfig("auto_explain.log_analyze", "on")
                        .setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", "/tmp/ck-pglog");
            }
            if (System.getProperty("ck.durable") != null) { // by hand: commits wait for the disk, as in production
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (System.getProperty("ck.statements") != null) { // by hand: where the database's time goes
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            if (System.getProperty("ck.pglocale") != null) { // by hand: the cluster's locale (initdb --locale)
                builder.setLocaleConfig("locale", System.getProperty("ck.pglocale"));
            }
            for (String setting : System.getProperty("ck.pgconf", "").split(",")) { // by hand: name=value,...
                if (!setting.isBlank()) {
                    String[] pair = setting.split("=", 2);
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("-Dck.pgconf takes name=value,...; not " + setting);
                    }
                    builder.setServerConfig(pair[0].strip(), pair[1].strip());
                }
            }
            EmbeddedPostgres postgres = builder.start();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(8);
            HikariDataSource pool = new HikariDataSource(config);
            return new StoreDatabases(postgres, pool, pool, null);
        }
        Path directory = Files.createTempDirectory("ck-h2-bench");
        String url = "jdbc:h2:file:" + directory.resolve("store");
        if ("h2".equals(System.getProperty("ck.h2pool"))) { // H2's own pool, to compare: it re-parses every statement
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
            return new StoreDatabases(null, pool::dispose, pool, directory);
        }
        // the pool JdbcCampaignStores.h2File gives a store: HikariCP, which keeps H2's statement cache
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        HikariDataSource pool = new HikariDataSource(config);
        return new StoreDatabases(null, pool, pool, directory);
    }

    /** The JDBC address of the PostgreSQL database (user {@code postgres}), for pools of its own. */
    String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("only the PostgreSQL database is reached by address");
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The pooled data source of the database (the peer harness gives it to db-scheduler). */
    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Prints the {@code limit} statements that took the most time (pg_stat_statements, loaded with
     * {@code -Dck.statements}): calls, total and mean milliseconds, rows, the statement's start.
     */
    void printTopStatements(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (var rows = statement.executeQuery("SELECT calls, total_exec_time, mean_exec_time, rows, query"
                    + " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT " + limit)) {
                while (rows.next()) {
                    String query = rows.getString(5).replaceAll("\\s+", " ");
                    System.out.printf(
                            "%8d calls %10.0f ms total %8.2f ms mean %10d rows  %s%n",
                            rows.getLong(1),
                            rows.getDouble(2),
                            rows.getDouble(3),
                            rows.getLong(4),
                            query.substring(0, Math.min(150, query.length())));
                }
            }
        }
    }

    /** The server's durability settings (and its collation) as it runs, for the harnesses to print beside their figures. */
    String durability() throws SQLException {
        if (postgres == null) {
            return "H2 file database";
        }
        StringBuilder settings = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "shared_buffers"}) {
                try (var rows = statement.executeQuery("SHOW " + setting)) {
                    rows.next();
                    settings.append(settings.length() == 0 ? "" : ", ")
                            .append(setting)
                            .append('=')
                            .append(rows.getString(1));
                }
            }
            try (var rows =
                    statement.executeQuery("SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
                rows.next();
                settings.append(", collation=").append(rows.getString(1));
            }
        }
        return settings.toString();
    }

    /** A store on an empty schema. */
    JdbcCampaignStore freshStore() throws SQLException {
        JdbcCampaignStore store =
                JdbcCampaignStore.builder().dataSource(dataSource).build();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : new String[] {
                "ck_recipient",
                "ck_recipient_count",
                "ck_conversation",
                "ck_inbound_queue",
                "ck_funnel_step",
                "ck_engagement",
                "ck_suppression",
                "ck_handled_event",
                "ck_unmatched_status",
                "ck_pacing_bucket",
                "ck_campaign"
            }) {
                statement.execute("DELETE FROM " + table);
            }
        }
        return store;
    }

    @Override
    public void close() throws Exception {
        pool.close();
        if (postgres != null) {
            postgres.close();
        }
        if (h2Directory != null) {
            try (var files = Files.walk(h2Directory)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
