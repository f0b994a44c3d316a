package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.UnroutedInbox;
import io.campaignkit.testkit.store.UnroutedInboxContractKit;
import org.junit.jupiter.api.AfterEach;

/** The JDBC store's unrouted inbox on H2 passes the unrouted inbox contract. */
class H2UnroutedInboxContractTest extends UnroutedInboxContractKit {

    private final JdbcCampaignStore store = H2Databases.freshStore();

    @Override
    protected UnroutedInbox inbox() {
        return store.unroutedInbox().orElseThrow();
    }

    @AfterEach
    void dropDatabase() {
        store.close();
    }
}
