package io.campaignkit.store.jdbc;

import io.campaignkit.core.internal.Arguments;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

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
        String url = "jdbc:h2:file:" + path.toAbsolutePath() + ";LOCK_TIMEOUT=10000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(H2_MAX_CONNECTIONS);
        try {
            return JdbcCampaignStore.builder()
                    .dataSource(pool)
                    .dialect(JdbcDialect.H2)
                    .owning(pool::dispose)
                    .build();
        } catch (RuntimeException failure) {
            pool.dispose();
            throw failure;
        }
    }
}
