package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.PauseReason;
import io.campaignkit.core.port.DeliveryState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Capability 4: the host pauses and resumes an ACTIVE campaign; sends in flight complete and are recorded. */
class PauseResumeScenarioTest {

    @Test
    void pausingStopsNewClaimsAndInFlightSendsAreStillRecorded() {
        CampaignScenario scenario = Fixtures.scenario()
                .defaultOutcome(Outcome.delivered(Duration.ofSeconds(1)).answeredAfter(Duration.ofSeconds(5)))
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        scenario.launch(id, Fixtures.contacts(0, 10));
        scenario.runFor(Duration.ofMillis(2500)); // three sends started, none answered

        var paused = scenario.engine().pause(id);
        assertThat(paused.dispatch())
                .hasValueSatisfying(
                        d -> assertThat(((DispatchState.Paused) d).reason()).isEqualTo(PauseReason.BY_USER));
        scenario.runFor(Duration.ofMinutes(1));

        assertThat(scenario.channel().sends()).hasSize(3);
        assertThat(scenario.metrics(id).sent()).isEqualTo(3);
        assertThat(scenario.metrics(id).delivered()).isEqualTo(3);
        assertThat(scenario.metrics(id).pending()).isEqualTo(7);

        scenario.engine().resume(id);
        scenario.runFor(Duration.ofMinutes(1));
        assertThat(scenario.channel().sends()).hasSize(10);
        assertThat(scenario.recipient(id, Fixtures.phone(9)).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void onlyAnActiveCampaignIsPausedAndOnlyAPausedOneResumed() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        assertThatThrownBy(() -> scenario.engine().pause(id))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("READY");
        scenario.launch(id, Fixtures.contacts(0, 1));
        assertThatThrownBy(() -> scenario.engine().resume(id)).isInstanceOf(IllegalCampaignActionException.class);
    }
}
