package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exclusivity: a contact is engaged in at most one active campaign per channel sender, so every
 * reply to that sender routes to exactly one campaign. The store decides it atomically per contact:
 * two campaigns that engage one contact at the same moment cannot both succeed.
 */
public interface EngagementStore {

    /**
     * Engages each phone with {@code campaignId} on {@code sender}, unless it is engaged with another
     * campaign there; atomic per phone. Engaging a phone already engaged with the same campaign
     * succeeds again (idempotent).
     *
     * @param phones 1 to {@link CampaignStore#MAX_BATCH}
     * @return the phones that are engaged with <em>another</em> campaign, and so were not engaged
     */
    Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones);

    /** The campaign the phone is engaged with on {@code sender}, if any. */
    Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone);

    /**
     * The campaigns {@code phones} are engaged with on {@code sender}: a phone engaged with none is absent.
     * By default one {@link #engagedCampaign} per phone; a database overrides it with one query.
     *
     * @param phones 1 to {@link CampaignStore#MAX_BATCH}
     */
    default Map<PhoneNumber, CampaignId> engagedCampaigns(SenderKey sender, List<PhoneNumber> phones) {
        Map<PhoneNumber, CampaignId> engaged = new HashMap<>();
        for (PhoneNumber phone : phones) {
            engagedCampaign(sender, phone).ifPresent(campaign -> engaged.put(phone, campaign));
        }
        return engaged;
    }

    /**
     * Releases up to {@code limit} engagements of the campaign (on every sender). Finishing a
     * campaign calls it until it returns 0.
     *
     * @return how many were released
     */
    int releaseEngagements(CampaignId campaignId, int limit);
}
