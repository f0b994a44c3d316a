package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.CampaignId;
import java.time.Instant;

/** What finishing a campaign needs of its sending: the sends it must wait for, and forgetting it. */
interface SendsInFlight {

    /** How many sends of the campaign this engine made and has not recorded the answer of yet. */
    int outstanding(CampaignId id);

    /**
     * Renews this engine's own sends in flight, records UNKNOWN every send held under an expired lease
     * (never sent again: the campaign is finishing), and answers how many sends are still in flight.
     */
    long settle(CampaignId id, Instant now);

    /** Drops what this engine keeps of a FINISHED campaign's sending. */
    void forget(CampaignId id);
}
