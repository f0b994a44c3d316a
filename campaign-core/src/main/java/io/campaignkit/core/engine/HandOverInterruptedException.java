package io.campaignkit.core.engine;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;

/**
 * What the listener gets as an {@link io.campaignkit.core.port.EngineFailure#HAND_OVER_INTERRUPTED}:
 * a process died while it was handing a contact's message to the bot (or, at the finish, to the
 * unrouted-message handler), after recording that it began and before recording that it was done. The
 * engine that took the message over cannot tell whether the host's code got it; under
 * {@link DeliverySemantics#AT_MOST_ONCE} it does not hand it again, so no bot sees one message twice,
 * and says so here, naming the message.
 */
public final class HandOverInterruptedException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every such failure. */
    public static final String HAND_OVER_INTERRUPTED = "HAND_OVER_INTERRUPTED";

    private final String campaignId;
    private final String conversationId;
    private final String messageId;

    public HandOverInterruptedException(CampaignId campaignId, String conversationId, String messageId) {
        super(
                HAND_OVER_INTERRUPTED,
                "the hand-over of message " + messageId + " in conversation " + conversationId
                        + " of campaign " + campaignId.value()
                        + " was interrupted by a crash: the host's code may or may not"
                        + " have got it, and it is not handed again (at-most-once)");
        this.campaignId = campaignId.value();
        this.conversationId = conversationId;
        this.messageId = messageId;
    }

    public CampaignId campaignId() {
        return CampaignId.of(campaignId);
    }

    public String conversationId() {
        return conversationId;
    }

    /** The provider's id of the message. */
    public String messageId() {
        return messageId;
    }
}
