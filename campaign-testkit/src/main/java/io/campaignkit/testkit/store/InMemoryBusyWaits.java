package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.BusyWaits;
import io.campaignkit.core.port.RecipientKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each waiting busy contact was first found busy ({@link BusyWaits}), in memory: every engine on one
 * {@link InMemoryCampaignStore} shares them, as engines on one database do. A concurrent map: the first
 * instant put for a recipient wins.
 */
final class InMemoryBusyWaits implements BusyWaits {

    private final Map<RecipientKey, Instant> busySince = new ConcurrentHashMap<>();

    @Override
    public Instant firstFoundBusy(CampaignId campaignId, PhoneNumber phone, Instant now) {
        return busySince.computeIfAbsent(new RecipientKey(campaignId, phone), key -> now);
    }

    @Override
    public void endBusyWaits(CampaignId campaignId, List<PhoneNumber> phones) {
        phones.forEach(phone -> busySince.remove(new RecipientKey(campaignId, phone)));
    }

    @Override
    public void endAllBusyWaits(CampaignId campaignId) {
        busySince.keySet().removeIf(key -> key.campaignId().equals(campaignId));
    }
}
