package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.PauseReason;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, contract mismatches 4 and 8: credentials are per sender, so an AUTHENTICATION answer
 * pauses every campaign on that sender; a recipient skipped at send time takes no pacing permit.
 */
class SendingContractScenarioTest {

    private static List<String> sentTo(CampaignScenario scenario) {
        return scenario.channel().sends().stream()
                .map(send -> send.message().recipient())
                .toList();
    }

    @Test
    void anAuthenticationAnswerPausesEveryCampaignOnThatSenderWithTheReasonAndNoOther() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignId sibling = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        CampaignId refused = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        CampaignId otherSender = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(Pace.perSecond(1)).andThen(c -> c.channel(CampaignScenario.CHANNEL_ID, "sender-2")));
        scenario.channel().scriptNumber(Fixtures.phone(10), Outcome.failing(SendErrorClass.AUTHENTICATION));
        scenario.launch(sibling, Fixtures.contacts(0, 3));
        scenario.launch(refused, Fixtures.contacts(10, 3));
        scenario.launch(otherSender, Fixtures.contacts(20, 3));

        scenario.runFor(Duration.ofSeconds(10));

        for (CampaignId onSender : List.of(refused, sibling)) {
            assertThat(scenario.campaign(onSender).dispatch())
                    .as(onSender.value())
                    .hasValueSatisfying(d -> assertThat(((DispatchState.Paused) d).reason())
                            .isEqualTo(PauseReason.CHANNEL_AUTHENTICATION));
            assertThat(scenario.listener().lifecycleEvents(onSender))
                    .as(onSender.value())
                    .anySatisfy(e -> assertThat(e.action().name()).isEqualTo("PAUSE"));
        }
        assertThat(sentTo(scenario))
                .as("the sibling sent before the refusal, and nothing after it")
                .containsOnlyOnce(Fixtures.phone(0))
                .doesNotContain(Fixtures.phone(1), Fixtures.phone(2));
        assertThat(scenario.metrics(otherSender).delivered())
                .as("another sender's credentials")
                .isEqualTo(3);

        scenario.engine().resume(sibling);
        scenario.runFor(Duration.ofSeconds(10));
        assertThat(scenario.metrics(sibling).delivered())
                .as("sends again once resumed")
                .isEqualTo(3);
    }

    @Test
    void aRecipientSkippedAtSendTimeTakesNoPacingPermit() {
        CampaignScenario scenario = Fixtures.scenario().build();
        Instant start = scenario.clock().instant();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        scenario.launch(id, Fixtures.contacts(0, 3));
        scenario.engine()
                .suppress(
                        PhoneNumber.parse(Fixtures.phone(0)),
                        Optional.of(new SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID)));

        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.recipient(id, Fixtures.phone(0))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo("OPTED_OUT");
        List<RecordedSend> sends = scenario.channel().sends();
        assertThat(sends)
                .extracting(send -> send.message().recipient())
                .containsExactly(Fixtures.phone(1), Fixtures.phone(2));
        assertThat(sends.get(0).requestedAt())
                .as("the skip left the first second's permit to the next contact")
                .isEqualTo(start);
        assertThat(sends.get(1).requestedAt()).isEqualTo(start.plusSeconds(1));
    }
}
