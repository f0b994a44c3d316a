package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.UnroutedInbox;
import io.campaignkit.testkit.store.UnroutedInboxContractKit;

/** The JDBC store's unrouted inbox on PostgreSQL passes the unrouted inbox contract. */
class PostgresUnroutedInboxContractTest extends UnroutedInboxContractKit {

    private final UnroutedInbox inbox =
            PostgresDatabase.freshStore().unroutedInbox().orElseThrow();

    @Override
    protected UnroutedInbox inbox() {
        return inbox;
    }
}
