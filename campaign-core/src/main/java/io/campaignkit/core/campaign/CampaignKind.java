package io.campaignkit.core.campaign;

/** Whether a campaign reaches real customers or only the operator's test numbers. */
public enum CampaignKind {
    /** Sends to its audience. */
    LIVE,
    /**
     * Sends to an explicit list of test numbers ({@link AudienceReference.TestAudience}); otherwise
     * follows every rule of a live campaign.
     */
    TEST
}
