package io.campaignkit.testkit.store;

import io.campaignkit.core.port.Recipient;
import org.jspecify.annotations.Nullable;

/**
 * Where the in-memory store keeps one recipient: the immutable {@link Recipient} as it now is, and the
 * lease batch holding it while SENDING. Guarded by its {@link RecipientBook}'s lock; the claim queues
 * and lease batches point at entries, so replacing the recipient keeps its place in them.
 */
final class RecipientEntry {

    final RecipientBook book;
    /** The local zone key it was added with, {@code ""} for none: which of the book's pending queues it waits in. */
    final String zone;

    Recipient recipient;
    /** The lease batch holding it while SENDING, else null. */
    @Nullable
    LeaseBatch heldBy;

    RecipientEntry(RecipientBook book, Recipient recipient, String zone) {
        this.book = book;
        this.zone = zone;
        this.recipient = recipient;
    }

    /** Moves it under {@code batch} (or under none), keeping the batches' live counts right. */
    void holdBy(@Nullable LeaseBatch batch) {
        if (heldBy != null) {
            heldBy.live--;
        }
        heldBy = batch;
        if (batch != null) {
            batch.live++;
        }
    }
}
