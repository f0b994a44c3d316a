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
                this.heads[size] = head;
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
        return size == 0 || heads[0].recipient.dueAt().isAfter(now) ? null : heads[0];
    }

    /** Removes {@link #nextDue}'s recipient from its queue and brings that queue's next head into place. */
    void take() {
        PendingQueue top = queues[0];
        top.take(heads[0]);
        RecipientEntry next = top.head();
        if (next == null) {
            size--;
            queues[0] = queues[size];
            heads[0] = heads[size];
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
            if (child + 1 < size && before(heads[child + 1], heads[child])) {
                child++;
            }
            if (!before(heads[child], heads[at])) {
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

    /** {@link PendingQueue#CLAIM_ORDER}, written out: it runs a few times for each recipient claimed. */
    private static boolean before(RecipientEntry a, RecipientEntry b) {
        int byDue = a.recipient.dueAt().compareTo(b.recipient.dueAt());
        return byDue != 0 ? byDue < 0 : a.recipient.sequence() < b.recipient.sequence();
    }
}
