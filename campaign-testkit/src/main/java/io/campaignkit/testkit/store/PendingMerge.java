package io.campaignkit.testkit.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The PENDING recipients of several {@link PendingQueue}s (a campaign's local zones) as one sequence in
 * claim order, due time then sequence: a k-way merge, a binary heap of the queues keyed by their heads. A
 * claim across the open zones of an audience launched with its zones mixed so takes its recipients near
 * their sequence order, one after the other in memory, rather than each zone's every n-th recipient in
 * turn. Lives for one claim, under its {@link RecipientBook}'s lock: only the queue at the top is taken
 * from, so the other queues' heads stay what they were when read.
 *
 * <p>The heap compares the heads' claim keys as their queues left them ({@link PendingQueue#head()} sets
 * them, and a queue's head is read again only after it was taken from): a claim across a mixed audience's
 * zones takes from a different queue each time, so every recipient claimed costs a sift through the heap,
 * which compares those numbers in the few queues rather than reading each head's recipient and its due
 * instant.
 */
final class PendingMerge {

    private final PendingQueue[] queues;
    private final RecipientEntry[] heads;
    private int size;

    /** Over {@code queues}, each read for its head once. */
    PendingMerge(List<PendingQueue> queues) {
        this.queues = new PendingQueue[queues.size()];
        this.heads = new RecipientEntry[queues.size()];
        for (PendingQueue queue : queues) {
            RecipientEntry head = queue.head();
            if (head != null) {
                this.queues[size] = queue;
                heads[size] = head;
                size++;
            }
        }
        for (int index = size / 2 - 1; index >= 0; index--) {
            siftDown(index);
        }
    }

    /** The first PENDING recipient among the queues if it is due at {@code now}; not removed. Null when none. */
    @Nullable
    RecipientEntry nextDue(Instant now) {
        if (size == 0) {
            return null;
        }
        PendingQueue top = queues[0];
        long seconds = now.getEpochSecond();
        boolean later = top.headSeconds != seconds ? top.headSeconds > seconds : top.headNanos > now.getNano();
        return later ? null : heads[0];
    }

    /** Removes {@link #nextDue}'s recipient from its queue and brings that queue's next head into place. */
    void take() {
        PendingQueue top = queues[0];
        top.take(heads[0]);
        RecipientEntry next = top.head();
        if (next == null) {
            size--;
            swap(0, size);
            queues[size] = null;
            heads[size] = null;
        } else {
            heads[0] = next;
        }
        if (size > 1) {
            siftDown(0);
        }
    }

    private void siftDown(int index) {
        int at = index;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && before(child + 1, child)) {
                child++;
            }
            if (!before(child, at)) {
                return;
            }
            swap(at, child);
            at = child;
        }
    }

    private void swap(int a, int b) {
        PendingQueue queue = queues[a];
        queues[a] = queues[b];
        queues[b] = queue;
        RecipientEntry head = heads[a];
        heads[a] = heads[b];
        heads[b] = head;
    }

    /** {@link PendingQueue#CLAIM_ORDER} on the queues' head keys: it runs a few times for each recipient claimed. */
    private boolean before(int a, int b) {
        PendingQueue first = queues[a];
        PendingQueue second = queues[b];
        if (first.headSeconds != second.headSeconds) {
            return first.headSeconds < second.headSeconds;
        }
        if (first.headNanos != second.headNanos) {
            return first.headNanos < second.headNanos;
        }
        return first.headSequence < second.headSequence;
    }
}
