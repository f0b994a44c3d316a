package io.campaignkit.core.dispatch.pacing;

import io.campaignkit.core.campaign.SenderKey;

import static io.campaignkit.core.internal.Arguments.requireNonNull;

import io.campaignkit.core.campaign.CampaignId;

/**
 * The two limits every send of a campaign must fit: the campaign's own pace and its sender's limit,
 * which every campaign on that sender shares. A {@link PacingStore} grants a permit only when both
 * allow it.
 *
 * @param campaign      the campaign whose pace {@code campaignLimit} is
 * @param campaignLimit the campaign's pace, with its burst
 * @param sender        the campaign's sender
 * @param senderLimit   the sender's limit, with its burst; every campaign on the sender must use the same
 */
public record SendLimits(CampaignId campaign, RateLimit campaignLimit, SenderKey sender, RateLimit senderLimit) {

    /** Validates. */
    public SendLimits {
        requireNonNull(campaign, "campaign");
        requireNonNull(campaignLimit, "campaignLimit");
        requireNonNull(sender, "sender");
        requireNonNull(senderLimit, "senderLimit");
    }
}
