package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.engine.PreflightException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3, with the engine's defaults: a launch first asks the channel's provider about the sender
 * and credentials; a refusal or no answer refuses the launch before anyone is engaged (the campaign stays
 * READY, nothing is sent); a channel without an online check launches; the host's off switch launches without
 * asking. The channel is the simulated one, its answer scripted.
 */
class CredentialsAtLaunchScenarioTest {

    private static final PreflightProblem WRONG_SENDER = new PreflightProblem(
            PreflightProblem.SENDER,
            "the provider has no sender " + CampaignScenario.SENDER_ID + "; fix setting sender");

    private final CampaignScenario scenario = Fixtures.scenario().build();

    private CampaignId ready() {
        return scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
    }

    private void assertNothingEngaged(CampaignId id) {
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.READY);
        assertThat(scenario.campaign(id).dispatch()).isEmpty();
        assertThat(scenario.store()
                        .engagedCampaign(
                                new SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                                Fixtures.contact(0).phone()))
                .isEmpty();
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sends()).isEmpty();
    }

    @Test
    void aSenderTheProviderRefusesRefusesTheLaunchWithTheReasonAndEngagesNoOne() {
        CampaignId id = ready();
        scenario.channel().answerCredentialsCheck(new CredentialsCheck.Refused(List.of(WRONG_SENDER)));

        assertThatThrownBy(() -> scenario.launch(id, Fixtures.contacts(0, 3)))
                .isInstanceOfSatisfying(PreflightException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(PreflightException.PREFLIGHT_FAILED);
                    assertThat(refused.retryable()).isFalse();
                    assertThat(refused.problems()).containsExactly(WRONG_SENDER);
                    assertThat(refused.getMessage()).contains(PreflightProblem.SENDER + ": ", "setting sender");
                });
        assertNothingEngaged(id);
    }

    @Test
    void noAnswerFromTheProviderRefusesTheLaunchAsRetryable() {
        CampaignId id = ready();
        scenario.channel().answerCredentialsCheck(new CredentialsCheck.NotChecked("HTTP 503 from the provider"));

        assertThatThrownBy(() -> scenario.launch(id, Fixtures.contacts(0, 3)))
                .isInstanceOfSatisfying(PreflightException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(PreflightException.CREDENTIALS_NOT_CHECKED);
                    assertThat(refused.retryable()).isTrue();
                    assertThat(refused.problems())
                            .extracting(PreflightProblem::subject)
                            .containsExactly(PreflightProblem.CREDENTIALS);
                    assertThat(refused.getMessage())
                            .contains("HTTP 503", "launch again", "checkCredentialsAtLaunch(false)");
                });
        assertNothingEngaged(id);

        scenario.channel().answerCredentialsCheck(new CredentialsCheck.Accepted("sender known"));
        scenario.launch(id, Fixtures.contacts(0, 3));
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.ACTIVE);
    }

    @Test
    void aChannelWithoutAnOnlineCheckLaunches() {
        CampaignId id = ready();
        assertThat(scenario.channel()
                        .checkCredentials(CampaignScenario.SENDER_ID)
                        .toCompletableFuture()
                        .join())
                .isInstanceOf(CredentialsCheck.Unsupported.class);

        scenario.launch(id, Fixtures.contacts(0, 3));

        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.ACTIVE);
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sends()).hasSize(3);
    }

    @Test
    void scheduledCampaignsAreCheckedWhenScheduled() {
        CampaignId id = ready();
        scenario.channel().answerCredentialsCheck(new CredentialsCheck.Refused(List.of(WRONG_SENDER)));

        assertThatThrownBy(() -> scenario.engine()
                        .schedule(id, Schedule.at(scenario.clock().instant().plus(Duration.ofHours(1)))))
                .isInstanceOf(PreflightException.class);
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.READY);
    }

    @Test
    void theHostsOffSwitchLaunchesWithoutAsking() {
        CampaignScenario unchecked = Fixtures.scenario()
                .engine(engine -> engine.checkCredentialsAtLaunch(false))
                .build();
        CampaignId id = unchecked.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        unchecked.channel().answerCredentialsCheck(new CredentialsCheck.Refused(List.of(WRONG_SENDER)));

        unchecked.launch(id, Fixtures.contacts(0, 3));

        assertThat(unchecked.campaign(id).state()).isEqualTo(CampaignState.ACTIVE);
    }
}
