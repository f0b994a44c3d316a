package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.require;
import static io.campaignkit.core.internal.Arguments.requireNonNull;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;

/**
 * The two limits every send of a campaign must fit: the campaign's own pace and its sender's limit,
 * which every campaign on that sender shares. A {@link PacingStore} grants a permit only when both
 * allow it.
 *
 * <p>A message that is not a campaign's (a bot's or an agent's reply) still counts against its
 * sender's limit, since the provider counts every message of the number, but no campaign's pace
 * applies to it: {@link #senderOnly} makes those limits. Their campaign is the reserved
 * {@link #SENDER_ONLY} and their campaign limit is the sender's own, so any {@link PacingStore}
 * serves them with the methods it has: a store may keep a bucket for that reserved campaign per
 * sender, and since that bucket refills as the sender's does and only gives permits the sender's
 * bucket also gives, it never grants less than the sender's bucket (on one timeline); a store may
 * also recognise {@link #isSenderOnly()} and use the sender's bucket alone.
 *
 * @param campaign      the campaign whose pace {@code campaignLimit} is, or {@link #SENDER_ONLY}
 * @param campaignLimit the campaign's pace, with its burst; the sender's limit for {@link #SENDER_ONLY}
 * @param sender        the campaign's sender
 * @param senderLimit   the sender's limit, with its burst; every campaign on the sender must use the same
 */
public record SendLimits(CampaignId campaign, RateLimit campaignLimit, SenderKey sender, RateLimit senderLimit) {

    /**
     * The campaign of {@linkplain #senderOnly sender-only limits}: reserved, no campaign may be created
     * with this id.
     */
    public static final CampaignId SENDER_ONLY = CampaignId.of("campaignkit.sender-only");

    /** Validates. */
    public SendLimits {
        requireNonNull(campaign, "campaign");
        requireNonNull(campaignLimit, "campaignLimit");
        requireNonNull(sender, "sender");
        requireNonNull(senderLimit, "senderLimit");
        require(
                !campaign.equals(SENDER_ONLY) || campaignLimit.equals(senderLimit),
                "campaignLimit",
                "the limits of " + SENDER_ONLY + " have the sender's limit " + senderLimit + " as campaign limit, was "
                        + campaignLimit);
    }

    /**
     * The limits of a message that only its sender's limit applies to (a reply in a conversation).
     *
     * @param sender      the sender
     * @param senderLimit its limit, the same every campaign on it uses
     * @return limits of campaign {@link #SENDER_ONLY}
     */
    public static SendLimits senderOnly(SenderKey sender, RateLimit senderLimit) {
        requireNonNull(senderLimit, "senderLimit");
        return new SendLimits(SENDER_ONLY, senderLimit, sender, senderLimit);
    }

    /** Whether these are {@linkplain #senderOnly sender-only} limits. */
    public boolean isSenderOnly() {
        return campaign.equals(SENDER_ONLY);
    }

    /**
     * The time one permit of the sender's limit takes to refill, rounded up to the nanosecond: how
     * much later a message sent without a permit makes the sender's next one.
     */
    public java.time.Duration senderPermitInterval() {
        long period = senderLimit.period().toNanos();
        return java.time.Duration.ofNanos((period + senderLimit.permits() - 1) / senderLimit.permits());
    }
}
