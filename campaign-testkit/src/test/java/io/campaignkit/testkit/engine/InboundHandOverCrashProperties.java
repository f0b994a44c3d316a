package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 19 at every crash point: the process handling a campaign's replies dies at any call of the
 * store, before the call or right after it took effect, while replies come in during the hours and
 * outside them (queued) and while the queue is handed to the bot at the opening. The provider posts
 * again every webhook that was not answered, to the process that lives, and later posts every webhook
 * once more. Every reply reaches the bot once, in each contact's order; the only exception is the one
 * the engine cannot know about, a process that died between beginning a hand-over and recording it
 * done, and then the delivery semantics decide: at most once, the bot had it or the listener is told;
 * at least once, the bot has it, twice only if the dead process had already called it.
 */
class InboundHandOverCrashProperties {

    private static final String CHANNEL = "simulated";
    private static final Instant MONDAY_TEN = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant MONDAY_EVENING = Instant.parse("2026-01-05T18:30:00Z");
    private static final Instant TUESDAY_NINE = Instant.parse("2026-01-06T09:00:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("c");

    // jqwik runs every try on one instance: each try builds its own world
    private ManualClock clock;
    private RecordingBot bot;
    private EngineProcess crashing;
    private EngineProcess survivor;
    private InMemoryCampaignStore store;

    @Provide
    Arbitrary<String> inboundCalls() {
        return Arbitraries.of(
                "eventHandledBefore",
                "engagedCampaign",
                "find",
                "apply",
                "openOrContinue",
                "enqueueInbound",
                "claimQueued",
                "acknowledgeQueued",
                "queuedInbound",
                "findConversation",
                "changeConversation",
                "findRecipient",
                "countQueued");
    }

    @Property(tries = 300)
    void everyReplyReachesTheBotOnceWhereverItsProcessDies(
            @ForAll("inboundCalls") String call,
            @ForAll @IntRange(min = 1, max = 8) int nth,
            @ForAll boolean afterTheCall,
            @ForAll DeliverySemantics semantics) {
        newWorld(semantics);
        if (afterTheCall) {
            crashing.store.crashAfter(call, args -> true, nth);
        } else {
            crashing.store.crashAt(call, nth);
        }

        Map<String, Integer> arrival = new LinkedHashMap<>();
        List<InboundMessage> posted = new ArrayList<>();
        clock.set(MONDAY_TEN.plusSeconds(60));
        for (int[] reply : new int[][] {{0, 1}, {1, 2}, {0, 3}}) {
            posted.add(post(reply[0], reply[1], arrival));
        }
        run(MONDAY_TEN.plusSeconds(600));
        clock.set(MONDAY_EVENING);
        for (int[] reply : new int[][] {{2, 4}, {0, 5}, {2, 6}}) {
            posted.add(post(reply[0], reply[1], arrival));
        }
        run(TUESDAY_NINE.plus(EngineProcess.LEASE.multipliedBy(3)));
        posted.forEach(late -> survivor.engine.applyEvents(CHANNEL, List.of(late))); // the provider's late duplicates
        run(clock.instant().plus(EngineProcess.LEASE.multipliedBy(3)));

        Map<String, Long> handed = bot.received().stream()
                .collect(Collectors.groupingBy(r -> r.message().messageId(), Collectors.counting()));
        Map<String, Long> interrupted = Stream.concat(
                        crashing.listener.failures().stream(), survivor.listener.failures().stream())
                .filter(f -> f.source().equals(EngineFailure.HAND_OVER_INTERRUPTED))
                .map(f -> ((HandOverInterruptedException) f.error()).messageId())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        boolean duringAHandOver = crashing.store.crashed()
                && (call.equals("eventHandledBefore")
                        || call.equals("acknowledgeQueued")
                        || call.equals("queuedInbound"));
        for (String id : arrival.keySet()) {
            long toBot = handed.getOrDefault(id, 0L);
            long told = interrupted.getOrDefault(id, 0L);
            String described = String.format(
                    "reply %s, crash %s %s #%d, %s: bot %d, interrupted %d",
                    id, afterTheCall ? "after" : "at", call, nth, semantics, toBot, told);
            if (semantics == DeliverySemantics.AT_MOST_ONCE) {
                assertThat(toBot).as(described).isLessThanOrEqualTo(1);
                assertThat(toBot + told)
                        .as(described + ": the bot had it, or the listener was told")
                        .isPositive();
                assertThat(told)
                        .as(described + ": the listener is told only of a hand-over interrupted")
                        .isLessThanOrEqualTo(duringAHandOver ? 1 : 0);
            } else {
                assertThat(toBot).as(described).isBetween(1L, duringAHandOver ? 2L : 1L);
                assertThat(told).as(described).isZero();
            }
        }
        assertThat(handed.keySet()).as("only replies reach the bot").isSubsetOf(arrival.keySet());
        Map<String, Integer> lastOf = new HashMap<>();
        for (RecordingBot.Received received : bot.received()) {
            String contact = received.context().contact().phone().e164();
            int index = arrival.get(received.message().messageId());
            assertThat(index)
                    .as("%s's replies in order", contact)
                    .isGreaterThanOrEqualTo(lastOf.getOrDefault(contact, -1));
            lastOf.put(contact, index);
            assertThat(received.message().queued())
                    .as("queued: arrived out of hours")
                    .isEqualTo(index >= 3);
        }
        assertThat(store.countQueued(CAMPAIGN)).isZero();
        Statistics.label("process died").collect(crashing.store.crashed());
        Statistics.label("hand-over interrupted").collect(!interrupted.isEmpty());
    }

    private void newWorld(DeliverySemantics semantics) {
        clock = ManualClock.startingAt(MONDAY_TEN);
        store = new InMemoryCampaignStore();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        InMemoryContactDirectory directory = new InMemoryContactDirectory();
        bot = new RecordingBot();
        crashing = new EngineProcess("crashing", store, channel, clock, directory, bot, null, semantics);
        survivor = new EngineProcess("survivor", store, channel, clock, directory, bot, null, semantics);
        ActiveHours nineToSix = ActiveHours.builder(ZoneOffset.UTC)
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                .build();
        crashing.create(CAMPAIGN.value(), c -> c.activeHours(nineToSix).outOfHoursPolicy(OutOfHoursPolicy.queue()));
        crashing.engine.launch(CAMPAIGN, LaunchRequest.importedContacts(Fixtures.contacts(0, 3)));
        EngineProcess.runUntil(crashing.engine, channel, clock, MONDAY_TEN.plusSeconds(30));
    }

    /** One reply's webhook, to the live process; posted again to the survivor when it was not answered. */
    private InboundMessage post(int contact, int number, Map<String, Integer> arrival) {
        InboundMessage reply = InboundMessage.builder("in-" + number, Fixtures.phone(contact), "s", clock.instant())
                .text("respuesta " + number)
                .build();
        arrival.put(reply.providerMessageId(), arrival.size());
        try {
            live().engine.applyEvents(CHANNEL, List.of(reply));
        } catch (CrashingStore.Crash died) {
            survivor.engine.applyEvents(CHANNEL, List.of(reply));
        }
        return reply;
    }

    /**
     * Runs the live process from one due instant to the next until {@code deadline}; when it dies on
     * the way (its failure may be caught inside the engine), the survivor goes on.
     */
    private void run(Instant deadline) {
        for (int round = 0; round < 100_000; round++) {
            EngineProcess live = live();
            Optional<Instant> due = Optional.empty();
            try {
                due = live.engine.runDue();
            } catch (CrashingStore.Crash died) {
                // the survivor goes on
            }
            if (live != live()) {
                continue;
            }
            if (!clock.instant().isBefore(deadline)) {
                return;
            }
            Instant next = due.filter(deadline::isAfter).orElse(deadline);
            if (next.isAfter(clock.instant())) {
                clock.advanceTo(next);
            }
        }
        throw new IllegalStateException("the engine kept having work at " + clock.instant());
    }

    private EngineProcess live() {
        return crashing.store.crashed() ? survivor : crashing;
    }
}
