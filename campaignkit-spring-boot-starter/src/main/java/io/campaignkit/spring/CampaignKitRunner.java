package io.campaignkit.spring;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the engine while the application runs: starts a {@link CampaignRunner} with the context and, on
 * shutdown, stops claiming (no new sends) and waits for the sends in flight to be answered and recorded, up
 * to {@code campaignkit.runner.shutdown-timeout}. Stops before the web server does, so webhooks arriving
 * while it drains are still handled. With the simulated channel it also releases the channel's due events.
 */
public class CampaignKitRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignKitRunner.class);
    /** How often the simulated channel's due answers and statuses are released. */
    static final Duration SIMULATED_EVENTS_EVERY = Duration.ofMillis(200);

    private final CampaignEngine engine;
    private final Duration maxIdle;
    private final Duration shutdownTimeout;
    private final CampaignRunner.RunObserver observer;
    private final Optional<SimulatedChannel> simulated;
    private @Nullable ScheduledExecutorService scheduler; // guarded by this
    private @Nullable CampaignRunner runner; // guarded by this

    public CampaignKitRunner(
            CampaignEngine engine,
            Duration maxIdle,
            Duration shutdownTimeout,
            CampaignRunner.RunObserver observer,
            Optional<SimulatedChannel> simulated) {
        this.engine = engine;
        this.maxIdle = maxIdle;
        this.shutdownTimeout = shutdownTimeout;
        this.observer = observer;
        this.simulated = simulated;
    }

    @Override
    public synchronized void start() {
        if (runner != null) {
            return;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "campaignkit-runner");
            thread.setDaemon(true);
            return thread;
        });
        // on shutdown a pass under way completes; the next one, planned for later, is dropped
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler = executor;
        runner = CampaignRunner.start(engine, executor, maxIdle, observer);
        simulated.ifPresent(channel -> executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        channel.deliverDueEvents();
                    } catch (RuntimeException e) {
                        LOG.warn("simulated channel events failed", e);
                    }
                },
                SIMULATED_EVENTS_EVERY.toMillis(),
                SIMULATED_EVENTS_EVERY.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /**
     * Stops claiming, then waits for the sends in flight up to the shutdown timeout.
     *
     * @return whether every send in flight was recorded in time
     */
    public boolean drain() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            if (runner == null) {
                return engine.inFlight() == 0;
            }
            runner.close();
            runner = null;
            stopping = Objects.requireNonNull(scheduler, "set with the runner");
            scheduler = null;
        }
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        stopping.shutdown(); // a pass under way completes (it may still hand messages to a channel); no new one starts
        try {
            stopping.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int inFlight;
        while ((inFlight = engine.inFlight()) > 0
                && System.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted()) {
            LOG.info("waiting for {} send(s) in flight before stopping", inFlight);
            simulated.ifPresent(SimulatedChannel::deliverDueEvents);
            try {
                // the engine records answers on the adapters' threads: nothing to wake this one, so it polls
                TimeUnit.MILLISECONDS.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopping.shutdownNow();
        awaitCallbacks(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (inFlight > 0) {
            LOG.warn(
                    "stopped with {} send(s) still in flight after {}: they are recovered by the lease of another "
                            + "process or of the next start",
                    inFlight,
                    shutdownTimeout);
            return false;
        }
        return true;
    }

    /** The bots hear of what the last passes did (closed conversations) before the beans they use close. */
    private void awaitCallbacks(Duration timeout) {
        try {
            if (!engine.awaitCallbacks(timeout)) {
                LOG.warn("stopped with bot flow or listener calls still running after {}", shutdownTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        drain();
    }

    @Override
    public synchronized boolean isRunning() {
        return runner != null;
    }

    /** Stops first among the lifecycle beans: before the web server, whose webhooks may still come in. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
