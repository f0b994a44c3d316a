package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.testkit.store.ProjectCampaignsContractKit;
import org.junit.jupiter.api.AfterEach;

/** {@link JdbcProjectStore} on H2 creates campaigns atomically with its projects' archiving. */
class H2ProjectCampaignsContractTest extends ProjectCampaignsContractKit {

    private final JdbcCampaignStore store = H2Databases.freshStore();
    private final ProjectStore projects = JdbcProjectStore.on(store);

    @Override
    protected ProjectStore projects() {
        return projects;
    }

    @Override
    protected CampaignStorage storage() {
        return store.storage();
    }

    @AfterEach
    void dropDatabase() {
        store.close();
    }
}
