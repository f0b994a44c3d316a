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
 * The databases the store benchmarks run on: an embedded PostgreSQL 17 (zonky's binaries, default
 * settings but for a test-sized shared_buffers: durable commits, fsync on) and an H2 file database.
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
            EmbeddedPostgres postgres = builder.start();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(8);
            HikariDataSource pool = new HikariDataSource(config);
            return new StoreDatabases(postgres, pool, pool, null);
        }
        Path directory = Files.createTempDirectory("ck-h2-bench");
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("store"), "sa", "");
        return new StoreDatabases(null, pool::dispose, pool, directory);
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
