package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.testkit.store.CampaignStoreContractKit;

/** The JDBC store on PostgreSQL passes the store contract. */
class PostgresCampaignStoreContractTest extends CampaignStoreContractKit {

    private final JdbcCampaignStore store = PostgresDatabase.freshStore();

    @Override
    protected CampaignStore store() {
        return store;
    }
}
