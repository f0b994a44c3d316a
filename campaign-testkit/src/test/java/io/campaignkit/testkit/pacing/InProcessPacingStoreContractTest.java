package io.campaignkit.testkit.pacing;

import io.campaignkit.core.dispatch.pacing.PacingStore;

/** The engine's default pacing store, {@link PacingStore#inProcess()}, passes the pacing contract. */
class InProcessPacingStoreContractTest extends PacingStoreContractKit {

    private final PacingStore store = PacingStore.inProcess();

    @Override
    protected PacingStore store() {
        return store;
    }
}
