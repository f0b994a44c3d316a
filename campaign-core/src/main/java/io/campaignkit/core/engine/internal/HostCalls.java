package io.campaignkit.core.engine.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host's code (bot flows, the listener, the unrouted-message handler) outside the engine's
 * lock, on the host's executor, so that a slow bot neither delays sending nor a webhook's answer.
 *
 * <p>Calls with one order key run one at a time, in the order they were made: one contact's
 * messages reach its bot in order (key: campaign and phone), listener events keep the order the
 * engine emitted them in. Calls with different keys may run at once. A call made while the current
 * thread holds the engine's lock is kept in an outbox and handed to the executor when the outermost
 * locked section ends ({@link #takeOutbox()} then {@link #submitAll}), so it never runs under the lock,
 * whatever the executor; a direct executor ({@code Runnable::run}) then runs it on the same thread right
 * after the lock is released, which keeps tests deterministic.
 */
final class HostCalls {

    private static final Logger LOG = LoggerFactory.getLogger(HostCalls.class);

    /** The order key of every listener event: they keep one order. */
    static final Object LISTENER = new Object() {
        @Override
        public String toString() {
            return "listener";
        }
    };

    private final Executor executor;
    private final ReentrantLock engineLock;
    private final List<Call> outbox = new ArrayList<>();
    /** The calls waiting per key; a key is present while a drain of it is scheduled or running. */
    private final Map<Object, ArrayDeque<Runnable>> queues = new HashMap<>();
    /** Calls submitted and not yet run to their end; guarded by {@link #queues}, which is notified at zero. */
    private long unfinished;
    /** Set on a thread while it runs this engine's host calls: such a thread cannot wait for them. */
    private final ThreadLocal<Boolean> runningCalls = new ThreadLocal<>();

    HostCalls(Executor executor, ReentrantLock engineLock) {
        this.executor = executor;
        this.engineLock = engineLock;
    }

    /** Runs {@code call} after the earlier calls of {@code key}, outside the engine's lock. */
    void run(Object key, Runnable call) {
        runUnlessFailed(key, call, null);
    }

    /**
     * {@link #run}, except that when {@code call} is made under the lock and the locked section then
     * fails, it is not run and {@code onDropped} runs instead (on the failing thread, after the lock is
     * released). For hand-overs whose source stays in the store: what a failed section handed out is
     * handed again by a later one, rather than handed now and again later.
     */
    void runUnlessFailed(Object key, Runnable call, @Nullable Runnable onDropped) {
        if (engineLock.isHeldByCurrentThread()) {
            outbox.add(new Call(key, call, onDropped)); // only the lock's holder touches the outbox
        } else {
            submit(key, call);
        }
    }

    /**
     * The calls made under the lock, for the outermost locked section to submit once it released it;
     * with {@code failed}, those made with {@link #runUnlessFailed} are left out (their {@code onDropped}
     * is returned in their place).
     */
    List<Call> takeOutbox(boolean failed) {
        if (outbox.isEmpty()) {
            return List.of();
        }
        List<Call> taken = new ArrayList<>(outbox.size());
        for (Call call : outbox) {
            Runnable onDropped = call.onDropped();
            if (!failed || onDropped == null) {
                taken.add(call);
            } else {
                taken.add(new Call(call.key(), onDropped, null));
            }
        }
        outbox.clear();
        return taken;
    }

    void submitAll(List<Call> calls) {
        for (Call call : calls) {
            submit(call.key(), call.body());
        }
    }

    private void submit(Object key, Runnable body) {
        ArrayDeque<Runnable> queue;
        synchronized (queues) {
            unfinished++;
            queue = queues.get(key);
            if (queue != null) {
                queue.add(body); // the drain scheduled for the key runs it after the ones before
                return;
            }
            queue = new ArrayDeque<>();
            queue.add(body);
            queues.put(key, queue);
        }
        ArrayDeque<Runnable> scheduled = queue;
        try {
            executor.execute(() -> drain(key, scheduled));
        } catch (RejectedExecutionException e) {
            LOG.warn("the host-call executor refused a call; it runs on this thread instead", e);
            drain(key, scheduled);
        }
    }

    private void drain(Object key, ArrayDeque<Runnable> queue) {
        while (true) {
            Runnable next;
            synchronized (queues) {
                next = queue.poll();
                if (next == null) {
                    queues.remove(key);
                    return;
                }
            }
            Boolean outer = runningCalls.get();
            runningCalls.set(Boolean.TRUE);
            try {
                next.run();
            } catch (RuntimeException e) {
                // each body reports its own failures; this is the last line so later calls still run
                LOG.warn("a host call failed", e);
            } finally {
                if (outer == null) {
                    runningCalls.remove(); // a pool's thread keeps nothing of this engine
                }
                synchronized (queues) {
                    if (--unfinished == 0) {
                        queues.notifyAll();
                    }
                }
            }
        }
    }

    /**
     * Waits until every call submitted has run, including those submitted while waiting, at most
     * {@code timeout}; answers whether none is left. Calls still in a locked section's outbox are
     * submitted when that section ends, so they count from then on.
     *
     * @throws IllegalStateException on a thread running host calls: it would wait for itself
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (runningCalls.get() != null) {
            throw new IllegalStateException(
                    "awaitCallbacks was called from a bot flow, listener or unrouted-message handler: it would wait"
                            + " for that call to end");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (queues) {
            while (unfinished > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(queues, left);
            }
            return true;
        }
    }

    /** A call kept in the outbox. */
    record Call(Object key, Runnable body, @Nullable Runnable onDropped) {}
}
