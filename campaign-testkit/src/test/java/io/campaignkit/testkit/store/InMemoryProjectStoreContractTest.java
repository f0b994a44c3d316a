package io.campaignkit.testkit.store;

import io.campaignkit.core.port.ProjectStore;

/** The in-memory project store passes the project store contract. */
class InMemoryProjectStoreContractTest extends ProjectStoreContractKit {

    private final InMemoryProjectStore store = new InMemoryProjectStore();

    @Override
    protected ProjectStore projects() {
        return store;
    }
}
