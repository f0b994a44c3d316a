package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import java.util.Map;

/**
 * A campaign's live figures.
 *
 * @param campaignId the campaign
 * @param audience every recipient, skipped ones included
 * @param pending waiting to be sent (a retry included)
 * @param sending handed to the channel, answer not yet recorded
 * @param sent accepted by the provider (whatever became of them later)
 * @param delivered delivered to the handset (read and replied included)
 * @param read read (replied ones the channel reported read included)
 * @param replied answered by the contact
 * @param failed failed for good
 * @param unknown no answer from the channel; not resent (at-most-once)
 * @param skipped never sent
 * @param skippedByReason skipped per reason code
 * @param failedByCode failed per reason code
 * @param funnel contacts per funnel step the bot reported
 */
public record CampaignMetrics(CampaignId campaignId, long audience, long pending, long sending, long sent,
        long delivered, long read, long replied, long failed, long unknown, long skipped,
        Map<String, Long> skippedByReason, Map<String, Long> failedByCode, Map<String, Long> funnel) {

    public CampaignMetrics {
        Arguments.requireNonNull(campaignId, "campaignId");
        skippedByReason = Map.copyOf(skippedByReason);
        failedByCode = Map.copyOf(failedByCode);
        funnel = Map.copyOf(funnel);
    }

    /** The metrics of the store's counts. */
    public static CampaignMetrics of(CampaignId campaignId, RecipientCounts counts, Map<String, Long> funnel) {
        return new CampaignMetrics(campaignId, counts.total(), counts.count(DeliveryState.PENDING),
                counts.count(DeliveryState.SENDING), counts.accepted(), counts.delivered(), counts.read(),
                counts.count(DeliveryState.REPLIED), counts.count(DeliveryState.FAILED),
                counts.count(DeliveryState.UNKNOWN), counts.count(DeliveryState.SKIPPED), counts.skippedByReason(),
                counts.failedByCode(), funnel);
    }

    /** delivered / sent, from 0 to 1; 0 when nothing was sent. */
    public double receivedRate() {
        return ratio(delivered, sent);
    }

    /** read / delivered. */
    public double readRate() {
        return ratio(read, delivered);
    }

    /** replied / delivered. */
    public double repliedRate() {
        return ratio(replied, delivered);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
