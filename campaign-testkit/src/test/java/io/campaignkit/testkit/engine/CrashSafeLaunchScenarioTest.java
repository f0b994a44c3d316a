package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, gap 1: a launch interrupted half-way (the process dies between two batches of recipients)
 * never sends to part of an audience: the campaign is PREPARING and sends nothing until the whole
 * audience is in; launching again (imported lists) or the next engine's run once the lease has passed
 * (segments) completes it, adding no one twice and counting every event once; finishing it instead
 * releases what was added.
 */
class CrashSafeLaunchScenarioTest {

    static final int AUDIENCE = 35;
    static final SenderKey SENDER = new SenderKey("simulated", "s");

    private final ManualClock clock = ManualClock.ofDefaults();
    final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final InMemoryContactDirectory directory = new InMemoryContactDirectory();
    private final RecordingBot bot = new RecordingBot();
    final EngineProcess launching = new EngineProcess("launching", store, channel, clock, directory, bot, overlap());
    private final EngineProcess survivor = new EngineProcess("survivor", store, channel, clock, directory, bot);

    /** Whether the launching engines overlap their batches (the subclass that runs every case so). */
    boolean overlap() {
        return false;
    }

    @Test
    void anImportedListInterruptedMidLaunchSendsNothingUntilTheHostLaunchesItAgain() {
        CampaignId id = launching.create("imported", c -> {}).id();
        survivor.engine.suppress(Fixtures.contact(3).phone(), Optional.empty()); // in a batch that went in
        survivor.engine.suppress(Fixtures.contact(31).phone(), Optional.empty()); // in a batch that did not
        LaunchRequest request = LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE));
        launching.store.crashAt("insertRecipients", 3);

        assertThatThrownBy(() -> launching.engine.launch(id, request)).isInstanceOf(CrashingStore.Crash.class);

        Campaign stuck = store.find(id).orElseThrow();
        assertThat(stuck.state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(stuck.dispatch()).containsInstanceOf(DispatchState.Preparing.class);
        assertThat(store.counts(id).total()).isEqualTo(2L * EngineProcess.BATCH);
        survivor.engine.runDue();
        clock.advance(EngineProcess.LEASE.multipliedBy(3));
        assertThat(survivor.engine.runDue())
                .as("only the host can resume an imported list")
                .isEmpty();
        survivor.engine.runDue();
        assertThat(channel.sends()).as("nothing is sent to part of an audience").isEmpty();
        assertThat(survivor.listener.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo(EngineFailure.LAUNCH_INTERRUPTED);
            assertThat(failure.error().getMessage()).contains("imported", "launch it again");
        });

        Campaign resumed = survivor.engine.launch(id, request);

        assertThat(resumed.dispatch()).containsInstanceOf(DispatchState.Sending.class);
        assertThat(store.counts(id).total()).isEqualTo(AUDIENCE);
        assertThat(store.counts(id).count(DeliveryState.SKIPPED)).isEqualTo(2);
        assertThat(Stream.concat(
                                launching.listener.recipientEvents(id).stream(),
                                survivor.listener.recipientEvents(id).stream())
                        .filter(e -> e.type() == RecipientEvent.Type.SKIPPED)
                        .map(RecipientEvent::phone))
                .as("one SKIPPED event per skipped contact, over both processes")
                .containsExactlyInAnyOrder(
                        Fixtures.contact(3).phone(), Fixtures.contact(31).phone());
        assertThat(survivor.listener.lifecycleEvents(id))
                .extracting(CampaignLifecycleEvent::action)
                .containsExactly(CampaignAction.PREPARE, CampaignAction.COMPLETE_PREPARATION);

        EngineProcess.runUntil(survivor.engine, channel, clock, clock.instant().plusSeconds(30));

        assertThat(channel.sends())
                .extracting(send -> send.message().recipient())
                .doesNotHaveDuplicates()
                .hasSize(AUDIENCE - 2);
        assertThat(store.find(id).orElseThrow().dispatch()).containsInstanceOf(DispatchState.Done.class);
    }

    @Test
    void aSegmentInterruptedMidLaunchIsResumedByAnotherEngineOnceTheLaunchingOneShowsNoLife() {
        Fixtures.contacts(0, AUDIENCE).forEach(directory::add);
        CampaignId id = launching
                .create("segment", c -> c.audience(AudienceReference.segment(Set.of("all"))))
                .id();
        launching.store.crashAt("insertRecipients", 3);
        Instant launchedAt = clock.instant();

        assertThatThrownBy(() -> launching.engine.launch(id, LaunchRequest.fromDirectory()))
                .isInstanceOf(CrashingStore.Crash.class);

        assertThat(survivor.engine.runDue())
                .as("looks again when the launching engine's heartbeat is a lease old")
                .contains(launchedAt.plus(EngineProcess.LEASE));
        assertThat(store.find(id).orElseThrow().dispatch()).containsInstanceOf(DispatchState.Preparing.class);
        clock.advance(EngineProcess.LEASE.minusSeconds(1));
        survivor.engine.runDue();
        assertThat(store.counts(id).total()).as("a live preparer is left alone").isEqualTo(2L * EngineProcess.BATCH);
        assertThat(channel.sends()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        Instant resumedAt = clock.instant();
        EngineProcess.runUntil(survivor.engine, channel, clock, resumedAt.plusSeconds(30));

        assertThat(store.counts(id).total()).isEqualTo(AUDIENCE);
        assertThat(survivor.listener.lifecycleEvents(id))
                .extracting(CampaignLifecycleEvent::action)
                .startsWith(CampaignAction.PREPARE, CampaignAction.COMPLETE_PREPARATION);
        assertThat(survivor.listener.lifecycleEvents(id).get(0).dispatch())
                .hasValueSatisfying(d ->
                        assertThat(((DispatchState.Preparing) d).preparer()).isEqualTo("survivor"));
        List<RecordedSend> sends = channel.sends();
        assertThat(sends)
                .hasSize(AUDIENCE)
                .allSatisfy(send -> assertThat(send.requestedAt()).isAfterOrEqualTo(resumedAt));
        assertThat(sends).extracting(send -> send.message().recipient()).doesNotHaveDuplicates();
    }

    @Test
    void aLaunchLongerThanTheLeaseKeepsItsHeartbeatSoNoOtherEngineTakesItOver() {
        Fixtures.contacts(0, AUDIENCE).forEach(directory::add);
        CampaignId id = launching
                .create("slow", c -> c.audience(AudienceReference.segment(Set.of("all"))))
                .id();
        // each batch takes 40 s, and the other engine runs meanwhile: 4 batches take well over the 1 min lease
        launching.store.beforeEach("insertRecipients", () -> {
            clock.advance(Duration.ofSeconds(40));
            survivor.engine.runDue();
        });

        Campaign launched = launching.engine.launch(id, LaunchRequest.fromDirectory());

        assertThat(launched.dispatch()).containsInstanceOf(DispatchState.Sending.class);
        assertThat(survivor.listener.lifecycleEvents(id))
                .as("the other engine never took over")
                .isEmpty();
        assertThat(launching.listener.lifecycleEvents(id))
                .extracting(CampaignLifecycleEvent::action)
                .contains(CampaignAction.PREPARE)
                .endsWith(CampaignAction.COMPLETE_PREPARATION);
        assertThat(launching.listener.lifecycleEvents(id))
                .filteredOn(e -> e.action() == CampaignAction.PREPARE)
                .allSatisfy(
                        e -> assertThat(((DispatchState.Preparing) e.dispatch().orElseThrow()).preparer())
                                .isEqualTo("launching"));
        assertThat(store.counts(id).total()).isEqualTo(AUDIENCE);
    }

    @Test
    void finishingACampaignStuckPreparingReleasesEveryoneItHadEngaged() {
        CampaignId id = launching.create("abandoned", c -> {}).id();
        launching.store.crashAt("insertRecipients", 3);
        assertThatThrownBy(() ->
                        launching.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE))))
                .isInstanceOf(CrashingStore.Crash.class);
        // the third batch was engaged just before the process died, and never became recipients
        assertThat(store.engagedCampaign(SENDER, Fixtures.contact(25).phone())).contains(id);

        Campaign finished = survivor.engine.finish(id);

        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(store.counts(id).count(DeliveryState.SKIPPED)).isEqualTo(2L * EngineProcess.BATCH);
        assertThat(survivor.engine.recipients(id, -1, 100))
                .extracting(r -> r.outcome().orElseThrow().code())
                .containsOnly(SkipReasons.CAMPAIGN_FINISHED);
        for (Contact contact : Fixtures.contacts(0, AUDIENCE)) {
            assertThat(store.engagedCampaign(SENDER, contact.phone()))
                    .as("%s released", contact.phone())
                    .isEmpty();
        }
        assertThatThrownBy(() ->
                        survivor.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE))))
                .isInstanceOf(IllegalCampaignActionException.class);
        survivor.engine.runDue();
        assertThat(channel.sends()).isEmpty();
    }

    @Test
    void aPreparerWhoseCampaignFinishesWhileItsLastBatchGoesInLeavesNothingBehind() {
        CampaignId id = launching.create("raced-last", c -> {}).id();
        int[] inserts = {0};
        EngineProcess slow = new EngineProcess("slow", store, channel, clock, directory, bot, overlap());
        slow.store.beforeEach("insertRecipients", () -> {
            if (++inserts[0] == 4) { // the last of four batches (35 contacts in tens)
                survivor.engine.finish(id);
            }
        });

        Campaign returned = slow.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE)));

        assertThat(returned.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(store.counts(id).total()).isEqualTo(AUDIENCE);
        assertThat(store.counts(id).count(DeliveryState.PENDING))
                .as("the last batch, which went in after the finish")
                .isZero();
        for (Contact contact : Fixtures.contacts(0, AUDIENCE)) {
            assertThat(store.engagedCampaign(SENDER, contact.phone()))
                    .as("%s released", contact.phone())
                    .isEmpty();
        }
    }

    @Test
    void aPreparerThatFindsItsCampaignFinishingStopsAndLeavesNothingBehind() {
        CampaignId id = launching.create("raced", c -> {}).id();
        // another process finishes the campaign just before this one inserts its third batch
        int[] inserts = {0};
        EngineProcess slow = new EngineProcess("slow", store, channel, clock, directory, bot, overlap());
        slow.store.beforeEach("insertRecipients", () -> {
            if (++inserts[0] == 3) {
                survivor.engine.finish(id);
            }
        });

        Campaign returned = slow.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE)));

        assertThat(returned.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(store.counts(id).count(DeliveryState.PENDING))
                .as("the batch that went in after the finish")
                .isZero();
        assertThat(store.counts(id).total()).isEqualTo(3L * EngineProcess.BATCH);
        for (Recipient recipient : survivor.engine.recipients(id, -1, 100)) {
            assertThat(store.engagedCampaign(SENDER, recipient.phone()))
                    .as("%s released", recipient.phone())
                    .isEmpty();
        }
        slow.engine.runDue();
        assertThat(channel.sends()).isEmpty();
    }
}
