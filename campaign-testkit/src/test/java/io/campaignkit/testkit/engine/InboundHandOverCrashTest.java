package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.HandOverInterruptedException;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a contact's reply reaches the bot once although the process handling it dies at the worst
 * moments: right after the webhook was marked handled (the provider's retry is then refused as a
 * duplicate, so the reply must already be stored), right after the hand-over to the bot began, and
 * after the bot had it but before that was recorded. A fresh engine on the same store takes over.
 */
class InboundHandOverCrashTest {

    private static final Instant MONDAY_TEN = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant MONDAY_EVENING = Instant.parse("2026-01-05T18:30:00Z");
    private static final Instant TUESDAY_NINE = Instant.parse("2026-01-06T09:00:00Z");

    private final ManualClock clock = ManualClock.startingAt(MONDAY_TEN);
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final InMemoryContactDirectory directory = new InMemoryContactDirectory();
    private final RecordingBot bot = new RecordingBot();
    private EngineProcess crashing;
    private EngineProcess survivor;

    private void launch(DeliverySemantics semantics) {
        crashing = new EngineProcess("crashing", store, channel, clock, directory, bot, null, semantics);
        survivor = new EngineProcess("survivor", store, channel, clock, directory, bot, null, semantics);
        ActiveHours nineToSix = ActiveHours.builder(ZoneOffset.UTC)
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                .build();
        CampaignId id = crashing.create("c", c -> c.activeHours(nineToSix).outOfHoursPolicy(OutOfHoursPolicy.queue()))
                .id();
        crashing.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 3)));
        EngineProcess.runUntil(crashing.engine, channel, clock, MONDAY_TEN.plusSeconds(30));
    }

    @Test
    void aProcessKilledRightAfterMarkingTheWebhookHandledLosesNoReply() {
        launch(DeliverySemantics.AT_MOST_ONCE);
        crashing.store.crashAfter("eventHandledBefore", InboundHandOverCrashTest::marksAWebhook, 1);
        InboundMessage reply = reply(0, "hola");

        assertThatThrownBy(() -> crashing.engine.applyEvents("simulated", List.of(reply)))
                .as("the webhook is not answered")
                .isInstanceOf(CrashingStore.Crash.class);
        survivor.engine.applyEvents("simulated", List.of(reply)); // the provider's retry, to the process that lives
        EngineProcess.runUntil(
                survivor.engine,
                channel,
                clock,
                clock.instant().plus(EngineProcess.LEASE).plusSeconds(1));

        assertThat(bot.received()).extracting(r -> r.message().messageId()).containsExactly(reply.providerMessageId());
    }

    @Test
    void aReplyQueuedOutOfHoursByAProcessKilledRightAfterTheMarkReachesTheBotWhenHoursOpen() {
        launch(DeliverySemantics.AT_MOST_ONCE);
        clock.set(MONDAY_EVENING);
        crashing.store.crashAfter("eventHandledBefore", InboundHandOverCrashTest::marksAWebhook, 1);
        InboundMessage reply = reply(1, "mañana");

        assertThatThrownBy(() -> crashing.engine.applyEvents("simulated", List.of(reply)))
                .isInstanceOf(CrashingStore.Crash.class);
        survivor.engine.applyEvents("simulated", List.of(reply));
        assertThat(bot.received()).isEmpty();
        EngineProcess.runUntil(survivor.engine, channel, clock, TUESDAY_NINE.plusSeconds(1));

        assertThat(bot.received()).singleElement().satisfies(received -> {
            assertThat(received.message().messageId()).isEqualTo(reply.providerMessageId());
            assertThat(received.message().queued()).isTrue();
        });
    }

    @Test
    void aHandOverInterruptedAfterItBeganIsNotRepeatedAtMostOnceAndTheListenerIsTold() {
        launch(DeliverySemantics.AT_MOST_ONCE);
        crashing.store.crashAfter("eventHandledBefore", InboundHandOverCrashTest::beginsAHandOver, 1);
        InboundMessage reply = reply(2, "hola");

        crashing.engine.applyEvents("simulated", List.of(reply)); // answered: the reply was stored
        assertThat(crashing.store.crashed()).isTrue();
        survivor.engine.applyEvents("simulated", List.of(reply)); // a late duplicate changes nothing
        EngineProcess.runUntil(
                survivor.engine,
                channel,
                clock,
                clock.instant().plus(EngineProcess.LEASE).plusSeconds(1));

        assertThat(bot.received()).as("the bot may have had it: not again").isEmpty();
        assertThat(survivor.listener.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo(EngineFailure.HAND_OVER_INTERRUPTED);
            assertThat(failure.campaignId()).contains(CampaignId.of("c"));
            assertThat(failure.error())
                    .isInstanceOfSatisfying(
                            HandOverInterruptedException.class,
                            interrupted -> assertThat(interrupted.messageId()).isEqualTo(reply.providerMessageId()));
        });
        assertThat(store.countQueued(CampaignId.of("c"))).isZero();
    }

    @Test
    void aHandOverInterruptedAfterItBeganIsRepeatedAtLeastOnce() {
        launch(DeliverySemantics.AT_LEAST_ONCE);
        crashing.store.crashAfter("eventHandledBefore", InboundHandOverCrashTest::beginsAHandOver, 1);
        InboundMessage reply = reply(2, "hola");

        crashing.engine.applyEvents("simulated", List.of(reply));
        EngineProcess.runUntil(
                survivor.engine,
                channel,
                clock,
                clock.instant().plus(EngineProcess.LEASE).plusSeconds(1));

        assertThat(bot.received()).extracting(r -> r.message().messageId()).containsExactly(reply.providerMessageId());
        assertThat(survivor.listener.failures()).isEmpty();
    }

    @Test
    void theBotSeesAReplyOnceWhenItsProcessDiedBeforeAcknowledgingIt() {
        launch(DeliverySemantics.AT_MOST_ONCE);
        crashing.store.crashAt("acknowledgeQueued", 1);
        InboundMessage reply = reply(0, "hola");

        crashing.engine.applyEvents("simulated", List.of(reply));
        assertThat(bot.received()).hasSize(1);
        EngineProcess.runUntil(
                survivor.engine,
                channel,
                clock,
                clock.instant().plus(EngineProcess.LEASE).plusSeconds(1));

        assertThat(bot.received())
                .as("not handed again by the engine that took over")
                .hasSize(1);
        assertThat(store.countQueued(CampaignId.of("c"))).isZero();
    }

    @Test
    void anEngineThatOutlivedItsLeaseLeavesTheMessageToTheEngineThatTookItOver() {
        ManualExecutor held = new ManualExecutor();
        launch(DeliverySemantics.AT_LEAST_ONCE);
        EngineProcess slow = new EngineProcess(
                "slow", store, channel, clock, directory, bot, null, DeliverySemantics.AT_LEAST_ONCE, held);
        InboundMessage reply = reply(1, "hola");

        slow.engine.applyEvents("simulated", List.of(reply)); // claimed; its bot call waits on the executor
        clock.advance(EngineProcess.LEASE.plusSeconds(1));
        survivor.engine.runDue(); // the lease ran out: taken over and handed
        held.runAll(); // the slow engine's call runs at last

        assertThat(bot.received()).extracting(r -> r.message().messageId()).containsExactly(reply.providerMessageId());
        assertThat(slow.listener.failures()).isEmpty();
    }

    private InboundMessage reply(int contact, String text) {
        return InboundMessage.builder(
                        "in-" + contact + "-" + text + "-" + clock.instant().toEpochMilli(),
                        Fixtures.phone(contact),
                        "s",
                        clock.instant())
                .text(text)
                .build();
    }

    private static boolean marksAWebhook(Object[] args) {
        return ((String) args[0]).startsWith("simulated|") && ((Optional<?>) args[1]).isPresent();
    }

    private static boolean beginsAHandOver(Object[] args) {
        return ((String) args[0]).startsWith("inbound-hand-over:") && ((Optional<?>) args[1]).isPresent();
    }
}
