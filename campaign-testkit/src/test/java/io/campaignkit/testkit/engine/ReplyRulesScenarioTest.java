package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 23: a contact's reply is about the conversation; the recipient's state is about the campaign's message. */
class ReplyRulesScenarioTest {

    private final RecordingBot bot = new RecordingBot();

    @Test
    void aReplyFromAContactWhoseMessageFailedReachesTheBotAndLeavesTheFailure() {
        CampaignScenario scenario =
                CampaignScenario.custom().bot(Fixtures.BOT, bot).build();
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(2));
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.FAILED);

        scenario.channel().scheduleInbound(Fixtures.phone(0), CampaignScenario.SENDER_ID, "hola?", Duration.ZERO);
        scenario.runFor(Duration.ofSeconds(1));
        scenario.channel().deliverDueEvents();
        scenario.runFor(Duration.ofSeconds(1));

        Recipient recipient = scenario.recipient(id, Fixtures.phone(0));
        assertThat(recipient.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(recipient.outcome().map(o -> o.code())).contains(SendErrorClass.RECIPIENT_PERMANENT.name());
        assertThat(List.of(recipient.sentAt(), recipient.deliveredAt(), recipient.readAt(), recipient.repliedAt()))
                .containsOnly(Optional.empty());
        CampaignMetrics metrics = scenario.metrics(id);
        assertThat(List.of(metrics.failed(), metrics.replied(), metrics.sent(), metrics.delivered(), metrics.read()))
                .containsExactly(1L, 0L, 0L, 0L, 0L);
        assertThat(bot.received())
                .as("the contact is engaged: the bot still gets the reply")
                .hasSize(1);
    }

    @Test
    void theStatesAddUpToTheAudienceAndReadMeansReadOrAnswered() {
        CampaignScenario scenario = CampaignScenario.custom()
                .bot(Fixtures.BOT, bot)
                .defaultOutcome(Outcome.accepted())
                .build();
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        scenario.channel()
                .scriptNumber(
                        Fixtures.phone(1),
                        Outcome.accepted()
                                .sentAfter(Duration.ZERO)
                                .failsAfter(Duration.ofSeconds(2), SendErrorClass.RECIPIENT_PERMANENT));
        scenario.channel().scriptNumber(Fixtures.phone(3), Outcome.failing(SendErrorClass.UNKNOWN_OUTCOME));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 5));
        scenario.runFor(Duration.ofSeconds(10));
        scenario.inbound(Fixtures.phone(2), "SI"); // accepted, never reported delivered nor read
        scenario.inbound(Fixtures.phone(3), "SI"); // after an UNKNOWN outcome
        scenario.runFor(Duration.ofSeconds(2));

        CampaignMetrics m = scenario.metrics(id);
        assertThat(List.of(m.audience(), m.failed(), m.sent(), m.sentOrBetter(), m.replied(), m.delivered(), m.read()))
                .containsExactly(5L, 2L, 3L, 3L, 2L, 1L, 1L);
        assertThat(m.pending() + m.sending() + m.sentOrBetter() + m.failed() + m.unknown() + m.skipped())
                .isEqualTo(m.audience());
        Recipient failedAfterAcceptance = scenario.recipient(id, Fixtures.phone(1));
        assertThat(failedAfterAcceptance.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failedAfterAcceptance.sentAt())
                .as("in sent and in failed: sent is a funnel figure")
                .isPresent();
        Recipient unconfirmed = scenario.recipient(id, Fixtures.phone(3));
        assertThat(unconfirmed.state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(unconfirmed.sentAt()).isEmpty();
    }

    @Test
    void aRateLimitedAnswerGivesItsAttemptBackAsTheAttemptsDocumentSays() {
        CampaignScenario scenario =
                CampaignScenario.custom().bot(Fixtures.BOT, bot).build();
        scenario.channel()
                .scriptNextSend(Outcome.failing(
                        Outcome.simulatedFailure(SendErrorClass.RATE_LIMITED).withRetryAfter(Duration.ofSeconds(3))));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(10));

        assertThat(scenario.channel().sendsTo(Fixtures.phone(0))).hasSize(2);
        Recipient recipient = scenario.recipient(id, Fixtures.phone(0));
        assertThat(recipient.state().isAtLeastSent()).isTrue();
        assertThat(recipient.attempts())
                .as("two channel calls, one counted against the retries")
                .isEqualTo(1);
    }

    @Test
    void aMessageQueuedPastTheWindowReachesTheBotInANewConversationWhoseWindowHasClosed() {
        List<String> refusals = new java.util.ArrayList<>();
        bot.answering((received, reply) -> {
            try {
                reply.sendText("respuesta");
            } catch (io.campaignkit.core.engine.ReplyWindowClosedException e) {
                refusals.add(e.code());
            }
        });
        // the defaults: 24 h idle timeout, QUEUE; WhatsApp's 24 h window
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(java.time.Instant.parse("2026-01-09T09:00:00Z"))
                .capabilities(io.campaignkit.channel.ChannelCapabilities.custom()
                        .maxMessagesPerSecond(80)
                        .customerServiceWindow(Duration.ofHours(24))
                        .build())
                .bot(Fixtures.BOT, bot)
                .build();
        io.campaignkit.core.hours.ActiveHours weekdays = io.campaignkit.core.hours.ActiveHours.builder(
                        java.time.ZoneOffset.UTC)
                .on(
                        java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                        java.time.LocalTime.of(9, 0),
                        java.time.LocalTime.of(18, 0))
                .build();
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.activeHours(weekdays)));
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofHours(10)); // Friday 19:00, closed until Monday 9:00
        scenario.inbound(Fixtures.phone(0), "hola");
        scenario.runUntil(java.time.Instant.parse("2026-01-12T09:00:05Z"));

        assertThat(bot.received()).singleElement().satisfies(r -> {
            assertThat(r.message().queued()).isTrue();
            assertThat(r.context().conversationId())
                    .as("its conversation closed for inactivity on Saturday")
                    .isNotEqualTo(bot.closed().get(0).context().conversationId());
        });
        assertThat(refusals)
                .containsExactly(io.campaignkit.core.engine.ReplyWindowClosedException.CUSTOMER_SERVICE_WINDOW_CLOSED);
        assertThat(scenario.channel().sendsTo(Fixtures.phone(0))).hasSize(1); // the campaign's message only
    }

    @Test
    void aReplyWhileTheFirstMessageIsUnansweredLeavesItSendingAndATransientFailureIsStillRetried() {
        io.campaignkit.testkit.time.ManualClock clock =
                io.campaignkit.testkit.time.ManualClock.startingAt(java.time.Instant.parse("2026-01-05T09:00:00Z"));
        io.campaignkit.testkit.store.InMemoryCampaignStore store =
                new io.campaignkit.testkit.store.InMemoryCampaignStore();
        HeldChannel channel = new HeldChannel();
        io.campaignkit.core.engine.CampaignEngine engine = io.campaignkit.core.engine.CampaignEngine.builder()
                .botFlows(io.campaignkit.core.port.BotFlowRegistry.of(java.util.Map.of(Fixtures.BOT, bot)))
                .store(store)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .build();
        io.campaignkit.core.campaign.CampaignConfiguration.Builder config =
                io.campaignkit.core.campaign.CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic().accept(config);
        CampaignId id = CampaignId.of("in-flight");
        engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
        engine.launch(id, io.campaignkit.core.engine.LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        engine.runDue();
        var key = new io.campaignkit.core.port.RecipientKey(
                id, io.campaignkit.core.contact.PhoneNumber.parse(Fixtures.phone(0)));
        assertThat(store.findRecipient(key).orElseThrow().state()).isEqualTo(DeliveryState.SENDING);

        engine.applyEvents(
                "simulated",
                List.of(io.campaignkit.channel.event.InboundMessage.builder(
                                "in-1", Fixtures.phone(0), "s", clock.instant())
                        .text("¿qué es esto?")
                        .build()));
        assertThat(bot.received()).hasSize(1);
        assertThat(store.findRecipient(key).orElseThrow().state())
                .as("the answer is still to come")
                .isEqualTo(DeliveryState.SENDING);

        channel.fail(0, SendErrorClass.TRANSIENT);
        assertThat(store.findRecipient(key).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
        clock.advance(Duration.ofMinutes(10));
        engine.runDue();
        assertThat(channel.sent).as("the campaign's message is sent again").hasSize(2);
        channel.accept(1);
        Recipient sent = store.findRecipient(key).orElseThrow();
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.repliedAt())
                .as("the reply came before the message was accepted")
                .isEmpty();
    }
}
