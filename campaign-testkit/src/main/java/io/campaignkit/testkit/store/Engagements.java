package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which campaign each phone is engaged with, per sender. Engaging is one atomic
 * {@link ConcurrentHashMap#putIfAbsent} per phone, so of two campaigns engaging one phone on one
 * sender at the same moment exactly one wins. Each campaign remembers the phones it engaged per
 * sender, so releasing never scans other campaigns' engagements.
 */
final class Engagements {

    private final Map<SenderKey, Map<PhoneNumber, CampaignId>> bySender = new ConcurrentHashMap<>();
    /** Per campaign, per sender, the phones it engaged; guarded by the inner map's lock. */
    private final Map<CampaignId, Map<SenderKey, ArrayDeque<PhoneNumber>>> byCampaign = new ConcurrentHashMap<>();

    Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        Map<PhoneNumber, CampaignId> engaged = bySender.computeIfAbsent(sender, key -> new ConcurrentHashMap<>());
        Map<SenderKey, ArrayDeque<PhoneNumber>> mine =
                byCampaign.computeIfAbsent(campaignId, key -> new LinkedHashMap<>());
        Set<PhoneNumber> taken = new LinkedHashSet<>();
        for (PhoneNumber phone : phones) {
            CampaignId holder = engaged.putIfAbsent(phone, campaignId);
            if (holder == null) {
                synchronized (mine) {
                    mine.computeIfAbsent(sender, key -> new ArrayDeque<>()).addLast(phone);
                }
            } else if (!holder.equals(campaignId)) {
                taken.add(phone);
            }
        }
        return taken;
    }

    Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        Map<PhoneNumber, CampaignId> engaged = bySender.get(sender);
        return engaged == null ? Optional.empty() : Optional.ofNullable(engaged.get(phone));
    }

    int release(CampaignId campaignId, int limit) {
        Map<SenderKey, ArrayDeque<PhoneNumber>> mine = byCampaign.get(campaignId);
        if (mine == null) {
            return 0;
        }
        int released = 0;
        synchronized (mine) {
            Iterator<Map.Entry<SenderKey, ArrayDeque<PhoneNumber>>> senders =
                    mine.entrySet().iterator();
            while (released < limit && senders.hasNext()) {
                Map.Entry<SenderKey, ArrayDeque<PhoneNumber>> entry = senders.next();
                Map<PhoneNumber, CampaignId> engaged = bySender.get(entry.getKey());
                ArrayDeque<PhoneNumber> phones = entry.getValue();
                while (released < limit && !phones.isEmpty()) {
                    if (Objects.requireNonNull(engaged).remove(phones.pollFirst(), campaignId)) {
                        released++;
                    }
                }
                if (phones.isEmpty()) {
                    senders.remove();
                }
            }
        }
        return released;
    }
}
