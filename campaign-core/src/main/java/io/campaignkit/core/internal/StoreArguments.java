package io.campaignkit.core.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Lease;
import java.time.Instant;
import java.util.Collection;

/**
 * The argument rules every {@link CampaignStore} implementation shares (batch sizes, page
 * limits, live leases), so the in-memory and JDBC stores refuse the same calls with the same
 * messages. Not public API.
 */
public final class StoreArguments {

    private StoreArguments() {}

    /** A batch of 1 to {@link CampaignStore#MAX_BATCH} non-null elements. */
    public static <C extends Collection<?>> C requireBatch(C values, String argument) {
        Arguments.requireNoNullElements(values, argument);
        if (values.isEmpty() || values.size() > CampaignStore.MAX_BATCH) {
            throw new InvalidArgumentException(
                    argument,
                    argument + " must hold 1 to " + CampaignStore.MAX_BATCH + " elements, held " + values.size());
        }
        return values;
    }

    /** At most {@link CampaignStore#MAX_BATCH} non-null elements, possibly none. */
    public static <C extends Collection<?>> C requireUpToBatch(C values, String argument) {
        Arguments.requireNoNullElements(values, argument);
        if (values.size() > CampaignStore.MAX_BATCH) {
            throw new InvalidArgumentException(
                    argument,
                    argument + " must hold at most " + CampaignStore.MAX_BATCH + " elements, held " + values.size());
        }
        return values;
    }

    /** A page or claim size from 1 to {@link CampaignStore#MAX_BATCH}. */
    public static int requireLimit(int limit) {
        if (limit < 1 || limit > CampaignStore.MAX_BATCH) {
            throw new InvalidArgumentException(
                    "limit", "limit must be between 1 and " + CampaignStore.MAX_BATCH + ", was " + limit);
        }
        return limit;
    }

    /** A lease still live at {@code now}. */
    public static void requireLiveLease(Lease lease, Instant now) {
        Arguments.requireNonNull(lease, "lease");
        Arguments.requireNonNull(now, "now");
        if (!lease.isLiveAt(now)) {
            throw new InvalidArgumentException(
                    "lease", "lease must expire after now (" + now + "), expires at " + lease.expiresAt());
        }
    }
}
