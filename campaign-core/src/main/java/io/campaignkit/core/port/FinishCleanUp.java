package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;

/**
 * What a finishing campaign's clean-up did, reported once, when the campaign became FINISHED. A
 * clean-up that took several runs (one interrupted by a crash, or one that waited for queued messages
 * another process held) reports what its last run did ({@code resumed}); the earlier runs are only
 * logged.
 *
 * @param campaignId the campaign
 * @param reason why it finished
 * @param recipientsSkipped recipients not yet sent, now SKIPPED(CAMPAIGN_FINISHED)
 * @param conversationsClosed open conversations closed (CAMPAIGN_FINISHED)
 * @param queuedMessagesHandedOver inbound messages queued outside active hours that the bot never got,
 *     handed to the host's {@code UnroutedMessageHandler} in arrival order
 * @param engagementsReleased contacts released, so other campaigns on the sender may engage them
 * @param resumed whether this run took over a clean-up that an earlier one did not complete
 * @param at when the campaign became FINISHED, at the end of its clean-up; later than the campaign's
 *     {@code finishedAt} (when finishing began) when the clean-up waited for sends in flight or for
 *     queued messages
 */
public record FinishCleanUp(
        CampaignId campaignId,
        FinishReason reason,
        long recipientsSkipped,
        long conversationsClosed,
        long queuedMessagesHandedOver,
        long engagementsReleased,
        boolean resumed,
        Instant at) {

    public FinishCleanUp {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(reason, "reason");
        Arguments.require(
                recipientsSkipped >= 0, "recipientsSkipped", "must not be negative, was " + recipientsSkipped);
        Arguments.require(
                conversationsClosed >= 0, "conversationsClosed", "must not be negative, was " + conversationsClosed);
        Arguments.require(
                queuedMessagesHandedOver >= 0,
                "queuedMessagesHandedOver",
                "must not be negative, was " + queuedMessagesHandedOver);
        Arguments.require(
                engagementsReleased >= 0, "engagementsReleased", "must not be negative, was " + engagementsReleased);
        Arguments.requireNonNull(at, "at");
    }
}
