package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capability 7: finishing stops dispatch at once, closes conversations, releases contacts, and is final. */
class FinishScenarioTest {

    private final RecordingBot bot = new RecordingBot();

    @Test
    void finishingSkipsUnsentRecipientsClosesConversationsAndReleasesContacts() {
        CampaignScenario scenario = CampaignScenario.custom()
                .bot(Fixtures.BOT, bot)
                .defaultOutcome(Outcome.delivered(Duration.ofSeconds(1)).answeredAfter(Duration.ofMillis(500)))
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        scenario.launch(id, Fixtures.contacts(0, 10));
        scenario.runFor(Duration.ofMillis(2200)); // 3 sends, the third in flight
        scenario.inbound(Fixtures.phone(0), "hola");
        Instant finishedAt = scenario.clock().instant();

        var finishing = scenario.engine().finish(id);
        assertThat(finishing.isFinishing())
                .as("FINISHED once the send in flight is recorded")
                .isTrue();
        scenario.runFor(Duration.ofMinutes(1));

        var finished = scenario.campaign(id);
        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(finished.finishReason()).contains(FinishReason.BY_USER);
        assertThat(scenario.channel().sends())
                .hasSize(3)
                .allSatisfy(send -> assertThat(send.requestedAt()).isBefore(finishedAt));
        assertThat(scenario.recipient(id, Fixtures.phone(2)).state())
                .isEqualTo(DeliveryState.DELIVERED); // in flight, recorded
        assertThat(scenario.recipient(id, Fixtures.phone(5))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo(SkipReasons.CAMPAIGN_FINISHED);
        assertThat(scenario.metrics(id).skippedByReason()).containsEntry(SkipReasons.CAMPAIGN_FINISHED, 7L);
        assertThat(bot.closed())
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(Conversation.CAMPAIGN_FINISHED));
        assertThat(scenario.store().findOpenConversation(id, Fixtures.contact(0).phone()))
                .isEmpty();
        assertThat(scenario.store()
                        .engagedCampaign(
                                new io.campaignkit.core.campaign.SenderKey(
                                        CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                                Fixtures.contact(0).phone()))
                .isEmpty();

        scenario.inbound(Fixtures.phone(0), "¿sigue?");
        assertThat(bot.received()).hasSize(1);
        assertThat(scenario.unroutedMessages()).hasSize(1);
    }

    @Test
    void messagesQueuedForClosedHoursGoToTheFallbackInOrderWhenTheCampaignFinishesFirst() {
        ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-05T09:00:00Z")); // a Monday
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        RecordingBot queuedBot = new RecordingBot();
        EngineProcess process =
                new EngineProcess("one", store, channel, clock, new InMemoryContactDirectory(), queuedBot);
        ActiveHours nineToSix = ActiveHours.builder(ZoneOffset.UTC)
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                .build();
        CampaignId id = process.create(
                        "queued", c -> c.activeHours(nineToSix).outOfHoursPolicy(OutOfHoursPolicy.queue()))
                .id();
        process.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 2)));
        EngineProcess.runUntil(process.engine, channel, clock, Instant.parse("2026-01-05T20:00:00Z"));
        String[] texts = {"uno", "otro", "dos"};
        int[] from = {0, 1, 0};
        for (int i = 0; i < texts.length; i++) {
            process.engine.applyEvents(
                    "simulated",
                    List.of(InboundMessage.builder("in-" + i, Fixtures.phone(from[i]), "s", clock.instant())
                            .text(texts[i])
                            .build()));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(store.countQueued(id)).isEqualTo(3);

        process.engine.finish(id);

        assertThat(process.unrouted)
                .extracting(m -> m.message().text().orElseThrow())
                .containsExactly("uno", "otro", "dos");
        assertThat(process.unrouted).allSatisfy(m -> {
            assertThat(m.reason()).isEqualTo(UnroutedMessage.Reason.CAMPAIGN_FINISHED);
            assertThat(m.campaignId()).contains(id);
            assertThat(m.channelId()).isEqualTo("simulated");
            assertThat(m.message().to()).isEqualTo("s");
        });
        assertThat(process.unrouted)
                .extracting(m -> m.message().providerMessageId())
                .containsExactly("in-0", "in-1", "in-2");
        assertThat(process.unrouted)
                .extracting(m -> m.message().from())
                .containsExactly(Fixtures.phone(0), Fixtures.phone(1), Fixtures.phone(0));
        assertThat(process.cleanUps)
                .singleElement()
                .satisfies(c -> assertThat(c.queuedMessagesHandedOver()).isEqualTo(3));
        assertThat(store.countQueued(id)).isZero();
        EngineProcess.runUntil(process.engine, channel, clock, Instant.parse("2026-01-06T10:00:00Z"));
        assertThat(queuedBot.received())
                .as("the bot of a finished campaign gets nothing")
                .isEmpty();
        assertThat(process.unrouted).hasSize(3);
    }

    @Test
    void aFinishedCampaignIsFinal() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.engine().finish(id);

        assertThatThrownBy(() -> scenario.engine().finish(id))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("FINISHED");
        assertThatThrownBy(() -> scenario.engine().launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1))))
                .isInstanceOf(IllegalCampaignActionException.class);
        assertThatThrownBy(() -> scenario.engine().resume(id)).isInstanceOf(IllegalCampaignActionException.class);
    }

    @Test
    void anEndInstantFinishesTheCampaignByItself() {
        CampaignScenario scenario = Fixtures.scenario().build();
        Instant end = scenario.clock().instant().plusSeconds(5);
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(c -> c.deliveryPlan(DeliveryPlan.custom()
                                .pace(Pace.perSecond(1))
                                .endAt(end)
                                .build())));
        scenario.launch(id, Fixtures.contacts(0, 20));
        scenario.runFor(Duration.ofMinutes(1));

        var campaign = scenario.campaign(id);
        assertThat(campaign.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(campaign.finishReason()).contains(FinishReason.END_REACHED);
        assertThat(campaign.finishedAt()).contains(end);
        assertThat(scenario.channel().sends())
                .hasSize(5)
                .allSatisfy(send -> assertThat(send.requestedAt()).isBefore(end));
        assertThat(scenario.metrics(id).skipped()).isEqualTo(15);
    }

    @Test
    void anActiveCampaignIsDeletedOnlyAfterFinishing() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        assertThatThrownBy(() -> scenario.engine().delete(id)).isInstanceOf(IllegalCampaignActionException.class);
        scenario.engine().finish(id);
        scenario.engine().delete(id);
        assertThat(scenario.engine().find(id)).isEmpty();
    }
}
