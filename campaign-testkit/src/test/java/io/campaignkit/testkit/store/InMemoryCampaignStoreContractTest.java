package io.campaignkit.testkit.store;

import io.campaignkit.core.port.CampaignStore;

/** The in-memory store passes the store contract. */
class InMemoryCampaignStoreContractTest extends CampaignStoreContractKit {

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();

    @Override
    protected CampaignStore store() {
        return store;
    }
}
