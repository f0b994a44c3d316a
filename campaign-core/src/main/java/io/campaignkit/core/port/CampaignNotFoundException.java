package io.campaignkit.core.port;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;

/** No campaign is stored under the id (never created, or deleted). */
public final class CampaignNotFoundException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code CampaignNotFoundException}. */
    public static final String CODE = "CAMPAIGN_NOT_FOUND";

    private final CampaignId campaignId;

    public CampaignNotFoundException(CampaignId campaignId) {
        super(CODE, "no campaign " + Arguments.requireNonNull(campaignId, "campaignId") + " is stored");
        this.campaignId = campaignId;
    }

    public CampaignId campaignId() {
        return campaignId;
    }
}
