package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.dispatch.pacing.RateLimit;

/**
 * One row of {@code ck_pacing_bucket} as values, with the arithmetic of core's {@code TokenBucketPacer}
 * on them: with {@code P} permits per period of {@code D} nanoseconds a permit costs {@code D} units and
 * every nanosecond adds {@code P}; a full bucket holds {@code (burst + 1) × D + P − 1} units. Immutable:
 * each operation answers the bucket it leaves, so a transaction computes the new rows and then writes
 * them. Kept bit for bit equal to the in-process bucket, so a node's permits do not depend on where
 * its buckets live.
 *
 * @param limit  the limit the units are counted in
 * @param units  units in the bucket at {@code lastAt}; never negative
 * @param lastAt the bucket's timeline, nanoseconds since the epoch
 */
record TokenBucketRow(RateLimit limit, long units, long lastAt) {

    /** A full bucket, {@code burst + 1} permits, whose timeline starts at {@code at}. */
    static TokenBucketRow full(RateLimit limit, long at) {
        return new TokenBucketRow(limit, (limit.burst() + 1L) * unitsPerPermit(limit), at);
    }

    /**
     * The bucket refilled up to {@code now}; an instant at or before the timeline changes nothing (a node
     * whose clock is behind another's is taken to ask at the latest instant any node wrote).
     */
    TokenBucketRow advancedTo(long now) {
        if (now <= lastAt) {
            return this;
        }
        long elapsed = now - lastAt;
        long capacity = capacity(limit);
        long perNano = limit.permits();
        // compare before multiplying: elapsed × P overflows for long idle spells
        long refilled = elapsed >= ceilDiv(capacity - units, perNano) ? capacity : units + elapsed * perNano;
        return new TokenBucketRow(limit, refilled, now);
    }

    /**
     * The bucket counted in {@code asked} (a node configured with another limit, such as during a rolling
     * change of a sender's rate): its whole permits are kept, up to the new capacity; the part of a permit
     * is dropped, so a change never grants more than either limit would have.
     */
    TokenBucketRow countedIn(RateLimit asked) {
        if (asked.equals(limit)) {
            return this;
        }
        long permits = units / unitsPerPermit(limit);
        long rebased = Math.min(permits * unitsPerPermit(asked), capacity(asked));
        return new TokenBucketRow(asked, rebased, lastAt);
    }

    /** Whole permits in the bucket at its timeline. */
    int available() {
        return (int) Math.min(Integer.MAX_VALUE, units / unitsPerPermit(limit));
    }

    /** The bucket after {@code permits} (at most {@link #available()}) were taken. */
    TokenBucketRow consumed(int permits) {
        return permits == 0 ? this : new TokenBucketRow(limit, units - permits * unitsPerPermit(limit), lastAt);
    }

    /** The first nanosecond, not before the timeline, at which a whole permit exists. */
    long nextPermitAt() {
        long perPermit = unitsPerPermit(limit);
        return lastAt + (units >= perPermit ? 0 : ceilDiv(perPermit - units, limit.permits()));
    }

    /**
     * The bucket held until {@code until} (the provider asked to wait), exactly as the in-process
     * {@code TokenBucketPacer.holdUntil}: refilled up to one permit's refill time before {@code until},
     * then emptied, so it grants nothing before {@code until} and exactly one permit at {@code until}.
     * A hold ending before the timeline plus one permit's refill time still empties it.
     */
    TokenBucketRow heldUntil(long until) {
        TokenBucketRow advanced = advancedTo(holdFrom(limit, until));
        return new TokenBucketRow(limit, Math.min(advanced.units, 0), advanced.lastAt);
    }

    /** Where a hold until {@code until} empties the bucket: one permit's refill time before it. */
    static long holdFrom(RateLimit limit, long until) {
        return until - ceilDiv(unitsPerPermit(limit), limit.permits());
    }

    private static long unitsPerPermit(RateLimit limit) {
        return limit.period().toNanos();
    }

    private static long capacity(RateLimit limit) {
        return (limit.burst() + 1L) * unitsPerPermit(limit) + limit.permits() - 1;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
