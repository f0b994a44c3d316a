package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.CampaignValidationException;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.campaign.Unscheduling;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: a READY campaign scheduled at an instant stays editable, engages no one and sends
 * nothing until its start; at the start one engine of those sharing the store launches it, with the
 * audience of that moment; a process dying at the start neither launches it twice nor loses it; an
 * edit that makes it invalid, a refused launch and a missed window unschedule it with the reason.
 */
class ScheduleScenarioTest {

    private static final SenderKey SENDER = new SenderKey("simulated", "s");
    private static final AudienceReference SEGMENT = AudienceReference.segment(Set.of("all"));

    private final ManualClock clock = ManualClock.ofDefaults();
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final InMemoryContactDirectory directory = new InMemoryContactDirectory();
    private final RecordingBot bot = new RecordingBot();
    private final EngineProcess first = new EngineProcess("first", store, channel, clock, directory, bot);
    private final EngineProcess second = new EngineProcess("second", store, channel, clock, directory, bot);
    private final Instant start = clock.instant().plus(Duration.ofHours(2));

    @Test
    void aScheduledCampaignEngagesNoOneUntilItsStartAndThenSendsToTheAudienceOfThatMoment() {
        directory.add(Fixtures.contacts(0, 3).toArray(io.campaignkit.core.contact.Contact[]::new));
        CampaignId id = first.create("scheduled", c -> c.audience(SEGMENT)).id();

        Campaign scheduled = first.engine.schedule(id, Schedule.at(start));

        assertThat(scheduled.state()).isEqualTo(CampaignState.SCHEDULED);
        assertThat(scheduled.schedule()).contains(Schedule.at(start));
        // another campaign may take contact 0 while this one waits: nothing of its audience is held
        CampaignId other = first.create("other", c -> {}).id();
        first.engine.launch(other, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        directory.add(Fixtures.contact(7)); // joins the segment before the start
        EngineProcess.runUntil(first.engine, channel, clock, start.minusSeconds(1));
        assertThat(store.counts(id).total()).isZero();
        assertThat(store.engagedCampaign(SENDER, Fixtures.contact(1).phone())).isEmpty();
        assertThat(channel.sendsTo(Fixtures.phone(1))).isEmpty();

        EngineProcess.runUntil(first.engine, channel, clock, start.plusSeconds(5));

        Campaign launched = store.find(id).orElseThrow();
        assertThat(launched.state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(launched.launchedAt()).contains(start);
        assertThat(channel.sendsTo(Fixtures.phone(1))).hasSize(1);
        assertThat(channel.sendsTo(Fixtures.phone(7)))
                .as("the audience is read at the start")
                .hasSize(1);
        assertThat(store.counts(id).total()).isEqualTo(4);
        assertThat(first.engine.recipients(id, -1, 10))
                .filteredOn(r -> r.phone().equals(Fixtures.contact(0).phone()))
                .singleElement()
                .satisfies(r ->
                        assertThat(r.outcome().orElseThrow().code()).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN));
    }

    @Test
    void aScheduledCampaignStaysEditableAndAnEditThatMakesItInvalidUnschedulesItWithTheReason() {
        directory.add(Fixtures.contacts(0, 2).toArray(io.campaignkit.core.contact.Contact[]::new));
        CampaignId id = first.create("editable", c -> c.audience(SEGMENT)).id();
        first.engine.schedule(id, Schedule.at(start));

        Campaign renamed = first.engine.edit(id, c -> c.name("Cobranza diciembre"));
        assertThat(renamed.state()).isEqualTo(CampaignState.SCHEDULED);
        assertThat(renamed.configuration().name()).contains("Cobranza diciembre");

        Campaign ended = first.engine.edit(
                id,
                c -> c.deliveryPlan(
                        DeliveryPlan.custom().endAt(start.minusSeconds(60)).build()));
        assertThat(ended.state()).as("valid, but it would end before its start").isEqualTo(CampaignState.READY);
        assertThat(first.listener.unschedulings()).singleElement().satisfies(u -> {
            assertThat(u.code()).isEqualTo(Unscheduling.INVALID_AFTER_EDIT);
            assertThat(u.schedule()).isEqualTo(Schedule.at(start));
        });

        first.engine.edit(id, c -> c.deliveryPlan(DeliveryPlan.ofDefaults()));
        first.engine.schedule(id, Schedule.at(start));
        TemplateMessage amount =
                TemplateMessage.of(ChannelTemplate.of("saldo", "es", "Saldo {{1}}"), Binding.customField("MONTO"));
        Campaign broken = first.engine.edit(id, c -> c.message(amount));

        assertThat(broken.state()).isEqualTo(CampaignState.DRAFT);
        assertThat(broken.schedule()).isEmpty();
        assertThat(first.listener.unschedulings()).hasSize(2).last().satisfies(u -> {
            assertThat(u.code()).isEqualTo(Unscheduling.INVALID_AFTER_EDIT);
            assertThat(u.message()).contains("MONTO");
        });
        EngineProcess.runUntil(first.engine, channel, clock, start.plusSeconds(5));
        assertThat(channel.sends()).isEmpty();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.DRAFT);
    }

    @Test
    void anUnscheduledCampaignIsReadyAgainAndNothingLaunchesAtItsOldStart() {
        directory.add(Fixtures.contacts(0, 2).toArray(io.campaignkit.core.contact.Contact[]::new));
        CampaignId id = first.create("unscheduled", c -> c.audience(SEGMENT)).id();
        first.engine.schedule(id, Schedule.at(start));

        Campaign ready = first.engine.unschedule(id);

        assertThat(ready.state()).isEqualTo(CampaignState.READY);
        assertThat(ready.schedule()).isEmpty();
        assertThat(first.listener.unschedulings())
                .extracting(Unscheduling::code)
                .containsExactly(Unscheduling.BY_USER);
        assertThat(first.listener.lifecycleEvents(id))
                .extracting(e -> e.action())
                .containsExactly(CampaignAction.CREATE, CampaignAction.SCHEDULE, CampaignAction.UNSCHEDULE);
        EngineProcess.runUntil(first.engine, channel, clock, start.plusSeconds(5));
        assertThat(channel.sends()).isEmpty();
        assertThatThrownBy(() -> first.engine.unschedule(id)).isInstanceOf(IllegalCampaignActionException.class);
    }

    @Test
    void onlyAReadyCampaignIsScheduledAndOnlyForALaterStartItCanLaunchAt() {
        CampaignId draft = first.create(
                        "draft",
                        c -> c.audience(SEGMENT)
                                .message(TemplateMessage.of(
                                        ChannelTemplate.of("s", "es", "S {{1}}"), Binding.customField("MONTO"))))
                .id();
        assertThatThrownBy(() -> first.engine.schedule(draft, Schedule.at(start)))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("draft");

        CampaignId id = first.create("ready", c -> c.audience(SEGMENT)).id();
        assertThatThrownBy(() -> first.engine.schedule(id, Schedule.at(clock.instant())))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("after now");
        first.engine.edit(
                id,
                c -> c.deliveryPlan(
                        DeliveryPlan.custom().endAt(start.minusSeconds(1)).build()));
        assertThatThrownBy(() -> first.engine.schedule(id, Schedule.at(start)))
                .isInstanceOf(CampaignValidationException.class);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.READY);
    }

    @Test
    void twoEnginesReachingTheStartLaunchItOnce() {
        directory.add(Fixtures.contacts(0, 25).toArray(io.campaignkit.core.contact.Contact[]::new));
        CampaignId id = first.create("raced", c -> c.audience(SEGMENT)).id();
        first.engine.schedule(id, Schedule.at(start));
        clock.advanceTo(start);
        // the second engine's launch lands while the first reads the audience
        first.store.beforeEach("save", () -> {
            first.store.beforeEach("none", () -> {});
            second.engine.runDue();
        });

        first.engine.runDue();
        EngineProcess.runUntil(first.engine, channel, clock, start.plusSeconds(10));
        EngineProcess.runUntil(second.engine, channel, clock, start.plusSeconds(20));

        assertThat(store.counts(id).total()).isEqualTo(25);
        for (int i = 0; i < 25; i++) {
            assertThat(channel.sendsTo(Fixtures.phone(i))).as("contact " + i).hasSize(1);
        }
        long launches = Stream.of(first, second)
                .flatMap(p -> p.listener.lifecycleEvents(id).stream())
                .filter(e -> e.action() == CampaignAction.LAUNCH)
                .count();
        assertThat(launches).isEqualTo(1);
    }

    @Test
    void aProcessDyingAtTheStartBeforeItsClaimLeavesTheCampaignScheduledForAnother() {
        directory.add(Fixtures.contacts(0, 5).toArray(io.campaignkit.core.contact.Contact[]::new));
        CampaignId id = first.create("lost-not", c -> c.audience(SEGMENT)).id();
        first.engine.schedule(id, Schedule.at(start));
        clock.advanceTo(start);
        first.store.crashAt("save", 1);

        assertThatThrownBy(first.engine::runDue).isInstanceOf(CrashingStore.Crash.class);

        assertThat(first.store.crashed()).isTrue();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.SCHEDULED);
        EngineProcess.runUntil(second.engine, channel, clock, start.plusSeconds(10));
        assertThat(channel.sends()).hasSize(5);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
    }

    @Test
    void aProcessDyingRightAfterItsClaimIsTakenOverOnceItsLeaseEndsAndNoOneGetsTwoMessages() {
        directory.add(Fixtures.contacts(0, 25).toArray(io.campaignkit.core.contact.Contact[]::new));
        CampaignId id = first.create("taken-over", c -> c.audience(SEGMENT)).id();
        first.engine.schedule(id, Schedule.at(start));
        clock.advanceTo(start);
        first.store.crashAt("insertRecipients", 2);

        assertThatThrownBy(first.engine::runDue).isInstanceOf(CrashingStore.Crash.class);

        Campaign stuck = store.find(id).orElseThrow();
        assertThat(stuck.dispatch()).containsInstanceOf(DispatchState.Preparing.class);
        second.engine.runDue();
        assertThat(channel.sends()).as("nothing sent to part of an audience").isEmpty();
        EngineProcess.runUntil(second.engine, channel, clock, start.plus(EngineProcess.LEASE.multipliedBy(3)));
        assertThat(store.counts(id).total()).isEqualTo(25);
        for (int i = 0; i < 25; i++) {
            assertThat(channel.sendsTo(Fixtures.phone(i))).as("contact " + i).hasSize(1);
        }
    }

    @Test
    void anImportedListIsReadThroughTheAudienceSourceAtTheStart() {
        AtomicInteger reads = new AtomicInteger();
        EngineProcess host = new EngineProcess("host", store, channel, clock, directory, bot, (campaign, list) -> {
            reads.incrementAndGet();
            return Fixtures.contacts(0, 3);
        });
        CampaignId id = host.create("imported", c -> {}).id();
        host.engine.schedule(id, Schedule.at(start));
        EngineProcess.runUntil(host.engine, channel, clock, start.minusSeconds(1));
        assertThat(reads).hasValue(0);

        EngineProcess.runUntil(host.engine, channel, clock, start.plusSeconds(5));

        assertThat(channel.sends()).hasSize(3);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
    }

    @Test
    void anImportedListWithoutAnAudienceSourceIsUnscheduledAtItsStartWithTheReason() {
        CampaignId id = first.create("no-source", c -> {}).id();
        first.engine.schedule(id, Schedule.at(start));

        EngineProcess.runUntil(first.engine, channel, clock, start.plusSeconds(5));

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.READY);
        assertThat(first.listener.unschedulings()).singleElement().satisfies(u -> {
            assertThat(u.code()).isEqualTo(Unscheduling.LAUNCH_REFUSED);
            assertThat(u.message()).contains("importedContacts");
        });
        assertThat(channel.sends()).isEmpty();
    }

    @Test
    void aCampaignNoEngineLaunchedBeforeItsLatestStartIsNotLaunchedLate() {
        directory.add(Fixtures.contacts(0, 2).toArray(io.campaignkit.core.contact.Contact[]::new));
        CampaignId id = first.create("window", c -> c.audience(SEGMENT)).id();
        first.engine.schedule(id, Schedule.at(start).latestStart(start.plus(Duration.ofHours(1))));

        clock.advanceTo(start.plus(Duration.ofHours(3))); // every process was down
        first.engine.runDue();

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.READY);
        assertThat(first.listener.unschedulings())
                .extracting(Unscheduling::code)
                .containsExactly(Unscheduling.START_WINDOW_MISSED);
        assertThat(channel.sends()).isEmpty();
        assertThat(store.counts(id).total()).isZero();
    }

    @Test
    void theEngineAnswersTheStartAsItsNextWork() {
        directory.add(Fixtures.contacts(0, 1).toArray(io.campaignkit.core.contact.Contact[]::new));
        CampaignId id = first.create("next", c -> c.audience(SEGMENT)).id();
        first.engine.schedule(id, Schedule.at(start));

        assertThat(first.engine.runDue()).contains(start);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.SCHEDULED);
    }
}
