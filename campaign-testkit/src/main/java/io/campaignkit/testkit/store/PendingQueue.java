package io.campaignkit.testkit.store;

import io.campaignkit.core.port.DeliveryState;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The PENDING recipients of one campaign (or of one of its local zones) in claim order: due time, then
 * sequence. Two queues: a ring in that order for those added in it (the common case: a launch adds
 * everyone due at one instant; O(1)) and {@link #outOfOrder} for the rest (retries, recipients given
 * back). Each PENDING recipient is in exactly one of them; an entry whose recipient left PENDING while
 * queued (skipped) is dropped when it reaches the head, since nothing returns to PENDING without being
 * claimed first. Guarded by its {@link RecipientBook}'s lock.
 *
 * <p>The ring keeps each entry's claim key (due time and sequence, fixed while it waits) beside it, and
 * {@link #head()} leaves them in {@link #headSeconds}, {@link #headNanos} and {@link #headSequence}: a
 * {@link PendingMerge} across a mixed audience's zones reads the next head of a queue long before it
 * claims it, and reading keys laid out side by side, rather than through the entry, its recipient and
 * its due instant (three reads far apart in the heap), is what made twenty zones cost little more than
 * one. And while no queued entry has left PENDING ({@link #leftPending}), the head is not checked.
 */
final class PendingQueue {

    static final Comparator<RecipientEntry> CLAIM_ORDER = Comparator.<RecipientEntry, Instant>comparing(
                    entry -> entry.recipient.dueAt())
            .thenComparingLong(entry -> entry.recipient.sequence());

    /** The ring's least length; it doubles when full and halves when a quarter full, down to this. */
    static final int LEAST_CAPACITY = 16;

    private RecipientEntry[] ring = new RecipientEntry[LEAST_CAPACITY];
    private long[] seconds = new long[LEAST_CAPACITY];
    private int[] nanos = new int[LEAST_CAPACITY];
    private long[] sequences = new long[LEAST_CAPACITY];
    private int first;
    private int size;

    private final PriorityQueue<RecipientEntry> outOfOrder = new PriorityQueue<>(CLAIM_ORDER);
    /** Entries queued here whose recipient left PENDING and that are not yet dropped. */
    private int leftPending;

    /** The claim key of the entry {@link #head()} last answered. */
    long headSeconds;

    int headNanos;
    long headSequence;

    void enqueue(RecipientEntry entry) {
        Instant due = entry.recipient.dueAt();
        long sequence = entry.recipient.sequence();
        if (size == 0 || compareAt(due, sequence, (first + size - 1) & (ring.length - 1)) > 0) {
            append(entry, due, sequence);
        } else {
            outOfOrder.add(entry);
        }
    }

    /** A queued entry's recipient left PENDING without being taken (it was skipped): dropped at the head. */
    void leftPending() {
        leftPending++;
    }

    /** The PENDING recipient first in claim order, dropping stale entries; not removed. Null when none. */
    @Nullable
    RecipientEntry head() {
        if (leftPending > 0) {
            dropStale();
        }
        RecipientEntry other = outOfOrder.peek();
        if (size == 0) {
            return other == null ? null : headFromOther(other);
        }
        int at = first;
        if (other != null && compareAt(other.recipient.dueAt(), other.recipient.sequence(), at) < 0) {
            return headFromOther(other);
        }
        headSeconds = seconds[at];
        headNanos = nanos[at];
        headSequence = sequences[at];
        return ring[at];
    }

    /** Removes {@code entry}, which {@link #head()} just answered. */
    void take(RecipientEntry entry) {
        if (size > 0 && ring[first] == entry) {
            pollFirst();
        } else {
            outOfOrder.poll();
        }
    }

    private RecipientEntry headFromOther(RecipientEntry other) {
        Instant due = other.recipient.dueAt();
        headSeconds = due.getEpochSecond();
        headNanos = due.getNano();
        headSequence = other.recipient.sequence();
        return other;
    }

    private void dropStale() {
        while (size > 0 && ring[first].recipient.state() != DeliveryState.PENDING) {
            pollFirst();
            leftPending--;
        }
        while (!outOfOrder.isEmpty() && outOfOrder.peek().recipient.state() != DeliveryState.PENDING) {
            outOfOrder.poll();
            leftPending--;
        }
    }

    /** Claim order of ({@code due}, {@code sequence}) against the ring's entry at {@code at}: below 0 if before. */
    private int compareAt(Instant due, long sequence, int at) {
        int bySeconds = Long.compare(due.getEpochSecond(), seconds[at]);
        if (bySeconds != 0) {
            return bySeconds;
        }
        int byNanos = Integer.compare(due.getNano(), nanos[at]);
        return byNanos != 0 ? byNanos : Long.compare(sequence, sequences[at]);
    }

    private void append(RecipientEntry entry, Instant due, long sequence) {
        if (size == ring.length) {
            grow();
        }
        int at = (first + size) & (ring.length - 1);
        ring[at] = entry;
        seconds[at] = due.getEpochSecond();
        nanos[at] = due.getNano();
        sequences[at] = sequence;
        size++;
    }

    private void pollFirst() {
        ring[first] = null;
        first = (first + 1) & (ring.length - 1);
        size--;
        if (size <= ring.length / 4 && ring.length > LEAST_CAPACITY) {
            resize(ring.length / 2); // a drained campaign's queue gives its memory back
        }
    }

    /** Doubles the ring, its entries moved to the start in order. */
    private void grow() {
        resize(ring.length * 2);
    }

    private void resize(int length) {
        int capacity = ring.length;
        ring = moved(ring, new RecipientEntry[length], capacity);
        seconds = moved(seconds, new long[length], capacity);
        nanos = moved(nanos, new int[length], capacity);
        sequences = moved(sequences, new long[length], capacity);
        first = 0;
    }

    /** The ring's {@link #size} entries of {@code from} (of length {@code capacity}), in order at the start of {@code to}. */
    private <T> T moved(T from, T to, int capacity) {
        int tail = Math.min(size, capacity - first);
        System.arraycopy(from, first, to, 0, tail);
        System.arraycopy(from, 0, to, tail, size - tail);
        return to;
    }

    /** The ring's length: what it holds memory for. */
    int capacity() {
        return ring.length;
    }
}
