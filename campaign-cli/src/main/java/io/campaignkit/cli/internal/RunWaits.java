package io.campaignkit.cli.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import java.time.Duration;
import java.time.Instant;

/**
 * How a run waits once its campaign is launched: for every recipient to be settled, for the webhooks
 * that come after the last send, for the sends in flight when it is stopped, and for its campaign to
 * be finished. Each wait polls the engine every {@link #TICK} and is bounded; a stop request (Ctrl-C)
 * cuts the first two short. {@code simulated} may be null (no simulated channel).
 */
final class RunWaits {

    /** How often progress is polled. */
    static final Duration TICK = Duration.ofMillis(100);
    /** How long a stopped run waits for sends in flight to be answered and recorded. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final CliContext context;
    private final StopSignal stop;
    private final Duration listenAfterSends;
    private final boolean waitForSimulatedEvents;

    /**
     * @param listenAfterSends how long webhooks are listened for after the last send ({@code --wait})
     * @param waitForSimulatedEvents stop listening as soon as the simulated channel has no event left
     */
    RunWaits(CliContext context, StopSignal stop, Duration listenAfterSends, boolean waitForSimulatedEvents) {
        this.context = context;
        this.stop = stop;
        this.listenAfterSends = listenAfterSends;
        this.waitForSimulatedEvents = waitForSimulatedEvents;
    }

    /** Until every recipient is settled (or the run is stopped); true when stopped. */
    boolean awaitSending(CampaignEngine engine, CampaignId id, ProgressView progress) {
        while (true) {
            CampaignMetrics metrics = engine.metrics(id);
            progress.update(metrics);
            if (metrics.pending() == 0 && metrics.sending() == 0 && engine.inFlight() == 0) {
                return false;
            }
            if (stop.awaitStop(TICK)) {
                return true;
            }
        }
    }

    /**
     * Keeps listening for status webhooks and replies for {@code --wait}; true when stopped. On the
     * simulated channel it stops as soon as every simulated event is delivered and recorded (not
     * merely taken off the channel's queue), so the campaign is finished after the last of them and
     * one seed gives one outcome per contact, however slow the webhooks are.
     */
    boolean awaitWebhooks(CampaignEngine engine, CampaignId id, ProgressView progress, SimulatedEvents simulated) {
        Instant deadline = Instant.now().plus(listenAfterSends);
        while (Instant.now().isBefore(deadline)) {
            progress.update(engine.metrics(id));
            if (waitForSimulatedEvents && simulated != null && simulated.settled()) {
                return false;
            }
            if (stop.awaitStop(TICK)) {
                return true;
            }
        }
        progress.update(engine.metrics(id));
        if (waitForSimulatedEvents && simulated != null && !simulated.settled()) {
            context.err()
                    .println("stopped waiting after " + listenAfterSends.toSeconds()
                            + " s with simulated events still on their way; they are not in the reports");
        }
        return false;
    }

    /** A stopped run: no new sends, and those in flight answered and recorded (bounded). */
    static void stopSending(CampaignEngine engine, CampaignId id) {
        try {
            engine.pause(id);
        } catch (CampaignKitException notSending) {
            // done sending already: nothing to pause
        }
        drain(engine);
    }

    /** Waits, bounded, until the channel answered every send in flight, so each is recorded. */
    static void drain(CampaignEngine engine) {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        while (engine.inFlight() > 0
                && Instant.now().isBefore(deadline)
                && !Thread.currentThread().isInterrupted()) {
            StopSignal.pause(TICK);
        }
    }

    /**
     * Waits, bounded, until the engine's calls to the bots and the listener have run (a finish closes
     * conversations and tells each bot after it returned): the store they write to closes next.
     */
    static void awaitCallbacks(CampaignEngine engine, java.io.PrintWriter err) {
        try {
            if (!engine.awaitCallbacks(DRAIN_TIMEOUT)) {
                err.println("bot flows still running after " + DRAIN_TIMEOUT.toSeconds()
                        + " s: stopping without waiting for them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping anyway: the store closes next
        }
    }

    /** finish() leaves the campaign FINISHING while sends are in flight; the runner finishes it as their answers come. */
    static Campaign awaitFinished(CampaignEngine engine, Campaign finishing) {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        Campaign now = finishing;
        while (now.isFinishing()
                && Instant.now().isBefore(deadline)
                && !Thread.currentThread().isInterrupted()) {
            StopSignal.pause(TICK);
            now = engine.find(finishing.id()).orElse(now);
        }
        return now;
    }
}
