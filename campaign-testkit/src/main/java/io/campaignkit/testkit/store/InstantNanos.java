package io.campaignkit.testkit.store;

import java.time.Instant;

/** Instants as saturated epoch nanoseconds, so hot paths compare longs instead of Instants. */
final class InstantNanos {

    private InstantNanos() {}

    static long of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000_000L + instant.getNano();
    }
}
