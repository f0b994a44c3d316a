package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.UnroutedInbox;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a message for the host's unrouted-message handler (no campaign to route it to, not from a
 * phone) is stored before its webhook is answered, as a bot's reply is, so a process killed between the
 * webhook and the handler loses nothing: an engine on the same store hands it over once the dead one's
 * lease ran out, exactly once.
 */
class UnroutedMessageCrashTest {

    private static final Instant MONDAY_TEN = Instant.parse("2026-01-05T10:00:00Z");

    private final ManualClock clock = ManualClock.startingAt(MONDAY_TEN);
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final InMemoryContactDirectory directory = new InMemoryContactDirectory();
    private final RecordingBot bot = new RecordingBot();
    /** The killed process's host calls: never run. */
    private final ManualExecutor neverRun = new ManualExecutor();

    private final EngineProcess killed = new EngineProcess(
            "killed", store, channel, clock, directory, bot, null, DeliverySemantics.AT_MOST_ONCE, neverRun);
    private final EngineProcess survivor = new EngineProcess("survivor", store, channel, clock, directory, bot);

    @Test
    void aMessageForNoCampaignIsStoredBeforeTheHandlerRunsAndHandedOverOnceAfterItsProcessDied() {
        InboundMessage message = message("+525510000077", "in-1");

        killed.engine.applyEvents("simulated", List.of(message)); // marked handled; the handler's call never runs
        assertThat(neverRun.waiting()).isEqualTo(1);

        survivor.engine.applyEvents("simulated", List.of(message)); // the provider's retry is a duplicate
        survivor.engine.runDue(); // the dead process's lease still runs
        assertThat(survivor.unrouted).isEmpty();

        clock.advance(EngineProcess.LEASE.plusSeconds(1));
        survivor.engine.runDue();
        survivor.engine.runDue();

        assertThat(survivor.unrouted).singleElement().satisfies(got -> {
            assertThat(got.reason()).isEqualTo(UnroutedMessage.Reason.NO_ACTIVE_CAMPAIGN);
            assertThat(got.channelId()).isEqualTo("simulated");
            assertThat(got.message().providerMessageId()).isEqualTo("in-1");
            assertThat(got.message().from()).isEqualTo("+525510000077");
            assertThat(got.message().to()).isEqualTo("s");
            assertThat(got.message().text()).contains("hola");
        });
        assertThat(kept()).isZero();
    }

    @Test
    void aMessageNotFromAPhoneSurvivesItsProcessToo() {
        InboundMessage message = message("not-a-phone", "in-2");

        killed.engine.applyEvents("simulated", List.of(message));
        clock.advance(EngineProcess.LEASE.plusSeconds(1));
        survivor.engine.runDue();

        assertThat(survivor.unrouted)
                .extracting(UnroutedMessage::reason)
                .containsExactly(UnroutedMessage.Reason.NOT_A_PHONE);
    }

    @Test
    void aLiveProcessHandsTheMessageAsItCameAndKeepsNothingAfterwards() {
        InboundMessage message = message("+525510000077", "in-3");

        survivor.engine.applyEvents("simulated", List.of(message));
        survivor.engine.applyEvents("simulated", List.of(message)); // a redelivered webhook

        assertThat(survivor.unrouted).extracting(UnroutedMessage::message).containsExactly(message);
        clock.advance(EngineProcess.LEASE.plusSeconds(1));
        survivor.engine.runDue();
        assertThat(survivor.unrouted).hasSize(1);
        assertThat(kept()).isZero();
    }

    /** How many messages the store still keeps for the handler, seen from far ahead (after every lease ran out). */
    private int kept() {
        UnroutedInbox inbox = store.unroutedInbox().orElseThrow();
        Instant far = clock.instant().plus(EngineProcess.LEASE.multipliedBy(100));
        return inbox.claimUnrouted(new Lease("test-look", far.plusNanos(1)), 100, far)
                .size();
    }

    private InboundMessage message(String from, String id) {
        return InboundMessage.builder(id, from, "s", clock.instant())
                .text("hola")
                .build();
    }
}
