package io.campaignkit.testkit.engine;

import io.campaignkit.core.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * An {@link Executor} that runs nothing until the test says so: the engine's
 * {@link io.campaignkit.core.engine.CampaignEngineBuilder#callbackExecutor callback executor} for tests
 * of slow bots and listeners. A task waits in this executor as a bot that is still thinking would, while
 * the test sends more messages, runs the engine or finishes the campaign; then {@link #runNext()},
 * {@link #runSome} or {@link #runAll()} let the host's code run, on the test's thread.
 *
 * <pre>{@code
 * ManualExecutor callbacks = new ManualExecutor();
 * CampaignScenario scenario = CampaignScenario.custom().bot("bot", bot)
 *         .engine(engine -> engine.callbackExecutor(callbacks)).build();
 * ... // an inbound message arrives: the bot has not run yet
 * callbacks.runAll();                  // now it has
 * }</pre>
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class ManualExecutor implements Executor {

    private final List<Runnable> waiting = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw new InvalidArgumentException("task", "task must not be null");
        }
        waiting.add(task);
    }

    /** How many tasks wait. */
    public int waiting() {
        return waiting.size();
    }

    /** Runs the oldest waiting task; answers whether there was one. */
    public boolean runNext() {
        if (waiting.isEmpty()) {
            return false;
        }
        waiting.remove(0).run();
        return true;
    }

    /**
     * Runs up to {@code count} waiting tasks, each chosen at random among those waiting (the engine
     * keeps its own order where it promises one, so any order here must be safe).
     */
    public void runSome(int count, RandomGenerator random) {
        if (count < 0) {
            throw new InvalidArgumentException("count", "count must not be negative, was " + count);
        }
        if (random == null) {
            throw new InvalidArgumentException("random", "random must not be null");
        }
        for (int i = 0; i < count && !waiting.isEmpty(); i++) {
            waiting.remove(random.nextInt(waiting.size())).run();
        }
    }

    /** Runs waiting tasks, those they add included, until none waits. */
    public void runAll() {
        while (runNext()) {
            // a task may submit more
        }
    }
}
