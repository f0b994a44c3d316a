package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * Which campaign each phone is engaged with, per sender ({@link EngagedPhones}, whose put is atomic, so of
 * two campaigns engaging one phone on one sender at the same moment exactly one wins). Each campaign
 * remembers the phones it engaged per sender, so releasing never scans other campaigns' engagements.
 */
final class Engagements {

    private final Map<SenderKey, EngagedPhones> bySender = new ConcurrentHashMap<>();
    /** Per campaign, per sender, the phones it engaged; guarded by the inner map's lock. */
    private final Map<CampaignId, Map<SenderKey, ArrayDeque<PhoneNumber>>> byCampaign = new ConcurrentHashMap<>();
    /** Each campaign's index, the holder the tables keep for it; never reused. */
    private final Map<CampaignId, Integer> indexes = new ConcurrentHashMap<>();
    /** The campaigns by index; guarded by itself. */
    private final List<CampaignId> campaigns = new ArrayList<>();

    Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        EngagedPhones engaged = bySender.computeIfAbsent(sender, key -> new EngagedPhones());
        Map<SenderKey, ArrayDeque<PhoneNumber>> mine =
                byCampaign.computeIfAbsent(campaignId, key -> new LinkedHashMap<>());
        int index = indexOf(campaignId);
        Set<PhoneNumber> taken = new LinkedHashSet<>();
        for (PhoneNumber phone : phones) {
            int holder = engaged.putIfAbsent(EngagedPhones.keyOf(phone), index);
            if (holder == EngagedPhones.NONE) {
                synchronized (mine) {
                    mine.computeIfAbsent(sender, key -> new ArrayDeque<>()).addLast(phone);
                }
            } else if (holder != index) {
                taken.add(phone);
            }
        }
        return taken;
    }

    Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        EngagedPhones engaged = bySender.get(sender);
        int holder = engaged == null ? EngagedPhones.NONE : engaged.holderOf(EngagedPhones.keyOf(phone));
        if (holder == EngagedPhones.NONE) {
            return Optional.empty();
        }
        synchronized (campaigns) {
            return Optional.of(campaigns.get(holder));
        }
    }

    int release(CampaignId campaignId, int limit) {
        Map<SenderKey, ArrayDeque<PhoneNumber>> mine = byCampaign.get(campaignId);
        if (mine == null) {
            return 0;
        }
        int index = indexOf(campaignId);
        int released = 0;
        synchronized (mine) {
            Iterator<Map.Entry<SenderKey, ArrayDeque<PhoneNumber>>> senders =
                    mine.entrySet().iterator();
            while (released < limit && senders.hasNext()) {
                Map.Entry<SenderKey, ArrayDeque<PhoneNumber>> entry = senders.next();
                EngagedPhones engaged = bySender.get(entry.getKey());
                ArrayDeque<PhoneNumber> phones = entry.getValue();
                while (released < limit && !phones.isEmpty()) {
                    if (Objects.requireNonNull(engaged).remove(EngagedPhones.keyOf(phones.pollFirst()), index)) {
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

    private int indexOf(CampaignId campaignId) {
        return indexes.computeIfAbsent(campaignId, id -> {
            synchronized (campaigns) {
                campaigns.add(id);
                return campaigns.size() - 1;
            }
        });
    }
}
