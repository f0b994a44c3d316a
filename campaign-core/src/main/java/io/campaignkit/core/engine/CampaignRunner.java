package io.campaignkit.core.engine;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.CampaignStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link CampaignEngine} in production: calls {@link CampaignEngine#runDue()} on a
 * {@link ScheduledExecutorService}, then schedules the next run at the instant it answered (at most
 * {@link #DEFAULT_MAX_IDLE} later, so work stored by another process is found too), and runs early
 * when the engine signals new work (a launch, a resume, a webhook, a channel's answer).
 *
 * <pre>{@code
 * try (CampaignRunner runner = CampaignRunner.start(engine)) {   // its own thread, stopped by close()
 *     ... the application runs ...
 *     runner.awaitSettled(campaignId, Duration.ofMinutes(5));       // a script: until all are sent and answered
 * }
 * }</pre>
 *
 * <p>The delay is measured on the engine's clock; a runner is meant for a real clock (a test on a
 * manual clock calls {@code runDue()} itself). Runs never overlap. {@link #close()} stops scheduling;
 * an executor given to {@link #start(CampaignEngine, ScheduledExecutorService)} belongs to the caller,
 * the one {@link #start(CampaignEngine)} made is shut down.
 *
 * <p><b>Failures.</b> A failed run is retried with a backoff: {@link #FIRST_BACKOFF}, doubled after
 * each further failure up to {@link #MAX_BACKOFF}; wake-ups wait for it too, so a database that is
 * down is not hammered. The first failure of a streak is logged once, in one line for a store failure
 * (the database is down or has no connection free: {@link CampaignStorage#STORE_FAILURE}), with its
 * stack trace for any other; the following ones at debug level; the first run that succeeds again
 * logs one line saying so. Nothing is lost meanwhile: what was due stays due in the store.
 */
public final class CampaignRunner implements AutoCloseable {

    /** Longest wait between two runs, even when the engine has nothing due: 30 seconds. */
    public static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(30);

    /** The wait after the first failed run of a streak. */
    public static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    /** The longest wait between two failed runs. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);

    private final CampaignEngine engine;
    private final ScheduledExecutorService scheduler;
    private final Duration maxIdle;
    private final RunObserver observer;
    private static final RunObserver NO_OBSERVER = (took, failed) -> {};
    private final Object lock = new Object();
    private @Nullable ScheduledFuture<?> scheduled; // guarded by lock
    private @Nullable Instant scheduledAt; // guarded by lock
    private boolean closed; // guarded by lock
    private long runs; // guarded by lock; awaitSettled waits for the next one
    private final boolean ownsScheduler;
    private @Nullable Instant retryNotBefore; // guarded by lock: set while runs fail
    // only run() touches these, and runs never overlap
    private int failures;
    private @Nullable Instant failingSince;

    private CampaignRunner(
            CampaignEngine engine,
            ScheduledExecutorService scheduler,
            Duration maxIdle,
            boolean ownsScheduler,
            RunObserver observer) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.maxIdle = maxIdle;
        this.ownsScheduler = ownsScheduler;
        this.observer = observer;
    }

    /**
     * Starts running {@code engine} now on a thread of its own (a daemon: a host that forgets to close
     * the runner still exits), with {@link #DEFAULT_MAX_IDLE}. {@link #close()} stops the thread.
     *
     * @param engine the engine to run
     * @return the runner, to close when the application stops
     */
    public static CampaignRunner start(CampaignEngine engine) {
        Arguments.requireNonNull(engine, "engine");
        ScheduledExecutorService own = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "campaignkit-runner");
            thread.setDaemon(true);
            return thread;
        });
        return start(engine, own, DEFAULT_MAX_IDLE, true, NO_OBSERVER);
    }

    /**
     * Told how long each of the runner's passes took, for metrics (a Micrometer timer, for one). Called
     * on the scheduler's thread after the pass; an exception thrown here is logged and swallowed.
     */
    @FunctionalInterface
    public interface RunObserver {

        /**
         * One call of {@link CampaignEngine#runDue()} returned or threw.
         *
         * @param took how long it ran, measured on the JVM's monotonic clock (not the engine's)
         * @param failed whether it threw
         */
        void passCompleted(Duration took, boolean failed);
    }

    /** Starts running {@code engine} on {@code scheduler} now, with {@link #DEFAULT_MAX_IDLE}. */
    public static CampaignRunner start(CampaignEngine engine, ScheduledExecutorService scheduler) {
        return start(engine, scheduler, DEFAULT_MAX_IDLE);
    }

    /** Starts running {@code engine} on {@code scheduler} now. */
    public static CampaignRunner start(CampaignEngine engine, ScheduledExecutorService scheduler, Duration maxIdle) {
        return start(engine, scheduler, maxIdle, false, NO_OBSERVER);
    }

    /** Starts running {@code engine} on {@code scheduler} now, telling {@code observer} how long each pass took. */
    public static CampaignRunner start(
            CampaignEngine engine, ScheduledExecutorService scheduler, Duration maxIdle, RunObserver observer) {
        return start(engine, scheduler, maxIdle, false, observer);
    }

    private static CampaignRunner start(
            CampaignEngine engine,
            ScheduledExecutorService scheduler,
            Duration maxIdle,
            boolean ownsScheduler,
            RunObserver observer) {
        Arguments.requireNonNull(engine, "engine");
        Arguments.requireNonNull(scheduler, "scheduler");
        Arguments.requirePositive(maxIdle, "maxIdle");
        Arguments.requireNonNull(observer, "observer");
        CampaignRunner runner = new CampaignRunner(engine, scheduler, maxIdle, ownsScheduler, observer);
        engine.onWakeUp(runner::wakeUp);
        runner.scheduleAt(engine.clock().instant());
        return runner;
    }

    /** Asks for a run as soon as possible (the engine calls it when new work arrives). */
    public void wakeUp() {
        scheduleAt(engine.clock().instant());
    }

    private void run() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            scheduled = null;
            scheduledAt = null;
        }
        Instant now = engine.clock().instant();
        Instant next = now.plus(maxIdle);
        long started = System.nanoTime(); // a duration, so the monotonic clock: the engine's may be a manual one
        boolean failed = false;
        try {
            Optional<Instant> due = engine.runDue();
            if (due.isPresent() && due.get().isBefore(next)) {
                next = due.get();
            }
            if (failures > 0) {
                LOG.info(
                        "campaign engine runs again, after {} failed runs in {} s",
                        failures,
                        Duration.between(failingSince, engine.clock().instant()).toSeconds());
                failures = 0;
                synchronized (lock) {
                    retryNotBefore = null;
                }
            }
        } catch (RuntimeException e) {
            failures++;
            Duration backoff = backoff(failures);
            next = now.plus(backoff);
            if (failures == 1) {
                failingSince = now;
                logFirstFailure(e, backoff);
            } else {
                LOG.debug(
                        "campaign engine run failed again ({} in a row); next try in {} ms",
                        failures,
                        backoff.toMillis(),
                        e);
            }
            synchronized (lock) {
                retryNotBefore = next;
            }
            failed = true;
        }
        synchronized (lock) {
            runs++;
            lock.notifyAll();
        }
        try {
            observer.passCompleted(Duration.ofNanos(System.nanoTime() - started), failed);
        } catch (RuntimeException e) {
            LOG.warn("run observer failed", e);
        }
        scheduleAt(next);
    }

    /**
     * Waits until the campaign has settled: no recipient left to send (PENDING, a retry included) and
     * every send answered by the channel (none SENDING), or until {@code timeout} passes on the
     * system's time. For scripts and tests that end when a campaign is done; a host that serves users
     * follows the metrics or the listener instead. A paused campaign, or one whose hours are closed,
     * does not settle until it sends again.
     *
     * @param id the campaign, launched
     * @param timeout how long to wait at most
     * @return true when settled, false when the time ran out first
     * @throws io.campaignkit.core.InvalidArgumentException when the runner is closed (nothing would
     *     send any more)
     */
    public boolean awaitSettled(CampaignId id, Duration timeout) {
        Arguments.requireNonNull(id, "id");
        Arguments.requirePositive(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (lock) {
                Arguments.require(!closed, "runner", "the runner is closed: nothing sends the campaign any more");
                seen = runs;
            }
            if (isSettled(engine.metrics(id))) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wakeUp(); // answers recorded since the last run show after the next
            synchronized (lock) {
                try {
                    // woken by the next run; the bound only re-checks a store another process changes
                    long waitNanos = Math.min(left, maxIdle.toNanos());
                    while (runs == seen && !closed && waitNanos > 0) {
                        long before = System.nanoTime();
                        TimeUnit.NANOSECONDS.timedWait(lock, waitNanos);
                        waitNanos -= System.nanoTime() - before;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /**
     * Whether a campaign has settled: nothing pending and nothing awaiting the channel's answer.
     *
     * @param metrics the campaign's metrics
     * @return true when {@code pending} and {@code sending} are both zero
     */
    public static boolean isSettled(CampaignMetrics metrics) {
        return metrics.pending() == 0 && metrics.sending() == 0;
    }

    /** The wait after the {@code failures}-th failed run in a row. */
    static Duration backoff(int failures) {
        int doublings = Math.min(failures - 1, 20);
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private static void logFirstFailure(RuntimeException e, Duration backoff) {
        String retrying = "; retrying in " + backoff.toMillis() + " ms, then at most every " + MAX_BACKOFF.toSeconds()
                + " s, until it succeeds";
        if (e instanceof CampaignKitException known && CampaignStorage.STORE_FAILURE.equals(known.code())) {
            // one line: the store's message names the operation, its cause says why (refused, timed out)
            LOG.warn("campaign store unavailable: {}{}", causes(e), retrying);
            LOG.debug("campaign store failure", e);
        } else {
            LOG.error("campaign engine run failed{}", retrying, e);
        }
    }

    /** The messages of a failure and its causes, in one line (each message once, line breaks folded). */
    static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message.strip()) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message.strip());
            }
        }
        return text.length() == 0
                ? failure.getClass().getName()
                : text.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private void scheduleAt(Instant at) {
        synchronized (lock) {
            if (retryNotBefore != null && at.isBefore(retryNotBefore)) {
                at = retryNotBefore; // failing: a wake-up waits for the backoff too
            }
            if (closed || (scheduledAt != null && !at.isBefore(scheduledAt))) {
                return; // a run at or before that instant is already scheduled
            }
            if (scheduled != null && !scheduled.cancel(false)) {
                return; // that run is starting: it schedules the next itself
            }
            long delayNanos =
                    Math.max(0, Duration.between(engine.clock().instant(), at).toNanos());
            scheduledAt = at;
            scheduled = scheduler.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Stops scheduling runs; a run under way completes. The thread of a runner made by
     * {@link #start(CampaignEngine)} is stopped once that run ended (waiting at most
     * {@link #CLOSE_TIMEOUT}). Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            lock.notifyAll();
        }
        if (ownsScheduler) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long {@link #close()} waits for a run under way on the runner's own thread: 10 seconds. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
}
