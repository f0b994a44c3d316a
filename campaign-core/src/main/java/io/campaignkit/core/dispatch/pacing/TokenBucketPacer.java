package io.campaignkit.core.dispatch.pacing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import static io.campaignkit.core.internal.Arguments.requireNonNull;
import static io.campaignkit.core.internal.Arguments.requirePositive;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket that keeps a {@link RateLimit} exactly, on integer nanoseconds.
 *
 * <p><b>Exact arithmetic.</b> With {@code P} permits per period of {@code D} nanoseconds, one
 * permit costs {@code D} units and every nanosecond adds {@code P} units. No fraction is ever
 * rounded, so there is no drift however long the run (1,000/s or 3,000/h alike), and
 * {@link #nextPermitAt(Instant)} is the first nanosecond at which a whole permit exists. The
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
 * <p><b>Long run.</b> A runner that asks at every {@link #nextPermitAt(Instant)}, from a full
 * bucket at {@code t0}, gets exactly {@code burst + 1 + floor(P × (T − 1 ns) / D)} permits in
 * {@code [t0, t0 + T)}: 1,200 in 60 s at 20/s, between {@code rate × T − 1} and
 * {@code burst + ceil(rate × T)}. Such a runner never lets the bucket overflow, so nothing is lost.
 *
 * <p>Thread-safe: every operation runs under the bucket's lock; {@link SendPacer#allOf(java.util.List)}
 * takes the locks of several buckets in one global order, so combined pacers cannot deadlock.
 */
public final class TokenBucketPacer implements SendPacer {

    private static final AtomicLong LOCK_ORDER = new AtomicLong();

    /** Buckets are always locked in increasing order of this number. */
    final long lockOrder = LOCK_ORDER.getAndIncrement();

    private final ReentrantLock lock = new ReentrantLock();
    private final RateLimit limit;
    private final long unitsPerPermit;
    private final long unitsPerNano;
    private final long initialUnits;
    private final long capacityUnits;

    // guarded by lock
    private @Nullable Instant origin;
    private long lastNanos;
    private long units;

    private TokenBucketPacer(RateLimit limit) {
        this.limit = limit;
        this.unitsPerPermit = limit.period().toNanos();
        this.unitsPerNano = limit.permits();
        this.initialUnits = (limit.burst() + 1L) * unitsPerPermit;
        this.capacityUnits = initialUnits + unitsPerNano - 1;
    }

    /**
     * A bucket for {@code limit}, full: it starts with {@code burst + 1} permits at the first
     * instant it is asked about.
     *
     * @param limit the pace to keep
     * @return a new bucket
     */
    public static TokenBucketPacer of(RateLimit limit) {
        return new TokenBucketPacer(requireNonNull(limit, "limit"));
    }

    /** The pace this bucket keeps. */
    public RateLimit limit() {
        return limit;
    }

    @Override
    public int tryAcquire(int permits, Instant now) {
        requirePositive(permits, "permits");
        requireNonNull(now, "now");
        lock();
        try {
            advanceTo(now);
            int granted = Math.min(permits, availableNow());
            consume(granted);
            return granted;
        } finally {
            unlock();
        }
    }

    @Override
    public int availablePermits(Instant now) {
        requireNonNull(now, "now");
        lock();
        try {
            advanceTo(now);
            return availableNow();
        } finally {
            unlock();
        }
    }

    @Override
    public Instant nextPermitAt(Instant now) {
        requireNonNull(now, "now");
        lock();
        try {
            advanceTo(now);
            return nextPermitAtNow();
        } finally {
            unlock();
        }
    }

    /**
     * Grants nothing before {@code until} and one permit from {@code until} on (the provider asked to
     * wait until then): empties the bucket at one permit's refill time before {@code until}, so that
     * exactly one permit has refilled at {@code until}, and it refills as usual from there. (The
     * timeline cannot simply move to {@code until}: an earlier instant is taken as the latest seen, so
     * a permit there would be granted at once.) A hold that ends before the bucket's timeline plus one
     * permit's refill time still empties the bucket; a shorter hold after a longer one changes nothing
     * the longer one set.
     *
     * @param until the first instant at which a permit may be granted
     */
    public void holdUntil(Instant until) {
        requireNonNull(until, "until");
        lock();
        try {
            advanceTo(until.minusNanos(ceilDiv(unitsPerPermit, unitsPerNano)));
            units = Math.min(units, 0);
        } finally {
            unlock();
        }
    }

    @Override
    public String toString() {
        return "TokenBucketPacer[" + limit + "]";
    }

    // ---- used under the lock, also by CompositePacer ----

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Refills for the time since the last instant seen; an earlier instant changes nothing. */
    void advanceTo(Instant now) {
        if (origin == null) {
            origin = now;
            lastNanos = 0;
            units = initialUnits;
            return;
        }
        long nanos = nanosSinceOrigin(now);
        if (nanos <= lastNanos) {
            return;
        }
        long elapsed = nanos - lastNanos;
        long missing = capacityUnits - units;
        // compare before multiplying: elapsed × P overflows for long idle spells
        units = elapsed >= ceilDiv(missing, unitsPerNano) ? capacityUnits : units + elapsed * unitsPerNano;
        lastNanos = nanos;
    }

    int availableNow() {
        return (int) (units / unitsPerPermit);
    }

    void consume(int permits) {
        units -= permits * unitsPerPermit;
    }

    Instant nextPermitAtNow() {
        long wait = units >= unitsPerPermit ? 0 : ceilDiv(unitsPerPermit - units, unitsPerNano);
        // advanceTo, called before, set the origin
        return Objects.requireNonNull(origin).plusNanos(lastNanos + wait);
    }

    private long nanosSinceOrigin(Instant now) {
        try {
            return Duration.between(origin, now).toNanos();
        } catch (ArithmeticException tooFar) {
            throw new InvalidArgumentException("now", "now (" + now + ") is more than 292 years away from the first instant this pacer saw (" + origin + ")");
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
