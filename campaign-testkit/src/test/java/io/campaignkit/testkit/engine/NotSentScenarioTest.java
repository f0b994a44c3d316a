package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.SkipReasons;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 15, item 7: the live "not sent" figure of a campaign, with its reasons. */
class NotSentScenarioTest {

    private final CampaignScenario scenario =
            Fixtures.scenario().defaultOutcome(Outcome.accepted()).build();

    @Test
    void notSentCountsTheFailedAndTheSkippedLiveWithTheirReasons() {
        scenario.channel().scriptNumber(Fixtures.phone(9), Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        scenario.engine().suppress(PhoneNumber.parse(Fixtures.phone(8)), Optional.empty());
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());

        scenario.launch(id, Fixtures.contacts(5, 5));
        assertThat(scenario.metrics(id).notSent())
                .as("the opted-out contact, at launch")
                .isEqualTo(1);
        scenario.runFor(Duration.ofSeconds(5));

        CampaignMetrics metrics = scenario.metrics(id);
        assertThat(metrics.notSent()).isEqualTo(2);
        assertThat(metrics.notSentByReason())
                .containsEntry(SkipReasons.OPTED_OUT, 1L)
                .hasSize(2);
        assertThat(metrics.notSentByReason().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(2);
    }

    @Test
    void aContactWhoOptedOutAfterLaunchIsSkippedAtDispatchAndListenersHearIt() {
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(5, 3));
        scenario.engine().suppress(PhoneNumber.parse(Fixtures.phone(6)), Optional.empty());

        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.channel().sendsTo(Fixtures.phone(6))).isEmpty();
        assertThat(scenario.listener().recipientEvents())
                .filteredOn(event -> event.phone().equals(PhoneNumber.parse(Fixtures.phone(6))))
                .extracting(event -> event.type(), event -> event.code().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        io.campaignkit.core.port.RecipientEvent.Type.SKIPPED, SkipReasons.OPTED_OUT));
        assertThat(scenario.metrics(id).notSentByReason()).containsEntry(SkipReasons.OPTED_OUT, 1L);
    }
}
