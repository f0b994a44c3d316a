package io.campaignkit.testkit.time;

import io.campaignkit.channel.simulated.TimeControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Clock} that only moves when the test moves it, so a week of campaign runs in milliseconds
 * and the same test always sees the same times. Use it wherever CampaignKit takes a {@code Clock}.
 *
 * <p>Thread-safe. {@link #withZone(ZoneId)} returns a view sharing this clock's time and listeners.
 * {@linkplain #addListener(TimeListener) Listeners} run after every change, on the thread that made
 * it, outside any lock: that is how scheduled work (such as a {@code SimulatedChannel}'s due
 * webhooks) can be released when time advances, without any thread sleeping. It is the
 * {@link TimeControl} a {@code SimulatedChannel} needs for {@code deliverOnClockAdvance} and
 * {@code advanceUntilIdle()}: give it as the channel's clock.
 */
public final class ManualClock extends Clock implements TimeControl {

    /** Where a clock starts by default: Monday 2026-01-05 09:00 UTC, a working-hours instant. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

    /** Notified after the clock's time changes. */
    @FunctionalInterface
    public interface TimeListener {
        /**
         * Called after the time changed.
         *
         * @param previous the time before the change
         * @param current  the time after the change
         */
        void timeChanged(Instant previous, Instant current);
    }

    /** Removes a listener; see {@link #addListener(TimeListener)}. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        /** Removes the listener; idempotent. */
        @Override
        void close();
    }

    // Shared by this clock and its withZone views.
    private static final class TimeSource {
        private Instant now;
        private final List<TimeListener> listeners = new CopyOnWriteArrayList<>();

        TimeSource(Instant start) {
            this.now = start;
        }
    }

    private final TimeSource source;
    private final ZoneId zone;

    private ManualClock(TimeSource source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    /**
     * A clock at {@link #DEFAULT_START} in UTC.
     *
     * @return a new clock
     */
    public static ManualClock ofDefaults() {
        return startingAt(DEFAULT_START);
    }

    /**
     * A clock at {@code start} in UTC.
     *
     * @param start the initial instant, not null
     * @return a new clock
     */
    public static ManualClock startingAt(Instant start) {
        return startingAt(start, ZoneOffset.UTC);
    }

    /**
     * A clock at {@code start} in {@code zone}.
     *
     * @param start the initial instant, not null
     * @param zone  the zone reported by {@link #getZone()}, not null
     * @return a new clock
     */
    public static ManualClock startingAt(Instant start, ZoneId zone) {
        return new ManualClock(new TimeSource(requireArgument(start, "start")), requireArgument(zone, "zone"));
    }

    @Override
    public Instant instant() {
        synchronized (source) {
            return source.now;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * A view in another zone that shares this clock's time: advancing either advances both.
     *
     * @param newZone the zone, not null
     * @return the view
     */
    @Override
    public ManualClock withZone(ZoneId newZone) {
        return new ManualClock(source, requireArgument(newZone, "zone"));
    }

    /**
     * Moves time forward.
     *
     * @param duration how far, not negative
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        requireArgument(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(
                    "duration must not be negative (was " + duration + "); use set() to go back");
        }
        Instant previous;
        Instant current;
        synchronized (source) {
            previous = source.now;
            current = previous.plus(duration);
            source.now = current;
        }
        notifyListeners(previous, current);
        return current;
    }

    /**
     * Moves time forward to {@code target}, or does nothing when time is already there or later.
     *
     * @param target the instant to reach, not null
     * @return the new instant
     */
    @Override
    public Instant advanceTo(Instant target) {
        requireArgument(target, "target");
        Duration gap;
        synchronized (source) {
            gap = Duration.between(source.now, target);
        }
        return gap.isNegative() ? instant() : advance(gap);
    }

    /**
     * Sets the time to any instant, earlier ones included (to test clock skew).
     *
     * @param instant the new time, not null
     */
    public void set(Instant instant) {
        requireArgument(instant, "instant");
        Instant previous;
        synchronized (source) {
            previous = source.now;
            source.now = instant;
        }
        notifyListeners(previous, instant);
    }

    /**
     * Registers a listener called after every change of time.
     *
     * @param listener the listener, not null
     * @return a registration that removes the listener when closed
     */
    public Registration addListener(TimeListener listener) {
        requireArgument(listener, "listener");
        source.listeners.add(listener);
        return () -> source.listeners.remove(listener);
    }

    /**
     * Registers {@code listener} to run after every change of time; the {@link TimeControl} view of
     * {@link #addListener(TimeListener)}.
     *
     * @param listener the listener, not null
     * @return a subscription that removes the listener when closed
     */
    @Override
    public TimeControl.Subscription onChange(Runnable listener) {
        requireArgument(listener, "listener");
        return addListener((previous, current) -> listener.run())::close;
    }

    private void notifyListeners(Instant previous, Instant current) {
        for (TimeListener listener : source.listeners) {
            listener.timeChanged(previous, current);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManualClock clock && clock.source == source && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(source), zone);
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + ", " + zone + "]";
    }

    private static <T> T requireArgument(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
