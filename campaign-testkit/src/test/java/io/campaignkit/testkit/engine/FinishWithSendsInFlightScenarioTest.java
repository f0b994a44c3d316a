package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.FinishCleanUp;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.core.port.RecipientEvent.Type;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue: a crash in the middle of a send must not leave recipients SENDING forever once the campaign
 * is FINISHED. A campaign finished while another process holds sends in flight stays FINISHING until
 * that process records them or its lease expires; then they are UNKNOWN (in both delivery semantics:
 * the send may have happened, and nothing is sent once finishing began), the campaign is FINISHED and
 * the counts add up. This engine's own sends in flight do not hold the campaign: it records them itself.
 */
class FinishWithSendsInFlightScenarioTest {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final int AUDIENCE = 10;
    private static final int SENT_BEFORE_FINISH = 3;

    private final ManualClock clock = ManualClock.ofDefaults();
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final RecordingListener listener = new RecordingListener();
    private final List<FinishCleanUp> cleanUps = new CopyOnWriteArrayList<>();
    private final CampaignId id = CampaignId.of("in-flight");

    private CampaignEngine engine(String owner, ChannelAdapter channel, DeliverySemantics semantics) {
        return CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId(owner)
                .leaseDuration(LEASE)
                .deliverySemantics(semantics)
                .listener(new CampaignListener() {
                    @Override
                    public void onLifecycleEvent(io.campaignkit.core.port.CampaignLifecycleEvent event) {
                        listener.onLifecycleEvent(event);
                    }

                    @Override
                    public void onRecipientEvent(RecipientEvent event) {
                        listener.onRecipientEvent(event);
                    }

                    @Override
                    public void onFinishCleanUp(FinishCleanUp cleanUp) {
                        cleanUps.add(cleanUp);
                    }
                })
                .build();
    }

    /** Launches the campaign at one message a second and runs {@code sender} until it made {@code sends} sends. */
    private void launchAndSend(CampaignEngine sender, HeldChannel channel, int sends) {
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic(Pace.perSecond(1)).accept(config);
        sender.create(id, "t", "p", CampaignKind.LIVE, config.build());
        sender.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE)));
        sendUntil(sender, channel, sends);
    }

    private void sendUntil(CampaignEngine sender, HeldChannel channel, int sends) {
        for (int second = 0; channel.sent.size() < sends; second++) {
            assertThat(second).as("sends made in time").isLessThan(sends * 2);
            sender.runDue();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(channel.sent).hasSize(sends);
    }

    private RecipientCounts counts() {
        return store.counts(id);
    }

    private List<Recipient> inState(DeliveryState state) {
        return store.findRecipients(id, -1, 100).stream()
                .filter(r -> r.state() == state)
                .toList();
    }

    /** Every recipient ends in exactly one final state: nothing left PENDING or SENDING. */
    private void assertCountsAddUp() {
        RecipientCounts counts = counts();
        assertThat(counts.count(DeliveryState.PENDING) + counts.count(DeliveryState.SENDING))
                .isZero();
        assertThat(Arrays.stream(DeliveryState.values())
                        .mapToLong(counts::count)
                        .sum())
                .isEqualTo(AUDIENCE);
    }

    @ParameterizedTest
    @EnumSource(DeliverySemantics.class)
    void sendsOfAProcessThatDiedAreUnknownOnceItsLeaseExpiresAndOnlyThenIsTheCampaignFinished(
            DeliverySemantics semantics) {
        HeldChannel dying = new HeldChannel();
        launchAndSend(engine("dead", dying, semantics), dying, SENT_BEFORE_FINISH); // then it dies: no answer, no run
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine survivor = engine("survivor", channel, semantics);
        Instant finishedAt = clock.instant();
        Instant deadLeaseExpiry = inState(DeliveryState.SENDING).stream()
                .map(r -> r.lease().orElseThrow().expiresAt())
                .min(Instant::compareTo)
                .orElseThrow();

        Campaign finishing = survivor.finish(id);

        assertThat(finishing.state())
                .as("held open by the dead process's sends")
                .isEqualTo(CampaignState.ACTIVE);
        assertThat(finishing.dispatch()).contains(new DispatchState.Finishing(FinishReason.BY_USER, finishedAt));
        assertThat(counts().count(DeliveryState.SENDING)).isEqualTo(SENT_BEFORE_FINISH);
        assertThat(counts().count(DeliveryState.SKIPPED)).isEqualTo(AUDIENCE - SENT_BEFORE_FINISH);
        assertThat(survivor.runDue())
                .as("the runner looks again when the dead lease expires")
                .contains(deadLeaseExpiry);

        clock.advanceTo(deadLeaseExpiry.minusMillis(1));
        survivor.runDue();
        assertThat(store.find(id).orElseThrow().isFinishing())
                .as("lease still live")
                .isTrue();
        assertThat(counts().count(DeliveryState.SENDING)).isEqualTo(SENT_BEFORE_FINISH);

        EngineProcess.runUntil(survivor, channel, clock, clock.instant().plus(LEASE.multipliedBy(3)));

        Campaign finished = store.find(id).orElseThrow();
        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(finished.finishedAt()).contains(finishedAt);
        assertThat(inState(DeliveryState.UNKNOWN))
                .hasSize(SENT_BEFORE_FINISH)
                .allSatisfy(r -> assertThat(r.outcome().orElseThrow().code()).isEqualTo(SkipReasons.LEASE_EXPIRED));
        assertCountsAddUp();
        assertThat(listener.recipientEvents(id))
                .filteredOn(e -> e.type() == Type.UNKNOWN)
                .as("one event each")
                .hasSize(SENT_BEFORE_FINISH);
        assertThat(channel.sends()).as("nothing sent once finishing began").isEmpty();
        assertThat(dying.sent).hasSize(SENT_BEFORE_FINISH);
        assertThat(cleanUps).singleElement().satisfies(cleanUp -> {
            assertThat(cleanUp.resumed()).isTrue();
            // issue 23 item 8: when the campaign became FINISHED (after the dead lease), not when finishing began
            assertThat(cleanUp.at()).isEqualTo(finished.updatedAt()).isAfterOrEqualTo(deadLeaseExpiry);
        });
    }

    @Test
    void aProcessStillWorkingRecordsItsOwnSendsAndTheCampaignIsFinishedWithThem() {
        HeldChannel working = new HeldChannel();
        CampaignEngine sender = engine("working", working, DeliverySemantics.AT_MOST_ONCE);
        launchAndSend(sender, working, SENT_BEFORE_FINISH);
        CampaignEngine finisher = engine("finisher", SimulatedChannel.withClock(clock), DeliverySemantics.AT_MOST_ONCE);

        assertThat(finisher.finish(id).isFinishing()).isTrue();
        for (int send = 0; send < SENT_BEFORE_FINISH; send++) {
            working.accept(send); // recorded by the working process as the answers come
        }
        finisher.runDue();

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.FINISHED);
        assertThat(inState(DeliveryState.SENT)).hasSize(SENT_BEFORE_FINISH);
        assertThat(inState(DeliveryState.UNKNOWN)).isEmpty();
        assertCountsAddUp();
    }

    @Test
    void thisEnginesOwnSendsInFlightHoldTheFinishUntilTheirAnswersAreRecorded() {
        HeldChannel own = new HeldChannel();
        CampaignEngine engine = engine("own", own, DeliverySemantics.AT_LEAST_ONCE);
        launchAndSend(engine, own, SENT_BEFORE_FINISH);

        Campaign finishing = engine.finish(id);

        assertThat(finishing.isFinishing()).as("sends in flight").isTrue();
        assertThat(counts().count(DeliveryState.SENDING)).isEqualTo(SENT_BEFORE_FINISH);
        clock.advance(LEASE.multipliedBy(2)); // answers slower than the lease are still this engine's
        engine.runDue();
        assertThat(counts().count(DeliveryState.SENDING))
                .as("renewed, not recovered")
                .isEqualTo(SENT_BEFORE_FINISH);
        own.accept(0);
        own.fail(1, SendErrorClass.TRANSIENT); // given back to PENDING for a retry: skipped, the campaign is finishing
        own.accept(2);
        engine.runDue(); // the runner is woken by each answer; here the test runs it

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.FINISHED);
        assertThat(inState(DeliveryState.SENT)).hasSize(2);
        assertThat(inState(DeliveryState.SKIPPED))
                .hasSize(AUDIENCE - 2)
                .allSatisfy(r -> assertThat(r.outcome().orElseThrow().code()).isEqualTo(SkipReasons.CAMPAIGN_FINISHED));
        assertCountsAddUp();
        assertThat(own.sent).as("nothing sent after finish").hasSize(SENT_BEFORE_FINISH);
    }

    @Test
    void aProcessThatDiesRightAfterFinishingLeavesNoRecipientSending() {
        HeldChannel dying = new HeldChannel();
        CampaignEngine crashed = engine("crashed", dying, DeliverySemantics.AT_MOST_ONCE);
        launchAndSend(crashed, dying, SENT_BEFORE_FINISH);
        assertThat(crashed.finish(id).isFinishing()).isTrue();
        // the process dies here: its sends are never answered, it never runs again
        CampaignEngine survivor = engine("survivor", new HeldChannel(), DeliverySemantics.AT_MOST_ONCE);

        survivor.runDue();
        assertThat(store.find(id).orElseThrow().isFinishing())
                .as("before the dead lease expires")
                .isTrue();
        clock.advance(LEASE.plusSeconds(1));
        survivor.runDue();

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.FINISHED);
        assertThat(inState(DeliveryState.UNKNOWN)).hasSize(SENT_BEFORE_FINISH);
        assertThat(inState(DeliveryState.SENDING)).isEmpty();
        assertCountsAddUp();
        assertThat(dying.sent).as("nothing sent after finish").hasSize(SENT_BEFORE_FINISH);
    }

    @Test
    void ownSendsKeepTheirLeaseWhileTheCampaignWaitsForADeadProcess() {
        HeldChannel dying = new HeldChannel();
        launchAndSend(engine("dead", dying, DeliverySemantics.AT_MOST_ONCE), dying, 2);
        HeldChannel own = new HeldChannel();
        CampaignEngine engine = engine("own", own, DeliverySemantics.AT_MOST_ONCE);
        sendUntil(engine, own, 1);

        assertThat(engine.finish(id).isFinishing()).isTrue();
        for (int step = 0; step < 6; step++) { // three leases long, the engine running every 30 s
            clock.advance(LEASE.dividedBy(2));
            engine.runDue();
        }

        assertThat(store.find(id).orElseThrow().isFinishing())
                .as("its own send is still in flight")
                .isTrue();
        assertThat(inState(DeliveryState.UNKNOWN))
                .as("the dead process's sends")
                .hasSize(2);
        assertThat(inState(DeliveryState.SENDING))
                .singleElement()
                .satisfies(r -> assertThat(r.lease().orElseThrow().owner()).isEqualTo("own"));
        own.accept(0);
        engine.runDue();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.FINISHED);
        assertThat(inState(DeliveryState.SENT))
                .singleElement()
                .satisfies(r -> assertThat(r.providerMessageId()).contains("wamid.0"));
        assertCountsAddUp();
        assertThat(dying.sent.size() + own.sent.size())
                .as("nothing sent after finish")
                .isEqualTo(3);
    }
}
