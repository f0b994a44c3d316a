package io.campaignkit.channel.whatsapp.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * Bounds requests in flight without blocking a thread: past the bound, a send waits in a FIFO
 * queue for a permit as a pending future, and starts when an earlier request completes.
 */
public final class InFlightLimiter {

    private final int maxInFlight;
    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inFlight;

    public InFlightLimiter(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /** Completes when the caller holds a permit; the caller must {@link #release()} it exactly once. */
    public CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (inFlight < maxInFlight) {
                inFlight++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> permit = new CompletableFuture<>();
            waiting.add(permit);
            return permit;
        }
    }

    public void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        // The permit passes to the next waiter directly; completing it outside the lock lets its
        // request start on this thread without holding up other releases.
        if (next != null) {
            next.complete(null);
        }
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized int waiting() {
        return waiting.size();
    }
}
