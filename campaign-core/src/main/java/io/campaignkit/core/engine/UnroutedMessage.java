package io.campaignkit.core.engine;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * An inbound message no campaign's bot will answer, as the host's {@link UnroutedMessageHandler}
 * receives it, with why.
 *
 * @param channelId the channel it came through
 * @param message the message; for one that was queued, rebuilt from what the engine kept (its
 *     provider id, sender, contact, time, typed content, text and media links)
 * @param reason why no bot answers it
 * @param campaignId the campaign the contact was engaged in, when there was one
 *     ({@link Reason#CAMPAIGN_FINISHED})
 */
public record UnroutedMessage(
        String channelId, InboundMessage message, Reason reason, Optional<CampaignId> campaignId) {

    /** Why a message is not routed to a bot. */
    public enum Reason {
        /** The sender's number is no valid phone number. */
        NOT_A_PHONE,
        /** The contact is engaged in no active campaign on the sender it wrote to. */
        NO_ACTIVE_CAMPAIGN,
        /**
         * The contact's campaign finished before its bot got the message: it was queued outside the
         * campaign's active hours (out-of-hours policy QUEUE) and the campaign finished before they
         * opened, or it arrived while the campaign was finishing. Handed over in arrival order.
         */
        CAMPAIGN_FINISHED,
        /**
         * It arrived outside the campaign's active hours under the out-of-hours policy CLOSE: the
         * contact's conversation was closed ({@code OUT_OF_HOURS}) and the bot does not get it, so the
         * host does, as it arrived, with the campaign named; nothing the contact wrote is lost.
         */
        OUT_OF_HOURS_CLOSED
    }

    public UnroutedMessage {
        Arguments.requireNonBlank(channelId, "channelId");
        Arguments.requireNonNull(message, "message");
        Arguments.requireNonNull(reason, "reason");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.require(
                campaignId.isPresent() == (reason == Reason.CAMPAIGN_FINISHED || reason == Reason.OUT_OF_HOURS_CLOSED),
                "campaignId",
                "a campaign is named exactly when the reason is CAMPAIGN_FINISHED or OUT_OF_HOURS_CLOSED (reason "
                        + reason + ")");
    }
}
