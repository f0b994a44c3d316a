package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.engine.CampaignMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaunchAndDispatchSmokeTest {

    @Test
    void aLaunchedCampaignSendsToEveryContactAndTracksDelivery() {
        CampaignScenario scenario =
                CampaignScenario.custom().bot(Fixtures.BOT, new RecordingBot()).build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.READY);

        scenario.launch(id, Fixtures.contacts(0, 50));
        scenario.runFor(Duration.ofSeconds(10));

        CampaignMetrics metrics = scenario.metrics(id);
        assertThat(scenario.channel().sends()).hasSize(50);
        assertThat(metrics.audience()).isEqualTo(50);
        assertThat(metrics.sent()).isEqualTo(50);
        assertThat(metrics.delivered()).isEqualTo(50);
        assertThat(metrics.receivedRate()).isEqualTo(1.0);
        assertThat(scenario.campaign(id).dispatch().orElseThrow().label()).isEqualTo("DONE");
    }
}
