package io.campaignkit.core.port;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;

/** A campaign was inserted under an id that is already stored. */
public final class DuplicateCampaignException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code DuplicateCampaignException}. */
    public static final String CODE = "CAMPAIGN_EXISTS";

    private final CampaignId campaignId;

    public DuplicateCampaignException(CampaignId campaignId) {
        super(CODE, "a campaign " + Arguments.requireNonNull(campaignId, "campaignId") + " is already stored");
        this.campaignId = campaignId;
    }

    public CampaignId campaignId() {
        return campaignId;
    }
}
