package io.campaignkit.testkit.store;

import io.campaignkit.core.port.Lease;
import java.util.List;

/**
 * Recipients put under one lease by one claim or renewal. A recipient belongs to the batch that
 * holds it now ({@link StoredRecipient#heldBy}); a batch whose members moved on is stale for them.
 * Expiry is tracked per batch, not per recipient, so a million claimed recipients cost a thousand
 * entries in the expiry queue.
 */
final class LeaseBatch {

    final Lease lease;
    final long expiresAtNanos;
    final List<StoredRecipient> members;

    LeaseBatch(Lease lease, List<StoredRecipient> members) {
        this.lease = lease;
        this.expiresAtNanos = InstantNanos.of(lease.expiresAt());
        this.members = members;
    }

    /** Whether the lease holds at {@code nowNanos} (strictly before its expiry, as {@link Lease#isLiveAt}). */
    boolean isLiveAt(long nowNanos) {
        return nowNanos < expiresAtNanos;
    }
}
