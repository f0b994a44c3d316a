package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.testkit.store.StorageContractKit;
import org.junit.jupiter.api.AfterEach;

/** The JDBC store on H2 passes the store contract. */
class H2CampaignStoreContractTest extends StorageContractKit {

    private final JdbcCampaignStore store = H2Databases.freshStore();

    @Override
    protected CampaignStorage storage() {
        return store.storage();
    }

    @AfterEach
    void dropDatabase() {
        store.close();
    }
}
