package io.campaignkit.testkit.store;

import io.campaignkit.core.port.DeliveryState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The PENDING recipients of one campaign (or of one of its local zones) in claim order: due time, then
 * sequence. Two queues: {@link #inOrder} for those added in that order (the common case: a launch adds
 * everyone due at one instant; O(1)) and {@link #outOfOrder} for the rest (retries, recipients given
 * back). Each PENDING recipient is in exactly one of them; an entry whose recipient left PENDING
 * (skipped) is dropped when it reaches the head, since nothing returns to PENDING without being
 * claimed first. Guarded by its {@link RecipientBook}'s lock.
 */
final class PendingQueue {

    static final Comparator<RecipientEntry> CLAIM_ORDER = Comparator.<RecipientEntry, Instant>comparing(
                    entry -> entry.recipient.dueAt())
            .thenComparingLong(entry -> entry.recipient.sequence());

    private final ArrayDeque<RecipientEntry> inOrder = new ArrayDeque<>();
    private final PriorityQueue<RecipientEntry> outOfOrder = new PriorityQueue<>(CLAIM_ORDER);

    void enqueue(RecipientEntry entry) {
        RecipientEntry last = inOrder.peekLast();
        if (last == null || CLAIM_ORDER.compare(last, entry) < 0) {
            inOrder.addLast(entry);
        } else {
            outOfOrder.add(entry);
        }
    }

    /** The PENDING recipient first in claim order, dropping stale entries; not removed. Null when none. */
    RecipientEntry head() {
        while (!inOrder.isEmpty() && inOrder.peekFirst().recipient.state() != DeliveryState.PENDING) {
            inOrder.pollFirst();
        }
        while (!outOfOrder.isEmpty() && outOfOrder.peek().recipient.state() != DeliveryState.PENDING) {
            outOfOrder.poll();
        }
        RecipientEntry first = inOrder.peekFirst();
        RecipientEntry other = outOfOrder.peek();
        if (first == null) {
            return other;
        }
        return other == null || CLAIM_ORDER.compare(first, other) < 0 ? first : other;
    }

    /** Removes {@code entry}, which {@link #head()} just answered. */
    void take(RecipientEntry entry) {
        if (inOrder.peekFirst() == entry) {
            inOrder.pollFirst();
        } else {
            outOfOrder.poll();
        }
    }
}
