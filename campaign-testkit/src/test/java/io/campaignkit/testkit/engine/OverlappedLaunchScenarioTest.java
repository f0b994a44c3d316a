package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.LaunchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
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

    @Test
    void aFailureWhileTheNextBatchIsAdmittedIsThrownAsItself() {
        CampaignId id = launching.create("admit-fails", c -> {}).id();
        int[] engages = {0};
        launching.store.beforeEach("engage", () -> {
            if (++engages[0] == 3) { // the third batch's engagement, on the launch's own thread
                throw new UncheckedIOException(new IOException("connection reset"));
            }
        });

        assertThatThrownBy(() ->
                        launching.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE))))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("connection reset");
        assertThat(store.counts(id).total()).as("the first two batches").isEqualTo(2L * EngineProcess.BATCH);
    }

    @Test
    void theLaunchsOwnThreadEndsWithTheLaunch() throws InterruptedException {
        CampaignId id = launching.create("thread", c -> {}).id();

        launching.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE)));

        String name = "campaignkit-launch-" + id.value();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                thread.join(Duration.ofSeconds(10).toMillis()); // it ends once its executor is shut down
                assertThat(thread.isAlive()).as(name).isFalse();
            }
        }
    }
}
