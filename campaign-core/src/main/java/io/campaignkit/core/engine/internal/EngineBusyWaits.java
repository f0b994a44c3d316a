package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.BusyWaits;
import io.campaignkit.core.port.RecipientKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The busy waits of a store that keeps none ({@link io.campaignkit.core.port.RecipientStore#busyWaits()}
 * empty), in this engine's memory: after a restart, or when another engine claims the recipient, its wait
 * starts again. Bounded, since each engine waits at most the campaign's wait, and what a crash costs is a
 * longer wait, never a lost contact. One entry per waiting recipient.
 */
final class EngineBusyWaits implements BusyWaits {

    private final Map<RecipientKey, Instant> busySince = new ConcurrentHashMap<>();

    @Override
    public Instant firstFoundBusy(CampaignId campaignId, PhoneNumber phone, Instant now) {
        return busySince.computeIfAbsent(new RecipientKey(campaignId, phone), key -> now);
    }

    @Override
    public void endBusyWaits(CampaignId campaignId, List<PhoneNumber> phones) {
        if (!busySince.isEmpty()) {
            phones.forEach(phone -> busySince.remove(new RecipientKey(campaignId, phone)));
        }
    }

    @Override
    public void endAllBusyWaits(CampaignId campaignId) {
        if (!busySince.isEmpty()) {
            busySince.keySet().removeIf(key -> key.campaignId().equals(campaignId));
        }
    }
}
