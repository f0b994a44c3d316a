package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 4, gaps 1 and 2, at every crash point: the process launching (or finishing) a campaign dies
 * at any call of the store; another engine, with what a host would do (launch again, finish again),
 * brings the campaign to the same end as if nothing had happened, with every recipient, send, event,
 * closing and release once.
 */
class CrashPointProperties {

    private static final int AUDIENCE = 25;
    private static final Set<Integer> SUPPRESSED = Set.of(3, 21);
    private static final SenderKey SENDER = new SenderKey("simulated", "s");
    private static final Instant MONDAY_NEARLY_SIX = Instant.parse("2026-01-05T17:59:55Z");

    // jqwik runs every try on one instance: each try builds its own world
    private ManualClock clock;
    private InMemoryCampaignStore store;
    private SimulatedChannel channel;
    private InMemoryContactDirectory directory;
    private RecordingBot bot;
    private EngineProcess crashing;
    private EngineProcess survivor;

    private void newWorld() {
        clock = ManualClock.startingAt(MONDAY_NEARLY_SIX);
        store = new InMemoryCampaignStore();
        channel = SimulatedChannel.withClock(clock);
        directory = new InMemoryContactDirectory();
        bot = new RecordingBot();
        crashing = new EngineProcess("crashing", store, channel, clock, directory, bot);
        survivor = new EngineProcess("survivor", store, channel, clock, directory, bot);
    }

    @Provide
    Arbitrary<String> launchCalls() {
        return Arbitraries.of("find", "update", "suppressedAmong", "engage", "insertRecipients");
    }

    @Provide
    Arbitrary<String> finishCalls() {
        return Arbitraries.of(
                "find",
                "update",
                "skipPending",
                "claimQueued",
                "acknowledgeQueued",
                "closeConversations",
                "releaseEngagements",
                "countQueued");
    }

    @Property(tries = 150)
    void aLaunchInterruptedAnywhereEndsWithTheWholeAudienceSentToOnce(
            @ForAll("launchCalls") String call, @ForAll @IntRange(min = 1, max = 4) int nth, @ForAll boolean segment) {
        newWorld();
        clock.set(Instant.parse("2026-01-05T10:00:00Z"));
        List<Contact> audience = Fixtures.contacts(0, AUDIENCE);
        audience.forEach(directory::add);
        SUPPRESSED.forEach(i -> survivor.engine.suppress(Fixtures.contact(i).phone(), Optional.empty()));
        CampaignId id = crashing.create("c", c -> {
                    if (segment) {
                        c.audience(AudienceReference.segment(Set.of("all")));
                    }
                })
                .id();
        LaunchRequest request = segment ? LaunchRequest.fromDirectory() : LaunchRequest.importedContacts(audience);
        crashing.store.crashAt(call, nth);
        try {
            crashing.engine.launch(id, request);
        } catch (CrashingStore.Crash died) {
            // the process is gone; the host (and the other engine) go on
        }

        Campaign left = store.find(id).orElseThrow();
        if (left.state() == CampaignState.READY || left.isPreparing() && !segment) {
            survivor.engine.launch(id, request);
        } else if (left.isPreparing()) {
            clock.advance(EngineProcess.LEASE);
        }
        EngineProcess.runUntil(survivor.engine, channel, clock, clock.instant().plusSeconds(60));

        assertThat(store.counts(id).total()).isEqualTo(AUDIENCE);
        assertThat(store.counts(id).count(DeliveryState.SKIPPED)).isEqualTo(SUPPRESSED.size());
        assertThat(channel.sends())
                .hasSize(AUDIENCE - SUPPRESSED.size())
                .extracting(send -> send.message().recipient())
                .doesNotHaveDuplicates();
        assertThat(Stream.concat(
                                crashing.listener.recipientEvents(id).stream(),
                                survivor.listener.recipientEvents(id).stream())
                        .filter(e -> e.type() == RecipientEvent.Type.SKIPPED)
                        .map(RecipientEvent::phone))
                .containsExactlyInAnyOrderElementsOf(SUPPRESSED.stream()
                        .map(i -> Fixtures.contact(i).phone())
                        .toList());
        assertThat(store.find(id).orElseThrow().dispatch()).containsInstanceOf(DispatchState.Done.class);
    }

    @Property(tries = 150)
    void aFinishInterruptedAnywhereEndsFinishedWithEverythingCleanedUpOnce(
            @ForAll("finishCalls") String call, @ForAll @IntRange(min = 1, max = 3) int nth) {
        newWorld();
        ActiveHours untilSix = ActiveHours.builder(ZoneOffset.UTC)
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                .build();
        CampaignId id = crashing.create(
                        "c",
                        c -> c.activeHours(untilSix)
                                .outOfHoursPolicy(OutOfHoursPolicy.queue())
                                .deliveryPlan(DeliveryPlan.custom()
                                        .pace(Pace.perSecond(1))
                                        .build()))
                .id();
        crashing.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 10)));
        EngineProcess.runUntil(crashing.engine, channel, clock, Instant.parse("2026-01-05T17:59:58Z"));
        inbound(0, "hola"); // in hours: to the bot
        EngineProcess.runUntil(crashing.engine, channel, clock, Instant.parse("2026-01-05T18:30:00Z"));
        List<String> queued = List.of(inbound(1, "uno"), inbound(2, "dos"), inbound(1, "tres"));
        long pending = store.counts(id).count(DeliveryState.PENDING);
        assertThat(pending).isPositive();
        assertThat(store.countQueued(id)).isEqualTo(3);
        Instant finishAt = clock.instant();
        int sendsBefore = channel.sends().size();
        crashing.store.crashAt(call, nth);
        try {
            crashing.engine.finish(id);
        } catch (CrashingStore.Crash died) {
            // the process is gone
        }

        if (!store.find(id).orElseThrow().isFinishing()
                && store.find(id).orElseThrow().state() == CampaignState.ACTIVE) {
            survivor.engine.finish(id); // it died before finishing began: the host finishes again
        }
        EngineProcess.runUntil(survivor.engine, channel, clock, clock.instant().plus(Duration.ofMinutes(5)));

        Campaign finished = store.find(id).orElseThrow();
        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(channel.sends()).hasSize(sendsBefore);
        assertThat(store.countQueued(id)).isZero();
        for (int i = 0; i < 10; i++) {
            PhoneNumber phone = Fixtures.contact(i).phone();
            assertThat(store.engagedCampaign(SENDER, phone))
                    .as("%s released", phone)
                    .isEmpty();
            assertThat(store.findOpenConversation(id, phone))
                    .as("%s's conversation closed", phone)
                    .isEmpty();
        }
        assertThat(bot.closed()).as("each conversation closed once").hasSize(3);
        assertThat(bot.received()).hasSize(1);
        assertThat(Stream.concat(
                                crashing.listener.recipientEvents(id).stream(),
                                survivor.listener.recipientEvents(id).stream())
                        .filter(e -> e.type() == RecipientEvent.Type.SKIPPED))
                .as("one SKIPPED event per pending recipient")
                .hasSize((int) pending);
        List<String> handedOver = new ArrayList<>();
        Stream.concat(crashing.unrouted.stream(), survivor.unrouted.stream())
                .filter(m -> m.reason() == UnroutedMessage.Reason.CAMPAIGN_FINISHED)
                .forEach(m -> handedOver.add(m.message().providerMessageId()));
        assertThat(new ArrayList<>(new LinkedHashSet<>(handedOver)))
                .as("every queued message, in order")
                .containsExactlyElementsOf(queued);
        assertThat(handedOver.size() - queued.size())
                .as("a message handed twice only when the crash fell between " + "handing it over and acknowledging it")
                .isLessThanOrEqualTo(call.equals("acknowledgeQueued") ? 1 : 0);
        assertThat(crashing.cleanUps.size() + survivor.cleanUps.size()).isLessThanOrEqualTo(1);
        assertThat(finished.finishedAt())
                .hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(finishAt));
    }

    private String inbound(int contact, String text) {
        String messageId = "in-" + contact + "-" + text;
        crashing.engine.applyEvents(
                "simulated",
                List.of(InboundMessage.builder(messageId, Fixtures.phone(contact), "s", clock.instant())
                        .text(text)
                        .build()));
        return messageId;
    }
}
