package io.campaignkit.core.engine.internal;

import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.HandOverInterruptedException;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.TrackingStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a contact's message to the host's code, as sends are claimed: every message goes
 * through the {@link io.campaignkit.core.port.InboundQueue}, is claimed there under a lease, is marked
 * begun in the {@link TrackingStore} right before the bot (or the fallback) is called, and is
 * acknowledged in the queue once the call returned. The mark is atomic and kept, so of every engine
 * that ever holds the message exactly one begins its hand-over; a holder that finds it begun by another
 * and then died knows the outcome is unknown and follows the engine's {@link DeliverySemantics}: at
 * most once, it reports {@link EngineFailure#HAND_OVER_INTERRUPTED} and hands nothing; at least once,
 * it hands the message again. A holder that outlived its lease while the message waited for a slow
 * bot, and finds it taken over by another engine, leaves it to that one.
 */
final class HandOvers {

    private static final Logger LOG = LoggerFactory.getLogger(HandOvers.class);
    /** Prefix of the event keys that mark a queued message's hand-over begun: campaign and provider message id. */
    static final String BEGUN_MARK = "inbound-hand-over:";

    private final TrackingStore tracking;
    private final InboundQueue inbound;
    private final DeliverySemantics semantics;
    private final Clock clock;
    private final Listeners listeners;

    HandOvers(
            TrackingStore tracking,
            InboundQueue inbound,
            DeliverySemantics semantics,
            Clock clock,
            Listeners listeners) {
        this.tracking = tracking;
        this.inbound = inbound;
        this.semantics = semantics;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** What the holder of a claimed message does with it. */
    enum Decision {
        /** Hand it to the host's code, then acknowledge it. */
        HAND,
        /** Acknowledge it without handing it: its earlier hand-over was interrupted (at most once). */
        DROP,
        /** Leave it: another holder took it over (this one outlived its lease) and decides. */
        LEAVE
    }

    /**
     * Called right before the host's code gets {@code queued}, claimed by this engine: marks its
     * hand-over begun and answers what to do with it.
     */
    Decision begin(QueuedInbound queued) {
        String key = BEGUN_MARK + queued.campaignId().value() + "|"
                + queued.message().messageId();
        if (tracking.markEventHandled(key, clock.instant())) {
            return Decision.HAND;
        }
        List<QueuedInbound> now = inbound.queuedInbound(queued.campaignId(), queued.sequence() - 1, 1);
        boolean stillOurs = !now.isEmpty()
                && now.get(0).sequence() == queued.sequence()
                && now.get(0).lease().equals(queued.lease());
        if (!stillOurs) {
            return Decision.LEAVE; // acknowledged, or claimed by another engine since: it began there
        }
        if (semantics == DeliverySemantics.AT_LEAST_ONCE) {
            LOG.warn(
                    "message {} of campaign {} was being handed over by a process that stopped before it was done;"
                            + " it is handed again (at-least-once)",
                    queued.message().messageId(),
                    queued.campaignId());
            return Decision.HAND;
        }
        HandOverInterruptedException interrupted = new HandOverInterruptedException(
                queued.campaignId(), queued.conversationId(), queued.message().messageId());
        LOG.warn(interrupted.getMessage());
        listeners.failure(Optional.of(queued.campaignId()), EngineFailure.HAND_OVER_INTERRUPTED, interrupted);
        return Decision.DROP;
    }
}
