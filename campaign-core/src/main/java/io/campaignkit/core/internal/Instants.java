package io.campaignkit.core.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

    /**
     * {@link #toMillis(Instant)} inside an optional; the same optional when empty or already whole
     * milliseconds (a recipient is copied on every change, and its times are whole already).
     */
    public static Optional<Instant> toMillisOptional(Optional<Instant> instant) {
        if (instant == null || instant.isEmpty() || instant.get().getNano() % 1_000_000 == 0) {
            return instant;
        }
        return Optional.of(Objects.requireNonNull(toMillis(instant.get())));
    }
}
