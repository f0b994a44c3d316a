package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.LaunchRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code CampaignEngineBuilder.overlapLaunchBatches}: every case of {@link CrashSafeLaunchScenarioTest} again
 * with the launching engines admitting a batch while they store the one before it (a launch that dies, one
 * resumed, one outlasting its lease, one whose campaign finishes meanwhile), and what only overlap does.
 */
class OverlappedLaunchScenarioTest extends CrashSafeLaunchScenarioTest {

    @Override
    boolean overlap() {
        return true;
    }

    @Test
    void aLaunchWhoseStoreFailsThrowsOnlyOnceTheBatchAdmittedAheadHasEnded() {
        CampaignId id = launching.create("ahead", c -> {}).id();
        int[] inserts = {0};
        launching.store.beforeEach("insertRecipients", () -> {
            if (++inserts[0] == 3) {
                throw new IllegalStateException("the database refused the third batch");
            }
        });

        assertThatThrownBy(() ->
                        launching.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the database refused the third batch");

        // the third batch's store failed while the fourth was admitted: the fourth was engaged, wholly, before the
        // throw
        assertThat(store.counts(id).total()).isEqualTo(2L * EngineProcess.BATCH);
        for (int i = 3 * EngineProcess.BATCH; i < AUDIENCE; i++) {
            assertThat(store.engagedCampaign(SENDER, Fixtures.contact(i).phone()))
                    .as("contact %d, admitted ahead", i)
                    .contains(id);
        }
    }
}
