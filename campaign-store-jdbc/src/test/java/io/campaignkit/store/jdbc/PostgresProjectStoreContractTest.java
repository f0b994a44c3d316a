package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.testkit.store.ProjectStoreContractKit;

/** {@link JdbcProjectStore} on PostgreSQL passes the project store contract. */
class PostgresProjectStoreContractTest extends ProjectStoreContractKit {

    private final ProjectStore projects = JdbcProjectStore.on(PostgresDatabase.freshStore());

    @Override
    protected ProjectStore projects() {
        return projects;
    }
}
