package io.campaignkit.channel.simulated;

import java.time.Instant;

/**
 * A clock that a test moves by hand, seen from a {@link SimulatedChannel}: with one as the channel's
 * clock, the channel can release its due events whenever time moves
 * ({@link SimulatedChannelConfiguration#deliverOnClockAdvance()}) and walk time to each pending event
 * ({@link SimulatedChannel#advanceUntilIdle()}), so no test sleeps. The testkit's {@code ManualClock}
 * is one; this module does not depend on the testkit, hence this small hook.
 */
public interface TimeControl {

    /**
     * Moves time forward to {@code target}, or does nothing when time is already there or later.
     *
     * @param target the instant to reach, not null
     * @return the time after the call
     */
    Instant advanceTo(Instant target);

    /**
     * Registers {@code listener} to run after every change of time, on the thread that made it.
     *
     * @param listener the listener, not null
     * @return a subscription that removes the listener when closed
     */
    Subscription onChange(Runnable listener);

    /** Removes a listener registered with {@link #onChange(Runnable)}. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        /** Removes the listener; idempotent. */
        @Override
        void close();
    }
}
