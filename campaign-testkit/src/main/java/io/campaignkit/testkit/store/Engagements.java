package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which campaign each phone is engaged with, per sender. Engaging is one atomic
 * {@link ConcurrentHashMap#putIfAbsent} per phone, so of two campaigns engaging one phone on one
 * sender at the same moment exactly one wins. Each campaign remembers what it engaged, so releasing
 * never scans other campaigns' engagements.
 */
final class Engagements {

    private record Engaged(SenderKey sender, PhoneNumber phone) {}

    private final Map<SenderKey, Map<PhoneNumber, CampaignId>> bySender = new ConcurrentHashMap<>();
    private final Map<CampaignId, ArrayDeque<Engaged>> byCampaign = new ConcurrentHashMap<>();

    Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        Map<PhoneNumber, CampaignId> engaged = bySender.computeIfAbsent(sender, key -> new ConcurrentHashMap<>());
        ArrayDeque<Engaged> mine = byCampaign.computeIfAbsent(campaignId, key -> new ArrayDeque<>());
        Set<PhoneNumber> taken = new LinkedHashSet<>();
        for (PhoneNumber phone : phones) {
            CampaignId holder = engaged.putIfAbsent(phone, campaignId);
            if (holder == null) {
                synchronized (mine) {
                    mine.addLast(new Engaged(sender, phone));
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
        ArrayDeque<Engaged> mine = byCampaign.get(campaignId);
        if (mine == null) {
            return 0;
        }
        int released = 0;
        synchronized (mine) {
            while (released < limit && !mine.isEmpty()) {
                Engaged engaged = mine.pollFirst();
                if (bySender.get(engaged.sender()).remove(engaged.phone(), campaignId)) {
                    released++;
                }
            }
            if (mine.isEmpty()) {
                byCampaign.remove(campaignId, mine);
            }
        }
        return released;
    }
}
