package io.campaignkit.channel.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.ChannelSettings;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SimulatedChannelTest {

    private static final String SENDER = "PNID-1";
    private static final String ANA = "+525500000001";
    private static final String BETO = "+525500000002";

    private final TestClock clock = TestClock.ofDefaults();
    private final Instant t0 = clock.instant();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);

    @Test
    void recordsEverySendAndAcceptsWithTheDefaultOutcome() {
        SendReceipt receipt = send(ANA, "r1").join();

        assertThat(receipt.providerMessageId()).isEqualTo("SIM-000001");
        assertThat(receipt.acceptedAt()).isEqualTo(t0);
        assertThat(channel.sends()).singleElement().satisfies(send -> {
            assertThat(send.message().correlationId()).isEqualTo("r1");
            assertThat(send.requestedAt()).isEqualTo(t0);
            assertThat(send.providerMessageId()).contains("SIM-000001");
        });
    }

    @Test
    void eventsAreReleasedOnlyWhenTheClockReachesThem() {
        send(ANA, "r1").join();

        List<ChannelEvent> atOnce = channel.deliverDueEvents();
        List<ChannelEvent> tooEarly = new ArrayList<>(atOnce);
        clock.advance(Duration.ofMillis(999));
        tooEarly.addAll(channel.deliverDueEvents());
        clock.advance(Duration.ofMillis(1));
        List<ChannelEvent> later = channel.deliverDueEvents();

        assertThat(statuses(tooEarly)).containsExactly(DeliveryStatus.SENT);
        assertThat(statuses(later)).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(((StatusUpdate) later.get(0)).timestamp()).isEqualTo(t0.plusSeconds(1));
        assertThat(((StatusUpdate) later.get(0)).correlationId()).contains("r1");
        assertThat(channel.pendingCount()).isZero();
    }

    @Test
    void eventsTravelAsSignedWebhooksThroughItsOwnVerification() {
        send(ANA, "r1").join();
        channel.deliverDueEvents();

        DeliveredWebhook delivered = channel.webhookLog().get(0);

        assertThat(delivered.request().header(SimulatedChannel.SIGNATURE_HEADER))
                .get()
                .asString()
                .startsWith("sha256=");
        assertThat(delivered.result().status()).isEqualTo(200);
        WebhookRequest forged =
                delivered.request().withBody((delivered.request().bodyAsString() + "&status=READ").getBytes());
        assertThat(channel.handleWebhook(forged).status()).isEqualTo(401);
    }

    @Test
    void scriptedNumbersFailWithTheirClassAndNextSendScriptsWinOverNumbers() {
        channel.scriptNumber(ANA, Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        channel.scriptNextSend(Outcome.accepted());

        CompletableFuture<SendReceipt> first = send(ANA, "r1");
        CompletableFuture<SendReceipt> second = send(ANA, "r2");
        CompletableFuture<SendReceipt> toBeto = send(BETO, "r3");

        assertThat(first).isCompleted().isNotCompletedExceptionally();
        assertThat(ChannelSendException.find(catchThrowable(second::join)))
                .get()
                .satisfies(failure -> {
                    assertThat(failure.errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
                    assertThat(failure.failure().providerCode()).contains("SIM-RECIPIENT_PERMANENT");
                });
        assertThat(toBeto.join().providerMessageId()).isEqualTo("SIM-000003");
        assertThat(channel.sendsTo(ANA)).hasSize(2);
        assertThat(channel.sends().get(1).providerMessageId()).isEmpty();
    }

    @Test
    void rateLimitedFailuresCarryARetryAfter() {
        channel.scriptNextSend(Outcome.failing(SendErrorClass.RATE_LIMITED));

        ChannelSendException failure =
                ChannelSendException.find(catchThrowable(send(ANA, "r1")::join)).orElseThrow();

        assertThat(failure.failure().retryAfter()).contains(Duration.ofSeconds(1));
    }

    @Test
    void aDelayedAnswerCompletesOnlyWhenItsTimeIsReleased() {
        channel.scriptNextSend(
                Outcome.accepted().answeredAfter(Duration.ofSeconds(5)).deliveredAfter(Duration.ofSeconds(1)));

        CompletableFuture<SendReceipt> answer = send(ANA, "r1");
        clock.advance(Duration.ofSeconds(4));
        channel.deliverDueEvents();
        boolean doneEarly = answer.isDone();
        clock.advance(Duration.ofSeconds(2));
        List<ChannelEvent> events = channel.deliverDueEvents();

        assertThat(doneEarly).isFalse();
        assertThat(answer).isCompleted();
        assertThat(answer.join().acceptedAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(statuses(events)).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(events.get(0).timestamp()).isEqualTo(t0.plusSeconds(6));
        assertThat(channel.nextDueInstant()).isEmpty();
    }

    @Test
    void readAndReplyFollowTheScriptedTimeline() {
        channel.scriptNumber(
                ANA,
                Outcome.delivered(Duration.ofSeconds(2))
                        .readAfter(Duration.ofMinutes(1))
                        .repliesAfter(Duration.ofMinutes(2), "SI"));
        String id = send(ANA, "r1").join().providerMessageId();

        clock.advance(Duration.ofMinutes(5));
        List<ChannelEvent> events = channel.deliverDueEvents();

        assertThat(statuses(events))
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        InboundMessage reply = (InboundMessage) events.get(3);
        assertThat(reply.from()).isEqualTo(ANA);
        assertThat(reply.to()).isEqualTo(SENDER);
        assertThat(reply.text()).contains("SI");
        assertThat(reply.replyToProviderMessageId()).contains(id);
        assertThat(reply.timestamp()).isEqualTo(t0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void duplicatedStatusEventsArriveTwice() {
        channel.scriptNextSend(Outcome.delivered(Duration.ofSeconds(1)).withDuplicateStatusEvents());
        send(ANA, "r1").join();

        clock.advance(Duration.ofSeconds(1));
        List<ChannelEvent> events = channel.deliverDueEvents();

        assertThat(statuses(events))
                .containsExactly(
                        DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED);
        assertThat(events.get(2)).isEqualTo(events.get(3));
    }

    @Test
    void reorderedStatusEventsArriveLastFirstButKeepTheirOwnTimes() {
        channel.scriptNextSend(Outcome.delivered(Duration.ofSeconds(1))
                .readAfter(Duration.ofSeconds(2))
                .withReorderedStatusEvents());
        send(ANA, "r1").join();

        clock.advance(Duration.ofSeconds(2));
        List<ChannelEvent> events = channel.deliverDueEvents();

        assertThat(statuses(events))
                .containsExactly(DeliveryStatus.READ, DeliveryStatus.DELIVERED, DeliveryStatus.SENT);
        assertThat(events.get(0).timestamp()).isEqualTo(t0.plusSeconds(2));
        assertThat(events.get(2).timestamp()).isEqualTo(t0);
    }

    @Test
    void asynchronousFailuresArriveAsFailedStatusesWithTheirClass() {
        channel.scriptNextSend(Outcome.accepted()
                .sentAfter(Duration.ZERO)
                .failsAfter(Duration.ofSeconds(3), SendErrorClass.RECIPIENT_PERMANENT));
        send(ANA, "r1").join();

        clock.advance(Duration.ofSeconds(3));
        List<ChannelEvent> events = channel.deliverDueEvents();

        StatusUpdate failed = (StatusUpdate) events.get(1);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failure())
                .get()
                .extracting(f -> f.errorClass())
                .isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
        assertThatThrownBy(() -> Outcome.failing(SendErrorClass.TRANSIENT).readAfter(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSeededMixIsRepeatableAndFollowsItsWeights() {
        OutcomeMix mix = OutcomeMix.seeded(42)
                .with(80, Outcome.accepted())
                .with(20, Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        SimulatedChannel first = SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                .clock(clock)
                .outcomeMix(mix)
                .build());
        SimulatedChannel second = SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                .clock(clock)
                .outcomeMix(mix)
                .build());

        List<Boolean> firstRun = acceptedFlags(first, 500);
        List<Boolean> secondRun = acceptedFlags(second, 500);

        assertThat(firstRun).isEqualTo(secondRun);
        assertThat(firstRun.stream().filter(accepted -> !accepted).count()).isBetween(70L, 130L);
        assertThatThrownBy(() -> OutcomeMix.seeded(1).draw(new java.util.Random(1)))
                .hasMessageContaining("empty");
    }

    @Test
    void advanceUntilIdleWalksTheClockThroughEveryPendingEvent() {
        channel.scriptNumber(
                ANA,
                Outcome.delivered(Duration.ofSeconds(2))
                        .readAfter(Duration.ofHours(3))
                        .repliesAfter(Duration.ofDays(1), "SI"));
        send(ANA, "r1").join();

        List<ChannelEvent> events = channel.advanceUntilIdle();

        assertThat(events).hasSize(4);
        assertThat(clock.instant()).isEqualTo(t0.plus(Duration.ofDays(1)));
        assertThat(channel.pendingCount()).isZero();
        assertThatThrownBy(() -> SimulatedChannel.withClock(Clock.systemUTC()).advanceUntilIdle())
                .hasMessageContaining("TimeControl");
    }

    @Test
    void canDeliverEveryTimeItsClockMoves() {
        SimulatedChannel automatic = SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                .clock(clock)
                .deliverOnClockAdvance(true)
                .build());
        automatic
                .send(new OutboundMessage(ANA, SENDER, "r1", TextContent.of("hola")))
                .toCompletableFuture()
                .join();

        clock.advance(Duration.ofSeconds(1));

        assertThat(automatic.webhookLog()).hasSize(2);
        automatic.close();
        assertThatThrownBy(() -> SimulatedChannelConfiguration.custom()
                        .deliverOnClockAdvance(true)
                        .build())
                .hasMessageContaining("TimeControl");
    }

    @Test
    void deliversToAnotherEndpointSuchAsTheHostsWebhookEntryPoint() {
        List<WebhookRequest> received = new ArrayList<>();
        channel.deliverWebhooksTo(request -> {
            received.add(request);
            return channel.handleWebhook(request);
        });
        channel.scheduleInbound(ANA, SENDER, "hola", Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        List<ChannelEvent> events = channel.deliverDueEvents();

        assertThat(received).hasSize(1);
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundMessage.class,
                        inbound -> assertThat(inbound.text()).contains("hola"));
    }

    @Test
    void refusesContentItsCapabilitiesDoNotAllowWithoutConsumingTheScript() {
        SimulatedChannel templatesOnly = SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                .clock(clock)
                .capabilities(ChannelCapabilities.custom().freeFormText(false).build())
                .build());
        templatesOnly.scriptNextSend(Outcome.failing(SendErrorClass.AUTHENTICATION));

        Throwable refused = catchThrowable(templatesOnly
                .send(new OutboundMessage(ANA, SENDER, "r1", TextContent.of("hi")))
                .toCompletableFuture()::join);
        Throwable scripted = catchThrowable(templatesOnly
                .send(new OutboundMessage(ANA, SENDER, "r2", TemplateContent.of("promo", "es", List.of())))
                .toCompletableFuture()::join);

        assertThat(ChannelSendException.find(refused).orElseThrow().errorClass())
                .isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        assertThat(ChannelSendException.find(scripted).orElseThrow().errorClass())
                .isEqualTo(SendErrorClass.AUTHENTICATION);
    }

    @Test
    void isDiscoveredAndCreatedFromSettings() {
        ChannelAdapter adapter = ChannelRegistry.withDiscoveredProviders()
                .resolve("simulated", ChannelSettings.of(Map.of("delivered-after", "PT3S")));

        assertThat(adapter).isInstanceOf(SimulatedChannel.class);
        assertThat(adapter.id()).isEqualTo("simulated");
        assertThatThrownBy(() -> new SimulatedChannelProvider()
                        .configurationFrom(ChannelSettings.of(Map.of("delivered-after", "soon"))))
                .hasMessageContaining("delivered-after");
    }

    @Test
    void closedChannelsRefuseSendsAsTransient() {
        channel.close();

        Throwable failure = catchThrowable(send(ANA, "r1")::join);

        assertThat(ChannelSendException.find(failure).orElseThrow().errorClass())
                .isEqualTo(SendErrorClass.TRANSIENT);
    }

    @Test
    void webhookAnswersGetForbiddenMethodsAndMalformedBodies() {
        WebhookResult get = channel.handleWebhook(WebhookRequest.get(
                SimulatedChannelConfiguration.DEFAULT_WEBHOOK_URL,
                io.campaignkit.channel.webhook.WebhookHeaders.none()));
        WebhookResult missingField =
                channel.handleWebhook(channel.signedWebhook("event=status&status=READ&timestamp=1"));
        WebhookResult badNumber =
                channel.handleWebhook(channel.signedWebhook("event=inbound&message-id=a&from=b&to=c&timestamp=soon"));
        WebhookResult unknownStatus =
                channel.handleWebhook(channel.signedWebhook("event=status&message-id=a&status=DELETED&timestamp=1"));

        assertThat(get.status()).isEqualTo(405);
        assertThat(missingField.status()).isEqualTo(400);
        assertThat(missingField.body()).contains("message-id");
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(unknownStatus.status()).isEqualTo(200);
        assertThat(unknownStatus.events()).isEmpty();
    }

    @Test
    void twoChannelsGiveDifferentIdsToTheirSendsAndInboundMessagesAsProvidersDo() {
        SimulatedChannel sms = SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                .id("sim-sms")
                .clock(clock)
                .build());

        String smsId = sms.send(new OutboundMessage(ANA, SENDER, "r1", TextContent.of("Hola")))
                .toCompletableFuture()
                .join()
                .providerMessageId();
        String defaultId = send(ANA, "r1").join().providerMessageId();
        String smsInbound = sms.scheduleInbound(ANA, SENDER, "hola", Duration.ZERO);
        String defaultInbound = channel.scheduleInbound(ANA, SENDER, "hola", Duration.ZERO);

        assertThat(defaultId).isEqualTo("SIM-000001");
        assertThat(smsId).isEqualTo("SIM-SIM-SMS-000001");
        // an engine deduplicates webhooks by the provider's id: the same id on two channels would drop a reply
        assertThat(defaultInbound).isEqualTo("SIM-IN-000001");
        assertThat(smsInbound).isEqualTo("SIM-SIM-SMS-IN-000001");
    }

    private CompletableFuture<SendReceipt> send(String recipient, String correlationId) {
        return channel.send(new OutboundMessage(
                        recipient, SENDER, correlationId, TemplateContent.of("promo", "es_MX", List.of("Ana"))))
                .toCompletableFuture();
    }

    private List<Boolean> acceptedFlags(SimulatedChannel target, int count) {
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CompletableFuture<SendReceipt> answer = target.send(
                            new OutboundMessage(ANA, SENDER, "r" + i, TextContent.of("x")))
                    .toCompletableFuture();
            flags.add(!answer.isCompletedExceptionally());
        }
        return flags;
    }

    private static List<DeliveryStatus> statuses(List<ChannelEvent> events) {
        return events.stream()
                .filter(StatusUpdate.class::isInstance)
                .map(event -> ((StatusUpdate) event).status())
                .toList();
    }
}
