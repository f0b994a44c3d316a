package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.engine.ReplyWindowClosedException;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capability 6: replies reach the campaign's bot, in hours or queued; the bot answers; conversations close. */
class RepliesScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-01-05T09:00:00Z");
    private static final ActiveHours NINE_TO_SIX = ActiveHours.builder(ZoneOffset.UTC)
            .everyDay(LocalTime.of(9, 0), LocalTime.of(18, 0))
            .build();

    private final RecordingBot bot = new RecordingBot();

    private CampaignScenario scenario(ChannelCapabilities capabilities) {
        return CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .capabilities(capabilities)
                .bot(Fixtures.BOT, bot)
                .build();
    }

    private CampaignScenario scenario() {
        return CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bot)
                .build();
    }

    private List<String> textsSentTo(CampaignScenario scenario, String phone) {
        List<String> texts = new ArrayList<>();
        for (RecordedSend send : scenario.channel().sendsTo(phone)) {
            if (send.message().content() instanceof TextContent text) {
                texts.add(text.body());
            }
        }
        return texts;
    }

    @Test
    void aReplyReachesTheCampaignsBotWithItsContextAndTheBotAnswersOnTheSameChannel() {
        bot.answering((received, reply) ->
                reply.sendText("Gracias " + received.context().contact().name()));
        CampaignScenario scenario = scenario();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.schema(Fixtures.amountSchema())));
        scenario.launch(id, List.of(Fixtures.withAmount(Fixtures.contact(0), "1480.5")));
        scenario.runFor(Duration.ofSeconds(5));

        scenario.inbound(Fixtures.phone(0), "SI");
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(bot.received()).hasSize(1);
        var received = bot.received().get(0);
        assertThat(received.message().text()).contains("SI");
        assertThat(received.message().queued()).isFalse();
        assertThat(received.context().campaignId()).isEqualTo(id);
        assertThat(received.context().customData().normalized("MONTO")).contains("1480.5");
        assertThat(received.context().channel().senderId()).isEqualTo(CampaignScenario.SENDER_ID);
        assertThat(textsSentTo(scenario, Fixtures.phone(0))).containsExactly("Gracias Contact 0");
        assertThat(scenario.channel()
                        .sendsTo(Fixtures.phone(0))
                        .get(1)
                        .message()
                        .senderId())
                .isEqualTo(CampaignScenario.SENDER_ID);
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(scenario.metrics(id).replied()).isEqualTo(1);
        assertThat(scenario.metrics(id).repliedRate()).isEqualTo(1.0);
    }

    @Test
    void aDuplicatedWebhookReachesTheBotOnce() {
        CampaignScenario scenario = scenario();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        var message = io.campaignkit.channel.event.InboundMessage.builder(
                        "IN-1",
                        Fixtures.phone(0),
                        CampaignScenario.SENDER_ID,
                        scenario.clock().instant())
                .text("hola")
                .build();
        scenario.deliver(message);
        scenario.deliver(message);
        assertThat(bot.received()).hasSize(1);
    }

    @Test
    void freeFormRepliesOutsideTheCustomerServiceWindowGetAClearError() {
        List<Exception> errors = new ArrayList<>();
        bot.answering((received, reply) -> {
            try {
                reply.sendText("respuesta");
            } catch (ReplyWindowClosedException e) {
                errors.add(e);
            }
        });
        ChannelCapabilities oneHourWindow = ChannelCapabilities.custom()
                .maxMessagesPerSecond(80)
                .customerServiceWindow(Duration.ofHours(1))
                .build();
        CampaignScenario scenario = scenario(oneHourWindow);
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.activeHours(NINE_TO_SIX)));
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofHours(11)); // 20:00, closed
        scenario.inbound(Fixtures.phone(0), "hola"); // queued until 9:00, 13 hours later
        scenario.runFor(Duration.ofHours(14));

        assertThat(bot.received()).hasSize(1);
        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(((ReplyWindowClosedException) e).code())
                        .isEqualTo(ReplyWindowClosedException.CUSTOMER_SERVICE_WINDOW_CLOSED));
        assertThat(textsSentTo(scenario, Fixtures.phone(0))).isEmpty();
    }

    @Test
    void outsideHoursTheQueuePolicyKeepsMessagesAndHandsThemToTheBotAtTheOpeningInOrderOnce() {
        CampaignScenario scenario = scenario();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(c -> c.activeHours(NINE_TO_SIX)
                                .outOfHoursPolicy(OutOfHoursPolicy.queue().withAutoReply("Te respondemos a las 9"))));
        scenario.launch(id, Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofHours(11)); // Monday 20:00

        scenario.inbound(Fixtures.phone(0), "uno");
        scenario.inbound(Fixtures.phone(1), "otro");
        scenario.runFor(Duration.ofMinutes(5));
        scenario.inbound(Fixtures.phone(0), "dos");
        scenario.runFor(Duration.ofHours(2));
        assertThat(bot.received()).isEmpty();
        assertThat(scenario.store().countQueued(id)).isEqualTo(3);

        scenario.runUntil(Instant.parse("2026-01-06T09:00:01Z"));
        assertThat(bot.received())
                .extracting(r -> r.message().text().orElseThrow())
                .containsExactly("uno", "otro", "dos");
        assertThat(bot.received())
                .allSatisfy(r -> assertThat(r.message().queued()).isTrue());
        scenario.runFor(Duration.ofHours(2));
        assertThat(bot.received()).hasSize(3);
        // one automatic reply per conversation in the closed period
        assertThat(textsSentTo(scenario, Fixtures.phone(0))).containsExactly("Te respondemos a las 9");
        assertThat(textsSentTo(scenario, Fixtures.phone(1))).containsExactly("Te respondemos a las 9");

        scenario.runUntil(Instant.parse("2026-01-06T19:00:00Z")); // the next closed period
        scenario.inbound(Fixtures.phone(0), "tres");
        assertThat(textsSentTo(scenario, Fixtures.phone(0))).hasSize(2);
    }

    @Test
    void anInboundInHoursWaitsBehindQueuedOnesOfTheSameCampaign() {
        CampaignScenario scenario = scenario();
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.activeHours(NINE_TO_SIX)));
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofHours(11));
        scenario.inbound(Fixtures.phone(0), "noche");
        scenario.clock().advanceTo(Instant.parse("2026-01-06T09:00:00Z")); // hours open, the engine has not run yet
        scenario.inbound(Fixtures.phone(0), "mañana");
        assertThat(bot.received())
                .extracting(r -> r.message().text().orElseThrow())
                .containsExactly("noche", "mañana");
    }

    @Test
    void outsideHoursTheClosePolicyClosesTheConversationAndHandsTheMessageToTheHost() {
        List<io.campaignkit.core.engine.UnroutedMessage> unrouted = new ArrayList<>();
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bot)
                .engine(engine -> engine.unroutedMessages(new io.campaignkit.core.engine.UnroutedMessageHandler() {
                    @Override
                    public void onUnroutedMessage(
                            String channelId, io.campaignkit.channel.event.InboundMessage message) {
                        throw new AssertionError("the engine passes the reason");
                    }

                    @Override
                    public void onUnroutedMessage(io.campaignkit.core.engine.UnroutedMessage message) {
                        unrouted.add(message);
                    }
                }))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(c -> c.activeHours(NINE_TO_SIX)
                                .outOfHoursPolicy(OutOfHoursPolicy.close().withAutoReply("Cerrado"))));
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofHours(11));
        scenario.inbound(Fixtures.phone(0), "hola");
        scenario.runFor(Duration.ofHours(14));

        assertThat(bot.received()).isEmpty();
        assertThat(bot.closed())
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(Conversation.OUT_OF_HOURS));
        assertThat(textsSentTo(scenario, Fixtures.phone(0))).containsExactly("Cerrado");
        // issue 23: closing the conversation does not lose what the contact wrote
        assertThat(unrouted).singleElement().satisfies(m -> {
            assertThat(m.reason()).isEqualTo(io.campaignkit.core.engine.UnroutedMessage.Reason.OUT_OF_HOURS_CLOSED);
            assertThat(m.campaignId()).contains(id);
            assertThat(m.message().text()).contains("hola");
        });
    }

    @Test
    void aMessageFromAContactInNoActiveCampaignGoesToTheHostsFallback() {
        CampaignScenario scenario = scenario();
        scenario.inbound(Fixtures.phone(5), "¿quién es?");
        assertThat(scenario.unroutedMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("¿quién es?"));
        assertThat(bot.received()).isEmpty();
    }

    @Test
    void aConversationIdlePastTheTimeoutIsClosedForInactivity() {
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bot)
                .conversationIdleTimeout(Duration.ofMinutes(30))
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.inbound(Fixtures.phone(0), "hola");
        scenario.runFor(Duration.ofMinutes(29));
        assertThat(bot.closed()).isEmpty();
        scenario.runFor(Duration.ofMinutes(2));
        assertThat(bot.closed())
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(Conversation.INACTIVITY));
    }

    @Test
    void theBotRecordsFunnelStepsPerContactWithTimestamps() {
        bot.answering((received, reply) -> reply.reportStep("PAYMENT_PROMISED"));
        CampaignScenario scenario = scenario();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.inbound(Fixtures.phone(1), "pago mañana");

        assertThat(scenario.metrics(id).funnel()).containsEntry("PAYMENT_PROMISED", 1L);
        assertThat(scenario.store().funnelSteps(id, Fixtures.contact(1).phone()))
                .singleElement()
                .satisfies(
                        step -> assertThat(step.at()).isEqualTo(scenario.clock().instant()));
        var export = scenario.engine().export(id, -1, 10);
        assertThat(export).hasSize(2);
        assertThat(export.get(1).recipient().phone())
                .isEqualTo(Fixtures.contact(1).phone());
        assertThat(export.get(1).funnelSteps())
                .extracting(io.campaignkit.core.port.FunnelStep::step)
                .containsExactly("PAYMENT_PROMISED");
        assertThat(export.get(0).funnelSteps()).isEmpty();
    }
}
