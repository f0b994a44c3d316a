package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.testkit.store.CampaignStoreContractKit;
import org.junit.jupiter.api.AfterEach;

/** The JDBC store on H2 passes the store contract. */
class H2CampaignStoreContractTest extends CampaignStoreContractKit {

    private final JdbcCampaignStore store = H2Databases.freshStore();

    @Override
    protected CampaignStore store() {
        return store;
    }

    @AfterEach
    void dropDatabase() {
        store.close();
    }
}
