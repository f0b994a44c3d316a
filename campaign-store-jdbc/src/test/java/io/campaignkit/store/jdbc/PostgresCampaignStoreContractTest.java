package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.testkit.store.StorageContractKit;

/** The JDBC store on PostgreSQL passes the store contract. */
class PostgresCampaignStoreContractTest extends StorageContractKit {

    private final JdbcCampaignStore store = PostgresDatabase.freshStore();

    @Override
    protected CampaignStorage storage() {
        return store.storage();
    }
}
