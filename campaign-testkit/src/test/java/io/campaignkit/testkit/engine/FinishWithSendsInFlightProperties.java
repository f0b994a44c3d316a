package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A campaign finished while a dead process and this engine both have sends in flight, whatever the
 * numbers, the semantics, how often the engine runs and when (and how) its own sends are answered:
 * from the step it is FINISHED no recipient is PENDING and only this engine's own sends are SENDING;
 * in the end it is FINISHED, the dead process's sends are UNKNOWN, every recipient is in exactly one
 * final state, and nothing was sent after finishing began.
 */
class FinishWithSendsInFlightProperties {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final int STEPS = 12;
    private static final SendErrorClass[] OWN_OUTCOMES = {
        null, SendErrorClass.TRANSIENT, SendErrorClass.UNKNOWN_OUTCOME, SendErrorClass.RECIPIENT_PERMANENT
    };

    @Property(tries = 300)
    void sendsInFlightAtFinishAllSettleAndTheCampaignFinishes(
            @ForAll @IntRange(min = 0, max = 4) int deadSends,
            @ForAll @IntRange(min = 0, max = 4) int ownSends,
            @ForAll @IntRange(min = 0, max = 3) int neverSent,
            @ForAll DeliverySemantics semantics,
            @ForAll @IntRange(min = 1, max = 90) int stepSeconds,
            @ForAll long seed) {
        Random random = new Random(seed);
        ManualClock clock = ManualClock.ofDefaults();
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        HeldChannel dying = new HeldChannel();
        HeldChannel held = new HeldChannel();
        CampaignEngine dead = engine("dead", dying, semantics, store, clock);
        CampaignEngine own = engine("own", held, semantics, store, clock);
        CampaignId id = CampaignId.of("c");
        int audience = Math.max(1, deadSends + ownSends + neverSent);
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic(Pace.perSecond(1)).accept(config);
        dead.create(id, "t", "p", CampaignKind.LIVE, config.build());
        dead.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, audience)));
        sendUntil(dead, dying, deadSends, clock); // then it dies: no answer, no run
        sendUntil(own, held, ownSends, clock);
        int[] answerStep = new int[ownSends];
        for (int send = 0; send < ownSends; send++) {
            answerStep[send] = random.nextInt(STEPS + 1); // STEPS: answered after every step
        }

        own.finish(id);
        int sentAtFinish = dying.sent.size() + held.sent.size();
        for (int step = 0; step <= STEPS; step++) {
            for (int send = 0; send < ownSends; send++) {
                if (answerStep[send] == step) {
                    answer(held, send, OWN_OUTCOMES[random.nextInt(OWN_OUTCOMES.length)]);
                }
            }
            clock.advance(Duration.ofSeconds(stepSeconds));
            own.runDue();
            if (store.find(id).orElseThrow().state() == CampaignState.FINISHED) {
                RecipientCounts counts = store.counts(id);
                assertThat(counts.count(DeliveryState.PENDING))
                        .as("pending after FINISHED, step %d", step)
                        .isZero();
                assertThat(counts.count(DeliveryState.SENDING))
                        .as("SENDING after FINISHED, step %d", step)
                        .isLessThanOrEqualTo(own.inFlight());
            }
        }
        for (int lease = 0; lease < 3; lease++) {
            clock.advance(LEASE);
            own.runDue();
        }

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CampaignState.FINISHED);
        RecipientCounts counts = store.counts(id);
        assertThat(counts.count(DeliveryState.PENDING) + counts.count(DeliveryState.SENDING))
                .isZero();
        assertThat(Arrays.stream(DeliveryState.values())
                        .mapToLong(counts::count)
                        .sum())
                .isEqualTo(audience);
        assertThat(store.findRecipients(id, -1, 100))
                .filteredOn(r -> r.lease().isEmpty()
                        && r.state() == DeliveryState.UNKNOWN
                        && r.outcome().orElseThrow().code().equals(SkipReasons.LEASE_EXPIRED))
                .as("the dead process's sends")
                .hasSize(deadSends);
        assertThat(dying.sent.size() + held.sent.size())
                .as("nothing sent once finishing began")
                .isEqualTo(sentAtFinish);
    }

    /** Found by the property: two claims renewed at one instant share one lease value; counted once. */
    @Example
    void twoOwnClaimsRenewedToOneLeaseValueDoNotHideADeadProcesssSend() {
        sendsInFlightAtFinishAllSettleAndTheCampaignFinishes(1, 2, 0, DeliverySemantics.AT_MOST_ONCE, 1, 0L);
    }

    private static void answer(HeldChannel channel, int send, SendErrorClass failure) {
        if (failure == null) {
            channel.accept(send);
        } else {
            channel.fail(send, failure);
        }
    }

    private static void sendUntil(CampaignEngine sender, HeldChannel channel, int sends, ManualClock clock) {
        for (int second = 0; channel.sent.size() < sends; second++) {
            assertThat(second).as("sends made in time").isLessThan(sends * 2 + 2);
            sender.runDue();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(channel.sent).hasSize(sends);
    }

    private static CampaignEngine engine(
            String owner,
            HeldChannel channel,
            DeliverySemantics semantics,
            InMemoryCampaignStore store,
            ManualClock clock) {
        return CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId(owner)
                .leaseDuration(LEASE)
                .deliverySemantics(semantics)
                .build();
    }
}
