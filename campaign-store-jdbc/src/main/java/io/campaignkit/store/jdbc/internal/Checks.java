package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Lease;
import java.time.Instant;
import java.util.Collection;

/** Argument checks of the JDBC store: each failure names the argument. */
public final class Checks {

    private Checks() {}

    public static <T> T notNull(T value, String argument) {
        if (value == null) {
            throw new InvalidArgumentException(argument, argument + " must not be null");
        }
        return value;
    }

    public static String notBlank(String value, String argument) {
        notNull(value, argument);
        if (value.isBlank()) {
            throw new InvalidArgumentException(argument, argument + " must not be blank");
        }
        return value;
    }

    public static <C extends Collection<?>> C noNullElements(C values, String argument) {
        notNull(values, argument);
        int index = 0;
        for (Object value : values) {
            if (value == null) {
                throw new InvalidArgumentException(argument, argument + " must not contain null (at index " + index + ")");
            }
            index++;
        }
        return values;
    }

    /** A batch of 1 to {@link CampaignStore#MAX_BATCH} non-null elements. */
    public static <C extends Collection<?>> C batch(C values, String argument) {
        noNullElements(values, argument);
        check(!values.isEmpty() && values.size() <= CampaignStore.MAX_BATCH, argument,
                argument + " must hold 1 to " + CampaignStore.MAX_BATCH + " elements, held " + values.size());
        return values;
    }

    /** At most {@link CampaignStore#MAX_BATCH} non-null elements, possibly none. */
    public static <C extends Collection<?>> C upToBatch(C values, String argument) {
        noNullElements(values, argument);
        check(values.size() <= CampaignStore.MAX_BATCH, argument,
                argument + " must hold at most " + CampaignStore.MAX_BATCH + " elements, held " + values.size());
        return values;
    }

    public static int limit(int limit) {
        check(limit >= 1 && limit <= CampaignStore.MAX_BATCH, "limit",
                "limit must be between 1 and " + CampaignStore.MAX_BATCH + ", was " + limit);
        return limit;
    }

    /** A lease live at {@code now}. */
    public static void lease(Lease lease, Instant now) {
        notNull(lease, "lease");
        notNull(now, "now");
        check(lease.isLiveAt(now), "lease", "lease must expire after now (" + now + "), expires at " + lease.expiresAt());
    }

    public static void check(boolean condition, String argument, String message) {
        if (!condition) {
            throw new InvalidArgumentException(argument, message);
        }
    }
}
