package io.campaignkit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.core.internal.Arguments;
import java.nio.file.Path;

/** Ready-made JDBC stores. */
public final class JdbcCampaignStores {

    /** Most connections the pool of {@link #h2File} opens. */
    public static final int H2_MAX_CONNECTIONS = 16;

    private JdbcCampaignStores() {}

    /**
     * A store on an H2 file database at {@code path} (H2 adds {@code .mv.db}), created and migrated
     * on first use: the zero-set-up store for one application instance, such as the command-line
     * program. Closing the store closes its connections.
     *
     * @param path the database file, without H2's extension
     */
    public static JdbcCampaignStore h2File(Path path) {
        Arguments.requireNonNull(path, "path");
        HikariDataSource pool = h2Pool("jdbc:h2:file:" + path.toAbsolutePath() + ";LOCK_TIMEOUT=10000");
        try {
            return JdbcCampaignStore.builder()
                    .dataSource(pool)
                    .dialect(JdbcDialect.H2)
                    .owning(pool::close)
                    .build();
        } catch (RuntimeException failure) {
            pool.close();
            throw failure;
        }
    }

    /**
     * A pool for an embedded H2 database that keeps H2's statement cache: HikariCP, not H2's own {@code
     * JdbcConnectionPool}. H2 empties a session's cache of parsed statements on every rollback, and its pool
     * rolls back each connection handed back to it, so every statement of every transaction was parsed
     * again (the module's README has the measurement); HikariCP rolls back only a connection handed back
     * with its transaction open.
     */
    static HikariDataSource h2Pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("campaignkit-h2");
        config.setDriverClassName("org.h2.Driver");
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(H2_MAX_CONNECTIONS);
        config.setMinimumIdle(1); // an embedded database: a connection is opened when asked for
        return new HikariDataSource(config);
    }
}
