package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * Conversations between contacts and a campaign's bot (their inbound messages queued while hours
 * are closed live in the {@link InboundQueue}).
 *
 * <h2>Atomicity</h2>
 * At most one conversation per campaign and phone is open at a time: {@link #openOrContinue} is
 * atomic, so two concurrent calls get the same conversation. Each {@link ConversationChange} is
 * applied atomically on its conversation and only to an open one. Deleting a campaign deletes its
 * conversations. Implementations are thread-safe; arguments are checked before they reach them.
 */
public interface ConversationStore {

    /**
     * The open conversation of the phone in the campaign, opened at {@code at} if there is none.
     * {@code lastInboundAt} becomes {@code inboundAt} in a new conversation, and the later of its own
     * and {@code inboundAt} in a continued one; {@code lastActivityAt} the same with {@code at}. The
     * two differ when a message queued out of hours is handed to the bot later: the customer-service
     * window runs from when the contact wrote, whatever became of conversations meanwhile, and
     * inactivity from the hand-over.
     */
    Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant inboundAt, Instant at);

    /** The conversation with the id, open or closed. */
    Optional<Conversation> findConversation(String conversationId);

    /**
     * Applies {@code change} to the conversation if it is open and the change applies (see each kind).
     *
     * @return the conversation as the change left it, or empty if it changed nothing (closed, unknown,
     *     or nothing to change)
     */
    Optional<Conversation> changeConversation(String conversationId, ConversationChange change);

    /**
     * Closes up to {@code limit} open conversations of the campaign whose {@code lastActivityAt} is at
     * or before {@code idleSince}, or every open one when {@code idleSince} is empty, by ascending
     * {@code lastActivityAt}; and tells when the next open one would go idle.
     *
     * @return the conversations closed, and the earliest {@code lastActivityAt} among those still open
     */
    ConversationSweep closeConversations(
            CampaignId campaignId, Optional<Instant> idleSince, String reason, int limit, Instant at);

    // ---------------------------------------------------------------- shorthands

    /** The contact wrote at {@code at}: {@link #openOrContinue(CampaignId, PhoneNumber, Instant, Instant)} with both at {@code at}. */
    default Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant at) {
        return openOrContinue(campaignId, phone, at, at);
    }

    /** Records that the bot wrote in the conversation at {@code at}: {@link ConversationChange.Touch}. */
    default void touchConversation(String conversationId, Instant at) {
        changeConversation(conversationId, new ConversationChange.Touch(at));
    }

    /**
     * Whether the caller should send the out-of-hours automatic reply, marking it sent:
     * {@link ConversationChange.MarkAutoReply}.
     */
    default boolean tryMarkAutoReply(String conversationId, Instant periodStart, Instant now) {
        return changeConversation(conversationId, new ConversationChange.MarkAutoReply(periodStart, now))
                .isPresent();
    }

    /** Closes the conversation if it is open: {@link ConversationChange.Close}. */
    default Optional<Conversation> closeConversation(String conversationId, String reason, Instant at) {
        return changeConversation(conversationId, new ConversationChange.Close(reason, at));
    }
}
