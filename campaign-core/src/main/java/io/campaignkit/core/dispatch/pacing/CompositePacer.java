package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.require;
import static io.campaignkit.core.internal.Arguments.requireNonNull;
import static io.campaignkit.core.internal.Arguments.requirePositive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several buckets that must all grant a permit. Each operation locks every bucket, in the global
 * {@link TokenBucketPacer#lockOrder} so two composites sharing buckets cannot deadlock, and
 * takes the same number of permits from each: a permit is taken from all buckets or from none.
 */
final class CompositePacer implements SendPacer {

    private final List<TokenBucketPacer> buckets;

    private CompositePacer(List<TokenBucketPacer> buckets) {
        this.buckets = buckets;
    }

    static SendPacer of(List<? extends SendPacer> pacers) {
        require(!pacers.isEmpty(), "pacers", "pacers must not be empty");
        Set<TokenBucketPacer> distinct = new LinkedHashSet<>();
        for (SendPacer pacer : pacers) {
            if (pacer instanceof TokenBucketPacer bucket) {
                distinct.add(bucket);
            } else if (pacer instanceof CompositePacer composite) {
                distinct.addAll(composite.buckets);
            }
        }
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        List<TokenBucketPacer> ordered = new ArrayList<>(distinct);
        ordered.sort(Comparator.comparingLong(bucket -> bucket.lockOrder));
        return new CompositePacer(List.copyOf(ordered));
    }

    @Override
    public int tryAcquire(int permits, Instant now) {
        requirePositive(permits, "permits");
        requireNonNull(now, "now");
        lockAll();
        try {
            int granted = Math.min(permits, availableNow(now));
            for (TokenBucketPacer bucket : buckets) {
                bucket.consume(granted);
            }
            return granted;
        } finally {
            unlockAll();
        }
    }

    @Override
    public int availablePermits(Instant now) {
        requireNonNull(now, "now");
        lockAll();
        try {
            return availableNow(now);
        } finally {
            unlockAll();
        }
    }

    @Override
    public Instant nextPermitAt(Instant now) {
        requireNonNull(now, "now");
        lockAll();
        try {
            // refills only add, so at the latest of the buckets' instants every bucket has a permit
            Instant latest = now;
            for (TokenBucketPacer bucket : buckets) {
                bucket.advanceTo(now);
                Instant next = bucket.nextPermitAtNow();
                if (next.isAfter(latest)) {
                    latest = next;
                }
            }
            return latest;
        } finally {
            unlockAll();
        }
    }

    @Override
    public String toString() {
        return "allOf" + buckets;
    }

    private int availableNow(Instant now) {
        int available = Integer.MAX_VALUE;
        for (TokenBucketPacer bucket : buckets) {
            bucket.advanceTo(now);
            available = Math.min(available, bucket.availableNow());
        }
        return available;
    }

    private void lockAll() {
        int locked = 0;
        try {
            for (TokenBucketPacer bucket : buckets) {
                bucket.lock();
                locked++;
            }
        } catch (RuntimeException | Error failure) {
            for (int i = locked - 1; i >= 0; i--) {
                buckets.get(i).unlock();
            }
            throw failure;
        }
    }

    private void unlockAll() {
        for (int i = buckets.size() - 1; i >= 0; i--) {
            buckets.get(i).unlock();
        }
    }
}
