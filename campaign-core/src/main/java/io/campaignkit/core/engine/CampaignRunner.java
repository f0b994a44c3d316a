package io.campaignkit.core.engine;

import org.jspecify.annotations.Nullable;
import io.campaignkit.core.internal.Arguments;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link CampaignEngine} in production: calls {@link CampaignEngine#runDue()} on a
 * {@link ScheduledExecutorService}, then schedules the next run at the instant it answered (at most
 * {@link #DEFAULT_MAX_IDLE} later, so work stored by another process is found too), and runs early
 * when the engine signals new work (a launch, a resume, a webhook, a channel's answer).
 *
 * <pre>{@code
 * ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
 * try (CampaignRunner runner = CampaignRunner.start(engine, scheduler)) {
 *     ... the application runs ...
 * }
 * }</pre>
 *
 * <p>The delay is measured on the engine's clock; a runner is meant for a real clock (a test on a
 * manual clock calls {@code runDue()} itself). Runs never overlap. {@link #close()} stops scheduling;
 * the executor belongs to the caller.
 */
public final class CampaignRunner implements AutoCloseable {

    /** Longest wait between two runs, even when the engine has nothing due: 30 seconds. */
    public static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);

    private final CampaignEngine engine;
    private final ScheduledExecutorService scheduler;
    private final Duration maxIdle;
    private final Object lock = new Object();
    private @Nullable ScheduledFuture<?> scheduled; // guarded by lock
    private @Nullable Instant scheduledAt; // guarded by lock
    private boolean closed; // guarded by lock

    private CampaignRunner(CampaignEngine engine, ScheduledExecutorService scheduler, Duration maxIdle) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.maxIdle = maxIdle;
    }

    /** Starts running {@code engine} on {@code scheduler} now, with {@link #DEFAULT_MAX_IDLE}. */
    public static CampaignRunner start(CampaignEngine engine, ScheduledExecutorService scheduler) {
        return start(engine, scheduler, DEFAULT_MAX_IDLE);
    }

    /** Starts running {@code engine} on {@code scheduler} now. */
    public static CampaignRunner start(CampaignEngine engine, ScheduledExecutorService scheduler, Duration maxIdle) {
        Arguments.requireNonNull(engine, "engine");
        Arguments.requireNonNull(scheduler, "scheduler");
        Arguments.requirePositive(maxIdle, "maxIdle");
        CampaignRunner runner = new CampaignRunner(engine, scheduler, maxIdle);
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
        try {
            Optional<Instant> due = engine.runDue();
            if (due.isPresent() && due.get().isBefore(next)) {
                next = due.get();
            }
        } catch (RuntimeException e) {
            LOG.error("campaign engine run failed; running again at {}", next, e);
        }
        scheduleAt(next);
    }

    private void scheduleAt(Instant at) {
        synchronized (lock) {
            if (closed || (scheduledAt != null && !at.isBefore(scheduledAt))) {
                return; // a run at or before that instant is already scheduled
            }
            if (scheduled != null && !scheduled.cancel(false)) {
                return; // that run is starting: it schedules the next itself
            }
            long delayNanos = Math.max(0, Duration.between(engine.clock().instant(), at).toNanos());
            scheduledAt = at;
            scheduled = scheduler.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops scheduling runs; a run under way completes. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
