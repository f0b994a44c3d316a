package io.campaignkit.core.internal;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one precision of every instant CampaignKit stores or reports about a recipient: the millisecond.
 * A clock gives nanoseconds on some JVMs, providers give whole seconds, databases keep microseconds;
 * kept as they come, a send recorded at {@code .123456789} would read back differently from each store.
 * Not public API.
 */
public final class Instants {

    private Instants() {}

    /** {@code instant} to the millisecond, rounding down; null stays null (the caller checks). */
    public static @Nullable Instant toMillis(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
