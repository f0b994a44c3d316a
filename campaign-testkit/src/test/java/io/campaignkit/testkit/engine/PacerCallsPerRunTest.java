package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The cost of a run of the engine: with the default sender burst a sender never sends two messages
 * at one instant, so a run sends one message; having taken every permit of its instant, it does not
 * ask the pacer for permits a second time (on a shared database that is a round trip per message).
 */
class PacerCallsPerRunTest {

    @Test
    void aRunThatTookEveryPermitOfItsInstantAsksForPermitsOnce() {
        AtomicInteger asked = new AtomicInteger();
        PacingStore counting = counting(PacingStore.inProcess(), asked);
        CampaignScenario scenario = Fixtures.scenario()
                .engine(engine -> engine.pacingStore(counting))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(20).withBurst(5)));
        scenario.launch(id, Fixtures.contacts(0, 10));

        asked.set(0);
        scenario.engine().runDue();

        assertThat(scenario.channel().sends()).hasSize(1);
        assertThat(asked.get()).isEqualTo(1);
    }

    private static PacingStore counting(PacingStore store, AtomicInteger asked) {
        return new PacingStore() {
            @Override
            public int tryAcquire(SendLimits limits, int permits, Instant now) {
                return store.tryAcquire(limits, permits, now);
            }

            @Override
            public int availablePermits(SendLimits limits, Instant now) {
                asked.incrementAndGet();
                return store.availablePermits(limits, now);
            }

            @Override
            public Instant nextPermitAt(SendLimits limits, Instant now) {
                return store.nextPermitAt(limits, now);
            }

            @Override
            public void holdSender(SendLimits limits, Instant until) {
                store.holdSender(limits, until);
            }

            @Override
            public void forget(CampaignId campaign) {
                store.forget(campaign);
            }
        };
    }
}
