package io.campaignkit.store.jdbc;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.store.jdbc.internal.PacingBucketRows;
import io.campaignkit.store.jdbc.internal.Scope;
import io.campaignkit.store.jdbc.internal.Sql;
import java.time.Instant;

/**
 * The campaigns' paces and the senders' limits kept in the database, so they hold for every engine on
 * it: one token bucket row per campaign and one per sender (shared by every campaign on that sender),
 * with the exact integer arithmetic of core's {@code TokenBucket} (the value the in-process {@code TokenBucketPacer} keeps). In any
 * half-open window of length {@code W} on a bucket's timeline, all engines together are granted at most
 * {@code burst + ceil(rate × W)} of its permits ({@link RateLimit#maxPermitsIn}), and a permit is taken
 * from the campaign's and the sender's bucket together or from neither.
 *
 * <pre>{@code
 * JdbcCampaignStore store = JdbcCampaignStore.builder().dataSource(pool).build();
 * CampaignEngine engine = CampaignEngine.builder()
 *         .store(store)
 *         .pacingStore(JdbcPacingStore.on(store))   // every node on this database shares the limits
 *         ...
 *         .build();
 * }</pre>
 *
 * <p><b>Cost.</b> {@link #tryAcquire} and {@link #holdSender} are one short transaction each: one
 * {@code SELECT ... FOR UPDATE} that locks the sender's row and then the campaign's (always in that
 * order, so two engines never deadlock), one batched {@code UPDATE}, the commit.
 * {@link #availablePermits} and {@link #nextPermitAt} are one plain {@code SELECT} and write nothing.
 * The engine asks once per batch of recipients, not once per message.
 *
 * <p><b>Clocks.</b> Every engine passes its own clock's instant. A bucket's timeline is the latest
 * instant any engine wrote at, and it never goes backwards: an earlier instant is taken as that one
 * (it refills nothing). So the bound holds on the timeline whatever the clocks say; in real time, when
 * the engines' clocks differ by up to {@code s}, a window of length {@code W} can hold up to
 * {@code burst + ceil(rate × (W + s))} (at 80/s, a skew of 50 ms allows 4 more in a second). An engine
 * whose clock is behind is granted only what the bucket held at the timeline, until its clock catches up.
 *
 * <p><b>Limits.</b> The rows remember the limit their units count in. A call with another limit (a
 * sender's rate changed in a rolling deployment) counts the bucket in the new one, keeping its whole
 * permits up to the new capacity: never more than either limit allows. Buckets are scoped like the
 * store: a tenant's store ({@link JdbcCampaignStore#forTenant}) paces with that tenant's rows only,
 * so every engine that shares a sender must pace through stores of the same scope.
 *
 * <p>Thread-safe. Bad arguments are refused with {@link InvalidArgumentException} naming the argument;
 * database failures are {@link JdbcStoreException}s.
 */
public final class JdbcPacingStore implements PacingStore {

    /** The earliest instant a bucket row can hold: its timeline is a {@code BIGINT} of nanoseconds since the epoch. */
    public static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    /** The latest instant a bucket row can hold. */
    public static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private final PacingBucketRows buckets;
    private final String description;

    private JdbcPacingStore(PacingBucketRows buckets, String description) {
        this.buckets = buckets;
        this.description = description;
    }

    /**
     * The pacing store on the database of {@code store} (whose migrations created the buckets' table),
     * in its scope: the tenant it serves, or every tenant.
     *
     * @throws InvalidArgumentException if {@code store} is null
     */
    public static JdbcPacingStore on(JdbcCampaignStore store) {
        Arguments.requireNonNull(store, "store");
        Scope scope = store.tenantId().map(Scope::tenant).orElseGet(Scope::allTenants);
        return new JdbcPacingStore(
                new PacingBucketRows(new Sql(store.dataSource(), store.dialect()), scope, store.dialect()),
                "JdbcPacingStore[" + store.dialect() + ", tenant="
                        + store.tenantId().orElse("*") + "]");
    }

    @Override
    public int tryAcquire(SendLimits limits, int permits, Instant now) {
        Arguments.requireNonNull(limits, "limits");
        Arguments.requirePositive(permits, "permits");
        requireStorable(now, "now");
        return buckets.take(limits, permits, now);
    }

    @Override
    public int availablePermits(SendLimits limits, Instant now) {
        Arguments.requireNonNull(limits, "limits");
        requireStorable(now, "now");
        return buckets.available(limits, now);
    }

    @Override
    public Instant nextPermitAt(SendLimits limits, Instant now) {
        Arguments.requireNonNull(limits, "limits");
        requireStorable(now, "now");
        return buckets.nextPermitAt(limits, now);
    }

    @Override
    public void holdSender(SendLimits limits, Instant until) {
        Arguments.requireNonNull(limits, "limits");
        requireStorable(until, "until");
        buckets.holdSender(limits, until);
    }

    /** Deletes the campaign's bucket (a finished campaign); its sender's stays. */
    @Override
    public void forget(CampaignId campaign) {
        buckets.forget(Arguments.requireNonNull(campaign, "campaign"));
    }

    private static void requireStorable(Instant instant, String argument) {
        Arguments.requireNonNull(instant, argument);
        Arguments.require(
                !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST),
                argument,
                argument + " must be from " + EARLIEST + " to " + LATEST + ", was " + instant);
    }

    @Override
    public String toString() {
        return description;
    }
}
