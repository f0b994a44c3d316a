package io.campaignkit.testkit.store;

import io.campaignkit.core.port.CampaignStorage;

/** The in-memory store passes every port's contract. */
class InMemoryCampaignStoreContractTest extends StorageContractKit {

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();

    @Override
    protected CampaignStorage storage() {
        return store.storage();
    }
}
