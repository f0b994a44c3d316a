package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The inbound messages of conversations on their way to the campaign's bot: every one is queued here
 * before its webhook is answered, and stays until the bot got it; those that arrive while the
 * campaign's active hours are closed wait here until hours open.
 *
 * <h2>Atomicity</h2>
 * Queuing is idempotent by the message's id within the campaign, also after the message was
 * acknowledged (a webhook redelivered later is no new message); claims lease messages so each goes
 * to one holder at a time, oldest first, and a message stays until acknowledged (if a holder crashes,
 * it is handed out again after its lease; the engine then tells by a mark of its own whether the bot
 * may have had it). Deleting a campaign deletes its queued messages. Implementations are thread-safe;
 * arguments are checked before they reach them.
 */
public interface InboundQueue {

    /**
     * Keeps an inbound message until the bot got it; a duplicate webhook does not queue it twice, even
     * after it was acknowledged. The store assigns the sequence.
     *
     * @return whether it was queued (false for a message of that id queued before)
     */
    boolean enqueueInbound(String conversationId, CampaignId campaignId, PhoneNumber phone, ReceivedMessage message);

    /**
     * Atomically leases up to {@code limit} queued messages of the campaign that are not under a live
     * lease, oldest first (by sequence), so they reach the bot in arrival order. A message is kept
     * until {@link #acknowledgeQueued}: if the holder crashes, it is handed out again after its lease.
     *
     * @param lease live at {@code now}
     */
    List<QueuedInbound> claimQueued(CampaignId campaignId, Lease lease, int limit, Instant now);

    /** Removes messages handed to the bot, by sequence. Idempotent. */
    void acknowledgeQueued(CampaignId campaignId, List<Long> sequences);

    /**
     * How many messages of the campaign are queued (leased or not). By default it reads the pages of
     * {@link #queuedInbound}; a database overrides it with one count.
     */
    default long countQueued(CampaignId campaignId) {
        long count = 0;
        long after = -1;
        List<QueuedInbound> page;
        do {
            page = queuedInbound(campaignId, after, CampaignStore.MAX_BATCH);
            count += page.size();
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
            }
        } while (page.size() == CampaignStore.MAX_BATCH);
        return count;
    }

    /**
     * A page of the campaign's queued messages (not yet acknowledged, leased or not) by sequence, after
     * {@code afterSequence} (-1 for the first page); a read that changes nothing, for hosts and tests.
     *
     * @param limit 1 to {@link CampaignStore#MAX_BATCH}
     */
    List<QueuedInbound> queuedInbound(CampaignId campaignId, long afterSequence, int limit);

    /**
     * Where messages for the host's unrouted-message handler are kept until it had them: empty (the
     * default, unless the store itself is an {@link UnroutedInbox}) when the store does not keep them. Not an
     * abstract method: a store need not keep them.
     */
    default Optional<UnroutedInbox> unroutedInbox() {
        return this instanceof UnroutedInbox inbox ? Optional.of(inbox) : Optional.empty();
    }
}
