package io.campaignkit.core.port;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;

/**
 * A campaign was saved over a version that is no longer the stored one: someone else changed it
 * in between. Reload the campaign, re-apply the action, save again.
 */
public final class VersionConflictException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code VersionConflictException}. */
    public static final String CODE = "VERSION_CONFLICT";

    private final CampaignId campaignId;
    private final long expectedVersion;
    private final long actualVersion;

    public VersionConflictException(CampaignId campaignId, long expectedVersion, long actualVersion) {
        super(
                CODE,
                "campaign " + Arguments.requireNonNull(campaignId, "campaignId") + " was expected at version "
                        + expectedVersion + " but is stored at version " + actualVersion
                        + ": it changed meanwhile; reload and retry");
        this.campaignId = campaignId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public CampaignId campaignId() {
        return campaignId;
    }

    /** The version the caller based its change on. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version the store holds. */
    public long actualVersion() {
        return actualVersion;
    }
}
