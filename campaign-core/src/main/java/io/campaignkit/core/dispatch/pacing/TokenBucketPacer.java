package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.requireNonNull;
import static io.campaignkit.core.internal.Arguments.requirePositive;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A token bucket that keeps a {@link RateLimit} exactly, in process: a {@link TokenBucket} value
 * (the arithmetic, and why no window exceeds rate + burst) behind a lock, on a timeline of
 * nanoseconds since the first instant it is asked about.
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

    // guarded by lock; the bucket's timeline is nanoseconds since origin
    private @Nullable Instant origin;
    private @Nullable TokenBucket bucket;

    private TokenBucketPacer(RateLimit limit) {
        this.limit = limit;
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
            advanceTo(until.minusNanos(TokenBucket.holdLead(limit)));
            bucket = current().heldUntil(nanosSinceOrigin(until));
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
            bucket = TokenBucket.full(limit, 0);
            return;
        }
        bucket = current().advancedTo(nanosSinceOrigin(now));
    }

    int availableNow() {
        return current().available();
    }

    void consume(int permits) {
        bucket = current().consumed(permits);
    }

    Instant nextPermitAtNow() {
        return Objects.requireNonNull(origin).plusNanos(current().nextPermitAt());
    }

    private TokenBucket current() {
        // advanceTo, called first by every operation, set it
        return Objects.requireNonNull(bucket);
    }

    private long nanosSinceOrigin(Instant now) {
        try {
            // exact arithmetic rather than Duration.between: this runs for every permit taken
            Instant from = Objects.requireNonNull(origin);
            return Math.addExact(
                    Math.multiplyExact(Math.subtractExact(now.getEpochSecond(), from.getEpochSecond()), 1_000_000_000L),
                    now.getNano() - from.getNano());
        } catch (ArithmeticException tooFar) {
            throw new InvalidArgumentException(
                    "now",
                    "now (" + now + ") is more than 292 years away from the first instant this pacer saw (" + origin
                            + ")");
        }
    }
}
