package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Conversations between contacts and a campaign's bot, and the inbound messages queued for them
 * while the campaign's active hours are closed. At most one conversation per campaign and phone is
 * open at a time. Deleting a campaign deletes its conversations and queued messages.
 */
public interface ConversationStore {

    /**
     * The open conversation of the phone in the campaign, opened now if there is none; atomic, so two
     * concurrent calls get the same conversation. A continued conversation gets {@code lastInboundAt}
     * and {@code lastActivityAt} set to {@code at} (when later than theirs).
     */
    Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant at);

    /** The open conversation of the phone in the campaign, if any. */
    Optional<Conversation> findOpenConversation(CampaignId campaignId, PhoneNumber phone);

    /** The conversation with the id, open or closed. */
    Optional<Conversation> findConversation(String conversationId);

    /** Records that the bot wrote in the conversation at {@code at} (inactivity restarts). */
    void touchConversation(String conversationId, Instant at);

    /**
     * Atomically records an out-of-hours automatic reply at {@code now} unless one was already
     * recorded at or after {@code periodStart} (the start of the current closed period): so the reply
     * is sent once per conversation per closed period.
     *
     * @return whether the caller should send the automatic reply
     */
    boolean tryMarkAutoReply(String conversationId, Instant periodStart, Instant now);

    /**
     * Closes the conversation if it is open.
     *
     * @return the closed conversation, or empty if it was already closed (or unknown)
     */
    Optional<Conversation> closeConversation(String conversationId, String reason, Instant at);

    /**
     * Closes up to {@code limit} open conversations of the campaign whose {@code lastActivityAt} is
     * at or before {@code idleSince}, or every open one when {@code idleSince} is empty.
     *
     * @return the conversations closed
     */
    List<Conversation> closeConversations(CampaignId campaignId, Optional<Instant> idleSince, String reason,
            int limit, Instant at);

    /** The earliest {@code lastActivityAt} among the campaign's open conversations, for inactivity timeouts. */
    Optional<Instant> oldestActivity(CampaignId campaignId);

    // ---------------------------------------------------------------- queued inbound

    /**
     * Keeps an inbound message until hours open; idempotent by the message's id within the campaign
     * (a duplicate webhook does not queue it twice). The store assigns the sequence.
     *
     * @return whether it was queued (false for a duplicate)
     */
    boolean enqueueInbound(String conversationId, CampaignId campaignId, PhoneNumber phone, InboundMessage message);

    /**
     * Atomically leases up to {@code limit} queued messages of the campaign that are not under a live
     * lease, oldest first (by sequence), so they reach the bot in arrival order. A message is kept
     * until {@link #acknowledgeQueued}: if the holder crashes, it is handed out again after its lease.
     */
    List<QueuedInbound> claimQueued(CampaignId campaignId, Lease lease, int limit, Instant now);

    /** Removes messages handed to the bot, by sequence. Idempotent. */
    void acknowledgeQueued(CampaignId campaignId, List<Long> sequences);

    /** How many messages of the campaign are queued. */
    long countQueued(CampaignId campaignId);
}
