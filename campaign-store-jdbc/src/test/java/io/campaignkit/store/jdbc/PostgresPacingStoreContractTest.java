package io.campaignkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.testkit.pacing.PacingStoreContractKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link JdbcPacingStore} on PostgreSQL passes the pacing contract; its second node is a store on a pool of
 * its own, as another application instance would have. The kit names every check's campaigns and senders
 * uniquely, so the shared test database needs no cleaning.
 */
class PostgresPacingStoreContractTest extends PacingStoreContractKit {

    private static HikariDataSource secondNodePool;

    @BeforeAll
    static void openSecondNode() {
        secondNodePool = PostgresDatabase.newPool(4, "pacing-second-node");
    }

    @AfterAll
    static void closeSecondNode() {
        secondNodePool.close();
    }

    @Override
    protected PacingStore store() {
        return JdbcPacingStore.on(
                JdbcCampaignStore.builder().dataSource(PostgresDatabase.pool()).build());
    }

    @Override
    protected PacingStore anotherNode(PacingStore pacing) {
        return JdbcPacingStore.on(JdbcCampaignStore.builder()
                .dataSource(secondNodePool)
                .migrate(false)
                .build());
    }
}
