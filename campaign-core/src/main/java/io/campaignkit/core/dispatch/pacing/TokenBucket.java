package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.requireNonNull;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Duration;

/**
 * One token bucket's state as a value, with the arithmetic that keeps a {@link RateLimit} exactly,
 * on integer nanoseconds. The in-process {@link TokenBucketPacer} keeps one behind a lock; a
 * {@link PacingStore} that keeps buckets elsewhere (a database row) keeps these three numbers and
 * does this arithmetic on them, so a node's permits do not depend on where its buckets live
 * ({@code PacingStoreContractKit} compares a store's answers with it on random schedules).
 *
 * <p><b>Exact arithmetic.</b> With {@code P} permits per period of {@code D} nanoseconds, one
 * permit costs {@code D} units and every nanosecond adds {@code P} units. No fraction is ever
 * rounded, so there is no drift however long the run (1,000/s or 3,000/h alike), and
 * {@link #nextPermitAt()} is the first nanosecond at which a whole permit exists. The
 * bucket starts with {@code burst + 1} permits and holds at most
 * {@code (burst + 1) × D + (P − 1)} units: the {@code P − 1} are the part of a permit refilled
 * within the nanosecond in which the previous one completed, kept so that a runner waking at
 * whole nanoseconds loses nothing (at 3/s a permit takes 333,333,333⅓ ns).
 *
 * <p><b>Why no window exceeds rate + burst.</b> Take any half-open window {@code [t, t + W)}
 * and the {@code k} permits granted in it. Just before {@code t} the bucket holds at most
 * {@code (burst + 1) × D + P − 1} units; up to the last grant, at most {@code t + W − 1 ns}, at
 * most {@code P × (W − 1)} more are added; units never go below zero. So
 * {@code k × D ≤ (burst + 1) × D + P × W − 1}, that is {@code k ≤ burst + ceil(P × W / D)}
 * ({@link RateLimit#maxPermitsIn(Duration)}); for {@code W = D}, {@code k ≤ P + burst}. The
 * bound is reached (a full bucket, then a permit at each refill), and it needs both details: a
 * textbook bucket of capacity {@code rate + burst} would allow {@code 2 × rate + burst − 1} in
 * one period, and in a closed window {@code [t, t + D]} the grant at exactly {@code t + D} makes
 * {@code P + burst + 1}. Hence a capacity of {@code burst + 1} permits, and half-open windows.
 *
 * <p><b>Long run.</b> A runner that asks at every {@link #nextPermitAt()}, from a full
 * bucket at {@code t0}, gets exactly {@code burst + 1 + floor(P × (T − 1 ns) / D)} permits in
 * {@code [t0, t0 + T)}: 1,200 in 60 s at 20/s, between {@code rate × T − 1} and
 * {@code burst + ceil(rate × T)}. Such a runner never lets the bucket overflow, so nothing is lost.
 *
 * <p><b>Timeline.</b> {@code lastAt} is in nanoseconds on whatever timeline the keeper chooses (the
 * pacer counts from the first instant it saw, a database row from the epoch); every instant given to
 * an operation is on the same timeline. Immutable: each operation answers the bucket it leaves.
 *
 * @param limit  the limit the units are counted in
 * @param units  units in the bucket at {@code lastAt}: {@code D} per permit; never negative
 * @param lastAt the bucket's timeline: the latest instant it was advanced to, in nanoseconds
 */
public record TokenBucket(RateLimit limit, long units, long lastAt) {

    /**
     * Checks the bucket's values.
     *
     * @throws io.campaignkit.core.InvalidArgumentException if {@code limit} is null or {@code units}
     *     is negative or above the limit's capacity
     */
    public TokenBucket {
        requireNonNull(limit, "limit");
        if (units < 0 || units > capacity(limit)) { // no message built on the hot path
            throw new InvalidArgumentException(
                    "units",
                    "units must be between 0 and the capacity " + capacity(limit) + " of " + limit + ", was " + units);
        }
    }

    /**
     * A full bucket, {@code burst + 1} permits, whose timeline starts at {@code at}.
     *
     * @param limit the limit to keep
     * @param at    the start of the bucket's timeline, in nanoseconds
     * @return the full bucket
     */
    public static TokenBucket full(RateLimit limit, long at) {
        requireNonNull(limit, "limit");
        return new TokenBucket(limit, (limit.burst() + 1L) * unitsPerPermit(limit), at);
    }

    /**
     * The bucket refilled up to {@code now}; an instant at or before the timeline changes nothing (a
     * keeper whose clock is behind another's is taken to ask at the latest instant any keeper wrote).
     *
     * @param now an instant on the bucket's timeline
     * @return the refilled bucket, or this one
     */
    public TokenBucket advancedTo(long now) {
        if (now <= lastAt) {
            return this;
        }
        long elapsed = now - lastAt;
        long capacity = capacity(limit);
        long perNano = limit.permits();
        // compare before multiplying: elapsed × P overflows for long idle spells
        long refilled = elapsed >= ceilDiv(capacity - units, perNano) ? capacity : units + elapsed * perNano;
        return new TokenBucket(limit, refilled, now);
    }

    /**
     * The bucket counted in {@code asked} (a node configured with another limit, such as during a
     * rolling change of a sender's rate): its whole permits are kept, up to the new capacity; the part
     * of a permit is dropped, so a change never grants more than either limit would have.
     *
     * @param asked the limit to count in
     * @return the bucket in {@code asked}, or this one when the limits are equal
     */
    public TokenBucket countedIn(RateLimit asked) {
        requireNonNull(asked, "asked");
        if (asked.equals(limit)) {
            return this;
        }
        long permits = units / unitsPerPermit(limit);
        long rebased = Math.min(permits * unitsPerPermit(asked), capacity(asked));
        return new TokenBucket(asked, rebased, lastAt);
    }

    /**
     * Whole permits in the bucket at its timeline.
     *
     * @return the permits a take could have now
     */
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, units / unitsPerPermit(limit));
    }

    /**
     * The bucket after {@code permits} were taken.
     *
     * @param permits at most {@link #available()}
     * @return the bucket left
     */
    public TokenBucket consumed(int permits) {
        if (permits < 0 || permits > available()) {
            throw new InvalidArgumentException(
                    "permits", "permits must be between 0 and the " + available() + " available, was " + permits);
        }
        return permits == 0 ? this : new TokenBucket(limit, units - permits * unitsPerPermit(limit), lastAt);
    }

    /**
     * The first nanosecond, not before the timeline, at which a whole permit exists.
     *
     * @return an instant on the bucket's timeline
     */
    public long nextPermitAt() {
        long perPermit = unitsPerPermit(limit);
        return lastAt + (units >= perPermit ? 0 : ceilDiv(perPermit - units, limit.permits()));
    }

    /**
     * The bucket held until {@code until} (the provider asked to wait): refilled up to
     * {@link #holdLead one permit's refill time} before {@code until}, then emptied, so that it grants
     * nothing before {@code until} and exactly one permit at {@code until}, and refills as usual from
     * there. (The timeline cannot simply move to {@code until}: an earlier instant is taken as the
     * latest seen, so a permit there would be granted at once.) A hold ending before the timeline plus
     * one permit's refill time still empties it; a shorter hold after a longer one changes nothing the
     * longer one set.
     *
     * @param until the first instant, on the bucket's timeline, at which a permit may be granted
     * @return the held bucket
     */
    public TokenBucket heldUntil(long until) {
        TokenBucket advanced = advancedTo(until - holdLead(limit));
        return new TokenBucket(limit, 0, advanced.lastAt);
    }

    /**
     * One permit's refill time, in nanoseconds: a hold until {@code t} empties the bucket at
     * {@code t} minus this.
     *
     * @param limit the limit
     * @return the nanoseconds one permit takes to refill, rounded up
     */
    public static long holdLead(RateLimit limit) {
        requireNonNull(limit, "limit");
        return ceilDiv(unitsPerPermit(limit), limit.permits());
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
