package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.testkit.store.ProjectCampaignsContractKit;

/** {@link JdbcProjectStore} on PostgreSQL creates campaigns atomically with its projects' archiving. */
class PostgresProjectCampaignsContractTest extends ProjectCampaignsContractKit {

    private final JdbcCampaignStore store = PostgresDatabase.freshStore();
    private final ProjectStore projects = JdbcProjectStore.on(store);

    @Override
    protected ProjectStore projects() {
        return projects;
    }

    @Override
    protected CampaignStorage storage() {
        return store.storage();
    }
}
