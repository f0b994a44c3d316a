package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.require;
import static io.campaignkit.core.internal.Arguments.requireNonNull;
import static io.campaignkit.core.internal.Arguments.requirePositive;

import java.math.BigInteger;
import java.time.Duration;

/**
 * A pace: at most {@code permits} sends per {@code period}, plus an explicit {@code burst}.
 *
 * <p><b>The guarantee</b> a {@link TokenBucketPacer} built from this limit keeps, for any
 * sequence of acquisitions: in every half-open window {@code [t, t + period)} it grants at most
 * {@code permits + burst} permits. For a per-second limit that is the rule "no
 * one-second window may exceed rate + burst"; for a per-hour limit it is "no one-hour window
 * may exceed the hourly rate + burst". The bound for a window of any length is
 * {@link #maxPermitsIn(Duration)}; for a per-hour limit of 3,000 with no burst, for example,
 * that is 1 permit in any one-second window (the sends are 1.2 s apart), and with burst 5 it is
 * 6: for a rate below one per second the literal "per-second rate + burst" (0.83 + 5) cannot
 * hold, since any send at all would exceed a fractional bound; the per-period bound is the exact one.
 *
 * <p>Windows are half-open: a grant at exactly {@code t + period} belongs to the next window.
 * With closed windows no bucket could keep a sustained rate of {@code permits} per period and
 * still hold the bound.
 *
 * <p>{@code burst} is how many permits above the rate a window may hold. With burst 0 (the
 * default) the sends are spread evenly, {@code period / permits} apart; with burst {@code b} up
 * to {@code b + 1} permits may go at the same instant after an idle spell. See
 * {@link TokenBucketPacer} for why that bucket capacity is {@code burst + 1}.
 *
 * @param permits how many permits each period refills; positive, at most one per nanosecond
 * @param period  the refill period: from 1 ms to 1 hour
 * @param burst   the permits a window may hold above {@code permits}; from 0 to {@link #MAX_BURST}
 */
public record RateLimit(int permits, Duration period, int burst) {

    /** The default burst: none, so sends are spread evenly over each period. */
    public static final int DEFAULT_BURST = 0;

    /** The largest burst accepted, so that the bucket arithmetic stays exact in a {@code long}. */
    public static final int MAX_BURST = 1_000_000;

    /** The shortest period accepted. */
    public static final Duration MIN_PERIOD = Duration.ofMillis(1);

    /** The longest period accepted. */
    public static final Duration MAX_PERIOD = Duration.ofHours(1);

    // after the constants the constructor checks, which must be set first
    /** The campaign pace when none is given: 20 per second, burst {@value #DEFAULT_BURST}. */
    public static final RateLimit DEFAULT = perSecond(20);

    /** Validates. */
    public RateLimit {
        requirePositive(permits, "permits");
        requireNonNull(period, "period");
        require(
                period.compareTo(MIN_PERIOD) >= 0 && period.compareTo(MAX_PERIOD) <= 0,
                "period",
                "period must be from " + MIN_PERIOD + " to " + MAX_PERIOD + ", was " + period);
        require(burst >= 0 && burst <= MAX_BURST, "burst", "burst must be from 0 to " + MAX_BURST + ", was " + burst);
        // the bucket keeps up to P − 1 units of sub-nanosecond refill: less than a permit only if P ≤ D
        require(
                permits <= period.toNanos(),
                "permits",
                "permits must not exceed one per nanosecond of the period, was " + permits + " per " + period);
    }

    /**
     * {@code permits} per second, no burst.
     *
     * @param permits positive
     * @return the limit
     */
    public static RateLimit perSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1), DEFAULT_BURST);
    }

    /**
     * {@code permits} per minute, no burst.
     *
     * @param permits positive
     * @return the limit
     */
    public static RateLimit perMinute(int permits) {
        return new RateLimit(permits, Duration.ofMinutes(1), DEFAULT_BURST);
    }

    /**
     * {@code permits} per hour, no burst.
     *
     * @param permits positive
     * @return the limit
     */
    public static RateLimit perHour(int permits) {
        return new RateLimit(permits, Duration.ofHours(1), DEFAULT_BURST);
    }

    /**
     * The limit for a rate given as a decimal number per second, such as a channel's declared
     * maximum messages per second. A whole rate of at least 1 becomes {@link #perSecond(int)};
     * any other becomes a per-hour limit rounded <em>down</em> to a whole number of permits per
     * hour, so a sender's limit is never exceeded (0.5/s becomes 1,800/h).
     *
     * @param permitsPerSecond positive, finite, at least one per hour
     * @return the limit, with no burst
     */
    public static RateLimit ofPermitsPerSecond(double permitsPerSecond) {
        require(
                permitsPerSecond > 0 && Double.isFinite(permitsPerSecond),
                "permitsPerSecond",
                "permitsPerSecond must be positive and finite, was " + permitsPerSecond);
        if (permitsPerSecond >= 1
                && permitsPerSecond <= Integer.MAX_VALUE
                && permitsPerSecond == Math.rint(permitsPerSecond)) {
            return perSecond((int) permitsPerSecond);
        }
        double perHour = Math.floor(permitsPerSecond * 3600);
        require(
                perHour >= 1 && perHour <= Integer.MAX_VALUE,
                "permitsPerSecond",
                "permitsPerSecond must be from 1/3600 to " + Integer.MAX_VALUE / 3600 + " when not whole, was "
                        + permitsPerSecond);
        return perHour((int) perHour);
    }

    /**
     * A copy with another burst.
     *
     * @param burst from 0 to {@link #MAX_BURST}
     * @return the new limit
     */
    public RateLimit withBurst(int burst) {
        return new RateLimit(permits, period, burst);
    }

    /** The sustained rate, in permits per second (for display and logs; pacing never uses it). */
    public double permitsPerSecond() {
        return permits * 1e9 / period.toNanos();
    }

    /**
     * The most permits a pacer of this limit can grant in any half-open window
     * {@code [t, t + window)}: {@code burst + ceil(permits × window / period)}. For
     * {@code window == period} that is exactly {@code permits + burst}.
     *
     * @param window positive
     * @return the bound
     */
    public long maxPermitsIn(Duration window) {
        requirePositive(window, "window");
        BigInteger nanos = BigInteger.valueOf(window.getSeconds())
                .multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(window.getNano()));
        BigInteger[] refills =
                BigInteger.valueOf(permits).multiply(nanos).divideAndRemainder(BigInteger.valueOf(period.toNanos()));
        BigInteger ceiling = refills[1].signum() == 0 ? refills[0] : refills[0].add(BigInteger.ONE);
        return ceiling.add(BigInteger.valueOf(burst))
                .min(BigInteger.valueOf(Long.MAX_VALUE))
                .longValueExact();
    }

    @Override
    public String toString() {
        String unit;
        if (period.equals(Duration.ofSeconds(1))) {
            unit = "/s";
        } else if (period.equals(Duration.ofMinutes(1))) {
            unit = "/min";
        } else if (period.equals(Duration.ofHours(1))) {
            unit = "/h";
        } else {
            unit = " per " + period;
        }
        return permits + unit + (burst == 0 ? "" : " burst " + burst);
    }
}
