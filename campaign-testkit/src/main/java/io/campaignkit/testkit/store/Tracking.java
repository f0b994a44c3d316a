package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.UnmatchedStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Handled event keys, status reports for unknown messages, and funnel steps. */
final class Tracking {

    private final Set<String> handledEvents = ConcurrentHashMap.newKeySet();
    private final Map<String, List<UnmatchedStatus>> unmatched = new ConcurrentHashMap<>();
    private final AtomicLong unmatchedKept = new AtomicLong();
    private final Map<RecipientKey, List<FunnelStep>> steps = new ConcurrentHashMap<>();
    private final Map<CampaignId, Map<String, Set<PhoneNumber>>> reachedByCampaign = new ConcurrentHashMap<>();

    boolean markEventHandled(String eventKey, Instant at) {
        return handledEvents.add(eventKey);
    }

    boolean wasEventHandled(String eventKey) {
        return handledEvents.contains(eventKey);
    }

    void keepUnmatched(UnmatchedStatus status) {
        unmatched.compute(status.providerMessageId(), (id, kept) -> {
            List<UnmatchedStatus> list = kept == null ? new ArrayList<>() : kept;
            if (!list.contains(status)) {
                list.add(status);
                unmatchedKept.incrementAndGet();
            }
            return list;
        });
    }

    List<UnmatchedStatus> takeUnmatched(String providerMessageId) {
        List<UnmatchedStatus> taken = unmatched.remove(providerMessageId);
        if (taken == null) {
            return List.of();
        }
        List<UnmatchedStatus> sorted = new ArrayList<>(taken);
        sorted.sort(Comparator.comparing(UnmatchedStatus::at));
        return sorted;
    }

    long countUnmatched() {
        return unmatchedKept.get();
    }

    void recordFunnelStep(FunnelStep step) {
        RecipientKey key = new RecipientKey(step.campaignId(), step.phone());
        steps.compute(key, (k, recorded) -> {
            if (recorded != null && recorded.contains(step)) {
                return recorded;
            }
            List<FunnelStep> list = recorded == null ? new ArrayList<>() : new ArrayList<>(recorded);
            list.add(step);
            list.sort(Comparator.comparing(FunnelStep::at));
            return List.copyOf(list); // immutable, so readers need no lock
        });
        reachedByCampaign
                .computeIfAbsent(step.campaignId(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(step.step(), s -> ConcurrentHashMap.newKeySet())
                .add(step.phone());
    }

    List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone) {
        List<FunnelStep> recorded = steps.get(new RecipientKey(campaignId, phone));
        return recorded == null ? List.of() : recorded;
    }

    Map<String, Long> funnelCounts(CampaignId campaignId) {
        Map<String, Set<PhoneNumber>> reached = reachedByCampaign.get(campaignId);
        Map<String, Long> counts = new TreeMap<>();
        if (reached != null) {
            reached.forEach((step, phones) -> counts.put(step, (long) phones.size()));
        }
        return counts;
    }

    void deleteCampaign(CampaignId campaignId) {
        Map<String, Set<PhoneNumber>> reached = reachedByCampaign.remove(campaignId);
        if (reached != null) {
            Set<PhoneNumber> phones = new HashSet<>();
            reached.values().forEach(phones::addAll);
            phones.forEach(phone -> steps.remove(new RecipientKey(campaignId, phone)));
        }
    }
}
