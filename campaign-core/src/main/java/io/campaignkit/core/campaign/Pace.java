package io.campaignkit.core.campaign;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.time.Duration;

/**
 * How fast a campaign sends its first messages: {@code messages} per second or per hour, plus a
 * {@code burst}: no one-second window may hold more than the per-second rate plus the burst.
 *
 * <pre>{@code
 * Pace.perSecond(20);                 // the default
 * Pace.perHour(3000).withBurst(5);
 * }</pre>
 */
public record Pace(int messages, Unit per, int burst) {

    /** The unit of time a pace counts messages in. */
    public enum Unit {
        SECOND(Duration.ofSeconds(1)),
        HOUR(Duration.ofHours(1));

        private final Duration length;

        Unit(Duration length) {
            this.length = length;
        }

        public Duration length() {
            return length;
        }
    }

    /** Most messages per second accepted (the highest throughput WhatsApp Cloud offers). */
    public static final int MAX_PER_SECOND = 1000;
    /** The pace of a campaign that does not choose one: 20 messages per second, no burst. */
    public static final Pace DEFAULT = new Pace(20, Unit.SECOND, 0);

    public Pace {
        Arguments.requireNonNull(per, "per");
        Arguments.requirePositive(messages, "messages");
        long max = MAX_PER_SECOND * per.length().toSeconds();
        Arguments.require(
                messages <= max,
                "messages",
                "a pace of " + messages + " per " + per.name().toLowerCase() + " is above the maximum of " + max);
        Arguments.require(
                burst >= 0 && burst <= MAX_PER_SECOND,
                "burst",
                "burst must be between 0 and " + MAX_PER_SECOND + ", was " + burst);
    }

    /**
     * {@code messages} per second, no burst.
     *
     * @throws InvalidArgumentException unless 1 ≤ messages ≤ {@value #MAX_PER_SECOND}
     */
    public static Pace perSecond(int messages) {
        return new Pace(messages, Unit.SECOND, 0);
    }

    /** {@code messages} per hour, no burst. */
    public static Pace perHour(int messages) {
        return new Pace(messages, Unit.HOUR, 0);
    }

    /** A copy that allows {@code burst} more messages in any one-second window. */
    public Pace withBurst(int burst) {
        return new Pace(messages, per, burst);
    }

    /** The average rate in messages per second. */
    public double messagesPerSecond() {
        return (double) messages / per.length().toSeconds();
    }

    /** The average time between two sends at this pace. */
    public Duration interval() {
        return per.length().dividedBy(messages);
    }

    @Override
    public String toString() {
        return messages + "/" + (per == Unit.SECOND ? "s" : "h") + (burst > 0 ? " burst " + burst : "");
    }
}
