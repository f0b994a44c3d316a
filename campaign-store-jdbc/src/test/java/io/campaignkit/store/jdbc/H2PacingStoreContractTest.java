package io.campaignkit.store.jdbc;

import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.testkit.pacing.PacingStoreContractKit;
import org.junit.jupiter.api.AfterEach;

/** {@link JdbcPacingStore} on H2 passes the pacing contract; its second node is a second store on the database. */
class H2PacingStoreContractTest extends PacingStoreContractKit {

    private final JdbcCampaignStore store = H2Databases.freshStore();

    @Override
    protected PacingStore store() {
        return JdbcPacingStore.on(store);
    }

    @Override
    protected PacingStore anotherNode(PacingStore pacing) {
        return JdbcPacingStore.on(JdbcCampaignStore.builder()
                .dataSource(store.dataSource())
                .migrate(false)
                .build());
    }

    @AfterEach
    void dropDatabase() {
        store.close();
    }
}
