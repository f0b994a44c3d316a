package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine keeps about channel events besides recipients: which events it already handled
 * (webhooks are redelivered), status reports for unknown messages, and the bots' funnel steps.
 *
 * <h2>Atomicity</h2>
 * Marking an event handled is atomic per key: of two concurrent marks exactly one is the first.
 * Keeping a report or a funnel step twice keeps it once; taking reports removes them, so each is
 * taken once. Implementations are thread-safe; arguments are checked before they reach them.
 */
public interface TrackingStore {

    /**
     * Whether the event with this key was handled before this call; with {@code markAt}, it is marked
     * handled at that instant in the same atomic step. Keys are the channel id and the event's
     * deduplication key.
     */
    boolean eventHandledBefore(String eventKey, Optional<Instant> markAt);

    /** Keeps a status report whose message is unknown. Keeping one report twice keeps it once. */
    void keepUnmatchedStatus(UnmatchedStatus status);

    /**
     * Removes and returns the kept reports naming any of {@code providerMessageIds} (the receipts of
     * one batch), per id and oldest first, only for ids that had some.
     */
    Map<String, List<UnmatchedStatus>> takeUnmatchedStatuses(Collection<String> providerMessageIds);

    /** Records a funnel step; recording the same step of a contact at the same instant again is a no-op. */
    void recordFunnelStep(FunnelStep step);

    /** The funnel steps of one contact in a campaign, by time. */
    List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone);

    /** How many distinct contacts of the campaign reached each step. */
    Map<String, Long> funnelCounts(CampaignId campaignId);

    // ---------------------------------------------------------------- shorthands

    /** Marks the event handled: true the first time, false for a duplicate. */
    default boolean markEventHandled(String eventKey, Instant at) {
        return !eventHandledBefore(eventKey, Optional.of(at));
    }

    /** Whether an event with this key was marked handled, without marking it. */
    default boolean wasEventHandled(String eventKey) {
        return eventHandledBefore(eventKey, Optional.empty());
    }

    /** The kept reports naming {@code providerMessageId}, removed, oldest first. */
    default List<UnmatchedStatus> takeUnmatchedStatuses(String providerMessageId) {
        return takeUnmatchedStatuses(List.of(providerMessageId)).getOrDefault(providerMessageId, List.of());
    }
}
