package io.campaignkit.cli.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for a run: the JVM's shutdown hook asks the run to stop, then holds the JVM until the run
 * finished its campaign and wrote its report, at most {@code holdAtMost}.
 */
final class StopSignal implements AutoCloseable {

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Duration holdAtMost;
    private Thread hook;

    StopSignal(Duration holdAtMost) {
        this.holdAtMost = holdAtMost;
    }

    /** Installs the shutdown hook (only when the program is its own process). */
    void installHook() {
        hook = new Thread(this::stopAndHold, "campaignkit-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits up to {@code timeout} for a stop request; true when one came (or the thread was interrupted). */
    boolean awaitStop(Duration timeout) {
        try {
            return stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Waits up to {@code timeout} without a stop request being able to cut it short. */
    static void pause(Duration timeout) {
        try {
            new CountDownLatch(1).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAndHold() {
        stopRequested.countDown();
        try {
            finished.await(holdAtMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run is over: release a waiting hook, or remove the hook that is no longer needed. */
    @Override
    public void close() {
        finished.countDown();
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it is what waited for us
        }
    }
}
