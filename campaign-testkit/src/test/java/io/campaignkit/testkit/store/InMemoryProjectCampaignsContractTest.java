package io.campaignkit.testkit.store;

import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.ProjectStore;

/** The in-memory project store made over a campaign store passes the atomic-create contract. */
class InMemoryProjectCampaignsContractTest extends ProjectCampaignsContractKit {

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final CampaignStorage storage = CampaignStorage.of(store);
    private final InMemoryProjectStore projects = InMemoryProjectStore.over(store);

    @Override
    protected ProjectStore projects() {
        return projects;
    }

    @Override
    protected CampaignStorage storage() {
        return storage;
    }
}
