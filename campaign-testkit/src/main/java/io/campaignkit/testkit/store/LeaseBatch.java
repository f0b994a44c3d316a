package io.campaignkit.testkit.store;

import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import java.util.ArrayList;
import java.util.List;

/**
 * Recipients put under one lease by one claim. A recipient belongs to the batch that holds it now
 * ({@link RecipientEntry#heldBy}); {@link #live} counts them, so a batch whose members all moved
 * on is dropped without a scan. Expiry is tracked per batch, not per recipient: a million SENDING
 * recipients cost a thousand entries in the expiry queue.
 */
final class LeaseBatch {

    final Lease lease;
    final List<RecipientEntry> members = new ArrayList<>();
    /** How many members it still holds. */
    int live;
    /** Members before this index were already looked at by a recovery. */
    int recoveryCursor;

    LeaseBatch(Lease lease) {
        this.lease = lease;
    }

    boolean holds(RecipientEntry entry) {
        return entry.heldBy == this && entry.recipient.state() == DeliveryState.SENDING;
    }
}
