package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 item 3: a reply on a sender counts against the sender's limit (the provider counts every
 * message of the number) and is sent at once, never held by the limit nor by the campaign's pace: a
 * reply without a free permit takes the sender's next one in debt, and the campaign's first messages
 * on that sender wait for it. The sender here allows 1 message per second, no burst.
 */
class ReplyPermitsScenarioTest {

    private static final ChannelCapabilities ONE_PER_SECOND = ChannelCapabilities.custom()
            .freeFormText(true)
            .templates(true)
            .maxMessagesPerSecond(1)
            .customerServiceWindow(Duration.ofHours(24))
            .build();

    private final RecordingBot bot = new RecordingBot().answering((received, reply) -> reply.sendText("gracias"));

    @Test
    void aReplyStormDelaysTheCampaignsSendsByOnePermitPerReplyAndEveryReplyLeavesAtOnce() {
        CampaignScenario scenario = CampaignScenario.custom()
                .capabilities(ONE_PER_SECOND)
                .bot(Fixtures.BOT, bot)
                .build();
        Instant t0 = scenario.clock().instant();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 20));
        scenario.runUntil(t0.plusMillis(500));
        for (int contact = 0; contact < 5; contact++) {
            scenario.inbound(Fixtures.phone(contact), "hola");
        }
        scenario.runUntil(t0.plusSeconds(10));

        assertThat(replies(scenario))
                .as("five replies, each sent the instant its contact wrote")
                .hasSize(5)
                .allSatisfy(send -> assertThat(send.requestedAt()).isEqualTo(t0.plusMillis(500)));
        // 1/s: the campaign's sends at 1 s to 5 s are the replies' debt; they go at 6 s and on, one a second
        assertThat(campaignSends(scenario))
                .extracting(RecordedSend::requestedAt)
                .containsExactly(
                        t0,
                        t0.plusSeconds(6),
                        t0.plusSeconds(7),
                        t0.plusSeconds(8),
                        t0.plusSeconds(9),
                        t0.plusSeconds(10));
        assertThat(scenario.channel().sends())
                .as("every message of the number counted: 11 permits in [0 s, 10 s]")
                .hasSize(11);
    }

    @Test
    void repliesAreNotPacedByTheCampaignAndTheirDebtIsPaidBeforeTheCampaignsNextPermit() {
        CampaignScenario scenario = CampaignScenario.custom()
                .capabilities(ONE_PER_SECOND)
                .bot(Fixtures.BOT, bot)
                .build();
        Instant t0 = scenario.clock().instant();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perHour(60)));
        scenario.launch(id, Fixtures.contacts(0, 5));
        scenario.runUntil(t0.plusSeconds(10));
        for (int contact = 0; contact < 3; contact++) {
            scenario.inbound(Fixtures.phone(contact), "hola");
        }
        scenario.runUntil(t0.plusSeconds(125));

        assertThat(replies(scenario))
                .as("the campaign's one message a minute does not hold its replies")
                .hasSize(3)
                .allSatisfy(send -> assertThat(send.requestedAt()).isEqualTo(t0.plusSeconds(10)));
        assertThat(campaignSends(scenario))
                .extracting(RecordedSend::requestedAt)
                .containsExactly(t0, t0.plusSeconds(60), t0.plusSeconds(120));
    }

    @Test
    void outOfHoursAutomaticRepliesCountLikeABotsRepliesAndTheOpeningWaitsForTheirDebt() {
        Instant t0 = Instant.parse("2026-01-05T08:59:59Z"); // hours open at 09:00
        CampaignScenario scenario = CampaignScenario.custom()
                .capabilities(ONE_PER_SECOND)
                .bot(Fixtures.BOT, new RecordingBot())
                .startingAt(t0)
                .build();
        io.campaignkit.core.hours.ActiveHours daytime = io.campaignkit.core.hours.ActiveHours.builder(
                        java.time.ZoneOffset.UTC)
                .on(
                        java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                        java.time.LocalTime.of(9, 0),
                        java.time.LocalTime.of(18, 0))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(config -> config.activeHours(daytime)
                                .outOfHoursPolicy(io.campaignkit.core.campaign.OutOfHoursPolicy.queue()
                                        .withAutoReply("le atendemos a las 9"))));
        scenario.launch(id, Fixtures.contacts(0, 10));
        scenario.runUntil(t0.plusMillis(500));
        scenario.inbound(Fixtures.phone(0), "hola");
        scenario.inbound(Fixtures.phone(1), "hola");
        scenario.runUntil(t0.plusSeconds(6));

        assertThat(replies(scenario))
                .extracting(RecordedSend::requestedAt)
                .containsExactly(t0.plusMillis(500), t0.plusMillis(500));
        // the first took the free permit, the second the one of 09:00:00.5 in debt: the opening sends from 09:00:01.5
        Instant opening = t0.plusSeconds(1);
        assertThat(campaignSends(scenario))
                .extracting(RecordedSend::requestedAt)
                .containsExactly(
                        opening.plusMillis(1500),
                        opening.plusMillis(2500),
                        opening.plusMillis(3500),
                        opening.plusMillis(4500));
    }

    @Test
    void theReservedCampaignIdOfTheRepliesBucketIsRefused() {
        CampaignScenario scenario =
                CampaignScenario.custom().bot(Fixtures.BOT, bot).build();
        CampaignConfiguration.Builder config =
                CampaignConfiguration.custom().channel(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID);
        Fixtures.basic().accept(config);
        assertThatThrownBy(() ->
                        scenario.engine().create(SendLimits.SENDER_ONLY, "t", "p", CampaignKind.LIVE, config.build()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("reserved")
                .satisfies(e ->
                        assertThat(((InvalidArgumentException) e).argument()).isEqualTo("id"));
    }

    static List<RecordedSend> replies(CampaignScenario scenario) {
        return scenario.channel().sends().stream()
                .filter(send -> send.message().correlationId().startsWith("reply:"))
                .toList();
    }

    static List<RecordedSend> campaignSends(CampaignScenario scenario) {
        return scenario.channel().sends().stream()
                .filter(send -> !send.message().correlationId().startsWith("reply:"))
                .toList();
    }
}
