package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.ReceivedMessage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queued messages this engine is handing over (to a bot or to the host's fallback) right now, each
 * acknowledged once the host's call returned, and the campaigns whose hand-over stopped at a failed
 * acknowledgement until their next pass. Shared by the bot's and the fallback's hand-overs so one engine
 * never hands the same queued message twice.
 */
final class HandingOver {

    private static final Logger LOG = LoggerFactory.getLogger(HandingOver.class);

    private final InboundQueue inbound;
    private final Listeners listeners;
    private final Set<QueuedKey> handingOver = ConcurrentHashMap.newKeySet();
    private final Set<CampaignId> stalled = ConcurrentHashMap.newKeySet();

    HandingOver(InboundQueue inbound, Listeners listeners) {
        this.inbound = inbound;
        this.listeners = listeners;
    }

    /** A queued message being handed to the bot or the fallback by this engine. */
    record QueuedKey(CampaignId campaignId, long sequence) {}

    /** A new pass over the campaign's queue: what stalled the last one is tried again. */
    void newPass(CampaignId campaignId) {
        stalled.remove(campaignId);
    }

    /** Whether this engine takes {@code key} now; false while it is handing it over already. */
    boolean take(QueuedKey key) {
        return handingOver.add(key);
    }

    /** Forgets {@code key} without acknowledging it: it stays queued and is handed over after its lease. */
    void forget(QueuedKey key) {
        handingOver.remove(key);
    }

    void acknowledge(QueuedKey key) {
        try {
            inbound.acknowledgeQueued(key.campaignId(), List.of(key.sequence()));
        } catch (RuntimeException e) {
            // the store failed: hand over no more of this campaign's queue in this pass (each would be
            // handed again after its lease); the next pass starts again from what is still queued
            stalled.add(key.campaignId());
            throw e;
        } finally {
            handingOver.remove(key);
        }
        listeners.wakeUp(); // a finishing campaign waits for its queue to be empty
    }

    /** Whether the hand-over of {@code key} is called off because an acknowledgement of its campaign failed. */
    boolean calledOff(QueuedKey key) {
        if (stalled.contains(key.campaignId())) {
            handingOver.remove(key);
            return true;
        }
        return false;
    }

    /**
     * Whether to hand {@code message} over now. Not when {@code begin} decides otherwise ({@code done}
     * acknowledges a dropped one, {@code onDropped} forgets one left to another engine), nor when
     * recording the beginning failed (it stays queued and is handed after its lease; {@code onDropped}).
     */
    static boolean begun(
            Supplier<HandOvers.Decision> begin, ReceivedMessage message, Runnable done, Runnable onDropped) {
        HandOvers.Decision decision;
        try {
            decision = begin.get();
        } catch (RuntimeException storeFailed) {
            LOG.warn(
                    "could not record the hand-over of message {}; it is handed over after its lease",
                    message.messageId(),
                    storeFailed);
            onDropped.run();
            return false;
        }
        switch (decision) {
            case DROP -> done.run();
            case LEAVE -> onDropped.run();
            case HAND -> {}
        }
        return decision == HandOvers.Decision.HAND;
    }
}
