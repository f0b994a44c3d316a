package io.campaignkit.channel.twilio.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs blocking SDK calls on a fixed number of daemon threads with a bounded queue, so the caller
 * never blocks: a full queue or a closed executor fails the returned future at once.
 */
public final class BoundedSendExecutor {

    /** Why a task did not run. */
    public enum Refusal {
        QUEUE_FULL,
        CLOSED
    }

    private final ThreadPoolExecutor pool;

    public BoundedSendExecutor(int threads, int queueCapacity, String threadNamePrefix) {
        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(queueCapacity);
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, threadNamePrefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, queue, factory, new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /**
     * @param work      the blocking call
     * @param onRefusal the exception for a task that does not run (queue full, or closed)
     * @return a future completed by the call, or failed with {@code onRefusal}'s exception
     */
    public <T> CompletableFuture<T> submit(Supplier<T> work, Function<Refusal, ? extends RuntimeException> onRefusal) {
        Task<T> task = new Task<>(work, onRefusal);
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            task.refuse(pool.isShutdown() ? Refusal.CLOSED : Refusal.QUEUE_FULL);
        }
        return task.future;
    }

    /**
     * Stops taking work, lets running calls finish for up to {@code waitMillis}, then interrupts
     * them; queued tasks that never started fail with {@link Refusal#CLOSED}.
     */
    public void shutdown(long waitMillis) {
        pool.shutdown();
        List<Runnable> neverStarted = new ArrayList<>();
        pool.getQueue().drainTo(neverStarted);
        failNeverStarted(neverStarted);
        try {
            if (!pool.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                failNeverStarted(pool.shutdownNow());
            }
        } catch (InterruptedException e) {
            failNeverStarted(pool.shutdownNow());
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether every thread has ended */
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    private static void failNeverStarted(List<Runnable> neverStarted) {
        for (Runnable runnable : neverStarted) {
            if (runnable instanceof Task<?> task) {
                task.refuse(Refusal.CLOSED);
            }
        }
    }

    private static final class Task<T> implements Runnable {
        private final Supplier<T> work;
        private final Function<Refusal, ? extends RuntimeException> onRefusal;
        private final CompletableFuture<T> future = new CompletableFuture<>();

        private Task(Supplier<T> work, Function<Refusal, ? extends RuntimeException> onRefusal) {
            this.work = work;
            this.onRefusal = onRefusal;
        }

        void refuse(Refusal refusal) {
            future.completeExceptionally(onRefusal.apply(refusal));
        }

        @Override
        public void run() {
            try {
                future.complete(work.get());
            } catch (Throwable failure) {
                future.completeExceptionally(failure);
            }
        }
    }
}
