package io.campaignkit.store.jdbc;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/** Fresh in-memory H2 databases for tests: each is new and empty, and lives until disposed. */
final class H2Databases {

    private H2Databases() {}

    /** A pool on a new, empty in-memory database; dispose it when done. */
    static JdbcConnectionPool fresh() {
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:mem:ck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        pool.setMaxConnections(20);
        return pool;
    }

    /** A store on a fresh database that drops the database when closed. */
    static JdbcCampaignStore freshStore() {
        JdbcConnectionPool pool = fresh();
        return JdbcCampaignStore.builder()
                .dataSource(pool)
                .owning(() -> {
                    try (var connection = pool.getConnection();
                            var statement = connection.createStatement()) {
                        statement.execute("SHUTDOWN");
                    }
                    pool.dispose();
                })
                .build();
    }
}
