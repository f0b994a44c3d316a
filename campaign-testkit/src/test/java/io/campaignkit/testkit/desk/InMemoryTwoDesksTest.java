package io.campaignkit.testkit.desk;

import io.campaignkit.desk.port.DeskStorage;

/** Two desks on one in-memory store: settings kept, races settled. */
class InMemoryTwoDesksTest extends TwoDesksOnOneStoreKit {

    private InMemoryDeskStore store = new InMemoryDeskStore();

    @Override
    protected DeskStorage storage() {
        store = new InMemoryDeskStore();
        return store.storage();
    }

    @Override
    protected DeskStorage sameData() {
        return store.storage();
    }
}
