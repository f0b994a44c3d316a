package io.campaignkit.testkit.store;

import io.campaignkit.core.port.UnroutedInbox;

/** The in-memory store's unrouted inbox passes the unrouted inbox contract. */
class InMemoryUnroutedInboxContractTest extends UnroutedInboxContractKit {

    private final UnroutedInbox inbox =
            new InMemoryCampaignStore().unroutedInbox().orElseThrow();

    @Override
    protected UnroutedInbox inbox() {
        return inbox;
    }
}
