package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.testkit.store.ProjectStoreContractKit;
import org.junit.jupiter.api.AfterEach;

/** {@link JdbcProjectStore} on H2 passes the project store contract. */
class H2ProjectStoreContractTest extends ProjectStoreContractKit {

    private final JdbcCampaignStore store = H2Databases.freshStore();
    private final ProjectStore projects = JdbcProjectStore.on(store);

    @Override
    protected ProjectStore projects() {
        return projects;
    }

    @AfterEach
    void dropDatabase() {
        store.close();
    }
}
