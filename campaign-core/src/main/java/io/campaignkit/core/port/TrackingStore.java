package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine keeps about channel events besides recipients: which events it already handled
 * (webhooks are redelivered), status reports for unknown messages, and the bots' funnel steps.
 */
public interface TrackingStore {

    /**
     * Records that the event with this key was handled. Atomic: of two concurrent calls with one key,
     * exactly one returns true. Keys are the channel id and the event's deduplication key.
     *
     * @return true the first time, false for a duplicate
     */
    boolean markEventHandled(String eventKey, Instant at);

    /** Whether an event with this key was marked handled, without marking it. */
    boolean wasEventHandled(String eventKey);

    /** Keeps a status report whose message is unknown. Keeping one report twice keeps it once. */
    void keepUnmatchedStatus(UnmatchedStatus status);

    /**
     * Removes and returns the kept reports naming {@code providerMessageId}, oldest first, once its
     * receipt is recorded.
     */
    List<UnmatchedStatus> takeUnmatchedStatuses(String providerMessageId);

    /**
     * {@link #takeUnmatchedStatuses(String)} for many messages at once (the receipts of one batch):
     * the kept reports per provider message id, only for ids that had some. A database overrides it
     * with one statement.
     */
    default Map<String, List<UnmatchedStatus>> takeUnmatchedStatuses(Collection<String> providerMessageIds) {
        Map<String, List<UnmatchedStatus>> taken = new HashMap<>();
        for (String id : providerMessageIds) {
            List<UnmatchedStatus> statuses = takeUnmatchedStatuses(id);
            if (!statuses.isEmpty()) {
                taken.put(id, statuses);
            }
        }
        return taken;
    }

    /** How many unmatched reports were ever kept (taken ones included): a health metric. */
    long countUnmatchedStatuses();

    /** Records a funnel step; recording the same step of a contact at the same instant again is a no-op. */
    void recordFunnelStep(FunnelStep step);

    /** The funnel steps of one contact in a campaign, by time. */
    List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone);

    /** How many distinct contacts of the campaign reached each step. */
    Map<String, Long> funnelCounts(CampaignId campaignId);
}
