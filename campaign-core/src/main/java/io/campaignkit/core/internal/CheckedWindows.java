package io.campaignkit.core.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientWindows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link RecipientWindows} checking its arguments first, as {@link CheckedStorage} does for the other
 * ports: the engine wraps the store's, when its recipient store has one ({@link #of}).
 */
public final class CheckedWindows implements RecipientWindows {

    private final RecipientWindows windows;

    private CheckedWindows(RecipientWindows windows) {
        this.windows = windows;
    }

    /** The checked {@link RecipientStore#windows()} of {@code recipients}, when that store claims by zone. */
    public static Optional<RecipientWindows> of(RecipientStore recipients) {
        return recipients.windows().map(CheckedWindows::new);
    }

    @Override
    public List<Recipient> claimDueIn(
            CampaignId campaignId, Set<String> zoneKeys, Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Set<String> keys = StoreArguments.requireBatch(zoneKeys, "zoneKeys");
        for (String key : keys) {
            Arguments.requireNonBlank(key, "zoneKeys");
        }
        StoreArguments.requireLimit(limit);
        StoreArguments.requireLiveLease(lease, now);
        return windows.claimDueIn(campaignId, keys, lease, limit, now);
    }

    @Override
    public Map<String, Instant> nextDueIn(CampaignId campaignId, Set<String> zoneKeys) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return windows.nextDueIn(campaignId, StoreArguments.requireBatch(zoneKeys, "zoneKeys"));
    }

    @Override
    public Set<String> pendingZones(CampaignId campaignId) {
        return windows.pendingZones(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public String toString() {
        return "CheckedWindows[" + windows + "]";
    }
}
