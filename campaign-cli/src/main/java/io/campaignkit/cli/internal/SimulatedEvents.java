package io.campaignkit.cli.internal;

import io.campaignkit.channel.simulated.SimulatedChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Releases the simulated channel's due answers and events (each event a webhook, over HTTP when the
 * program listens) and says when all of them have been delivered and answered.
 *
 * <p>The channel takes an event off its queue before delivering it, so "nothing pending" alone is
 * also true while the last webhooks are still on their way; a run that finished its campaign then
 * would record a late reply or status, or not, depending on timing, and one seed would give
 * different outcomes. {@link #settled()} also waits for the release in progress: the webhook server
 * answers only after the engine applied the events, so a release that returned has recorded them.
 */
final class SimulatedEvents {

    private final SimulatedChannel channel;
    private final AtomicInteger releasing = new AtomicInteger();

    SimulatedEvents(SimulatedChannel channel) {
        if (channel == null) {
            throw new IllegalArgumentException("channel must not be null");
        }
        this.channel = channel;
    }

    /** Delivers what is due now; the webhooks' answers are in when it returns. */
    void release() {
        releasing.incrementAndGet();
        try {
            channel.deliverDueEvents();
        } finally {
            releasing.decrementAndGet();
        }
    }

    /**
     * Whether every answer and event is delivered and answered: none waiting for its instant and none
     * on its way. Once no send can be made any more, this stays true.
     */
    boolean settled() {
        // pending first: an event taken off the queue is counted by the release delivering it, which
        // started (and counted itself) before taking it and ends only once it is answered
        return channel.pendingCount() == 0 && releasing.get() == 0;
    }
}
