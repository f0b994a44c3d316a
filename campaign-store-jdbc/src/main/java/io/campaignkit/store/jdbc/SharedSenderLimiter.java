package io.campaignkit.store.jdbc;

import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import io.campaignkit.store.jdbc.internal.SenderBucketRows;
import io.campaignkit.store.jdbc.internal.Sql;
import java.time.Instant;

/**
 * A channel sender's rate limit shared by every node through the database: one token bucket row per
 * sender, taken under its row lock, with the exact arithmetic of the engine's in-process
 * {@code TokenBucketPacer}. In any half-open window of length {@code W} on the bucket's timeline, all
 * nodes together are granted at most {@code burst + ceil(rate × W)} permits
 * ({@link RateLimit#maxPermitsIn}). One round trip per call: ask for a batch, not for one permit.
 *
 * <pre>{@code
 * SharedSenderLimiter limiter = SharedSenderLimiter.on(store);
 * int granted = limiter.tryAcquire(sender, RateLimit.perSecond(80), claimed.size(), clock.instant());
 * }</pre>
 *
 * <p>Thread-safe. The engine's pacing does not call it yet (its pacers are in-process); see the
 * module's README.
 */
public final class SharedSenderLimiter {

    private final SenderBucketRows buckets;

    private SharedSenderLimiter(SenderBucketRows buckets) {
        this.buckets = buckets;
    }

    /** The limiter on the database of {@code store} (whose migrations created the buckets' table). */
    public static SharedSenderLimiter on(JdbcCampaignStore store) {
        Arguments.requireNonNull(store, "store");
        return new SharedSenderLimiter(new SenderBucketRows(new Sql(store.dataSource()), store.dialect() == Dialect.POSTGRESQL));
    }

    /**
     * Takes up to {@code permits} permits of the sender's bucket available at {@code now}; never waits.
     *
     * @return how many were granted, from 0 to {@code permits}
     */
    public int tryAcquire(SenderKey sender, RateLimit limit, int permits, Instant now) {
        check(sender, limit, now);
        Arguments.require(permits > 0, "permits", "permits must be positive, was " + permits);
        return buckets.take(sender, limit, permits, now).granted();
    }

    /** The earliest instant, not before the bucket's timeline, at which a permit exists if nobody takes it first. */
    public Instant nextPermitAt(SenderKey sender, RateLimit limit, Instant now) {
        check(sender, limit, now);
        return buckets.take(sender, limit, 0, now).nextPermitAt();
    }

    private static void check(SenderKey sender, RateLimit limit, Instant now) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(limit, "limit");
        Arguments.requireNonNull(now, "now");
    }
}
