package io.campaignkit.channel.simulated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest clock a test moves by hand. This module's tests cannot use the testkit's
 * {@code ManualClock} (the testkit depends on this module); the testkit's own tests run the channel on
 * {@code ManualClock} too.
 */
final class TestClock extends Clock implements TimeControl {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Instant now;

    private TestClock(Instant start) {
        this.now = start;
    }

    static TestClock ofDefaults() {
        return new TestClock(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a UTC test clock");
    }

    Instant advance(Duration duration) {
        Instant current;
        synchronized (this) {
            now = now.plus(duration);
            current = now;
        }
        listeners.forEach(Runnable::run);
        return current;
    }

    @Override
    public Instant advanceTo(Instant target) {
        Duration gap = Duration.between(instant(), target);
        return gap.isNegative() ? instant() : advance(gap);
    }

    @Override
    public Subscription onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
