package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.requireNoNullElements;
import static io.campaignkit.core.internal.Arguments.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Grants permission to send, at a pace. Time is always passed in: a pacer never reads a clock
 * and never waits, so a time-driven runner can ask "how many now?" and then sleep (or advance a
 * manual clock) until {@link #nextPermitAt(Instant)}.
 *
 * <p>Instants are expected not to go backwards; an instant earlier than one already seen is
 * taken as that later one (two threads may read the clock a little apart), so the pacer's own
 * timeline never runs backwards and its guarantee holds on that timeline.
 *
 * <p>Implementations are thread-safe. A pacer is either a {@link TokenBucketPacer} or the
 * combination of several made by {@link #allOf(List)}.
 */
public sealed interface SendPacer permits TokenBucketPacer, CompositePacer {

    /**
     * Takes up to {@code permits} permits available at {@code now}; never blocks.
     *
     * @param permits how many are wanted; positive
     * @param now     the current instant
     * @return how many were granted, from 0 to {@code permits}
     */
    int tryAcquire(int permits, Instant now);

    /**
     * Takes one permit if one is available at {@code now}; never blocks.
     *
     * @param now the current instant
     * @return whether the permit was granted
     */
    default boolean tryAcquire(Instant now) {
        return tryAcquire(1, now) == 1;
    }

    /**
     * How many permits {@link #tryAcquire(int, Instant)} would grant at {@code now}, without
     * taking them (another thread may take them first).
     *
     * @param now the current instant
     * @return zero or more
     */
    int availablePermits(Instant now);

    /**
     * The earliest instant, not before {@code now}, at which at least one permit is available
     * if nobody else takes it first: {@code now} itself when one is available now.
     *
     * @param now the current instant
     * @return when to ask again
     */
    Instant nextPermitAt(Instant now);

    /**
     * A pacer that grants a permit only when every one of {@code pacers} grants it, atomically:
     * a permit is taken from all of them or from none, so a refusal by one never consumes a
     * permit of another. This is how a campaign's pace combines with its sender's limit, which
     * every campaign on that sender shares (see {@link SenderPacers}).
     *
     * @param pacers at least one; the same bucket listed twice counts once
     * @return the combined pacer
     */
    static SendPacer allOf(List<? extends SendPacer> pacers) {
        requireNoNullElements(pacers, "pacers");
        return CompositePacer.of(pacers);
    }

    /**
     * Varargs form of {@link #allOf(List)}.
     *
     * @param pacers at least one
     * @return the combined pacer
     */
    static SendPacer allOf(SendPacer... pacers) {
        requireNonNull(pacers, "pacers");
        return allOf(Arrays.asList(pacers));
    }
}
