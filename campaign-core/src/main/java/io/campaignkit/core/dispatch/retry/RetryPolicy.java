package io.campaignkit.core.dispatch.retry;

import static io.campaignkit.core.internal.Arguments.require;
import static io.campaignkit.core.internal.Arguments.requireNonNull;
import static io.campaignkit.core.internal.Arguments.requirePositive;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed send again: exponential backoff with jitter for transient failures, and
 * the provider's retry-after for rate-limited ones. Immutable; build with {@link #custom()} or
 * take {@link #ofDefaults()}.
 *
 * <p><b>Transient failures.</b> After the {@code n}-th failed attempt the base delay is
 * {@code min(maxBackoff, initialBackoff × multiplier^(n−1))}, and the delay actually used is
 * drawn uniformly from {@code [base × (1 − jitterFactor), base]}. A jitter factor of 0.5 (the
 * default) is the classic <em>equal jitter</em>: never less than half the base, so retries of
 * many recipients spread out without ever hammering the provider early; 1.0 is <em>full
 * jitter</em>, 0 none. {@code maxAttempts} counts every attempt, the first one included: after
 * {@code maxAttempts} failed attempts there is no next one and the recipient becomes FAILED.
 *
 * <p>A transient failure may come with the provider's (or the adapter's) retry-after, meaning this
 * recipient may not be tried again before it (a per-user limit): the next attempt is then at the
 * later of the backoff and the retry-after, and it still counts as an attempt.
 *
 * <p><b>Rate-limited failures</b> wait {@code max(retryAfter, minRateLimitWait)}, or
 * {@code defaultRetryAfter} when the provider gave none, without jitter (the pacer spreads the
 * sends anyway). They do not count as attempts: the provider refused for our pace, not for the
 * message, so the engine keeps its count of transient attempts unchanged.
 *
 * <p>Deterministic: the only randomness is the {@link RandomGenerator} passed in, so a seeded
 * generator gives the same schedule every run.
 */
public final class RetryPolicy {

    /** Default base delay after the first failed attempt: 2 s. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(2);
    /** Default growth of the base delay from one attempt to the next: 2. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default cap of the base delay: 5 min. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
    /** Default number of attempts, the first included: 5. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Default share of the base delay that is random: 0.5 (equal jitter). */
    public static final double DEFAULT_JITTER_FACTOR = 0.5;
    /** Default shortest wait after a rate-limited failure, whatever the provider said: 1 s. */
    public static final Duration DEFAULT_MIN_RATE_LIMIT_WAIT = Duration.ofSeconds(1);
    /** Default wait after a rate-limited failure without a retry-after: 30 s. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private static final RetryPolicy DEFAULTS = custom().build();

    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final double jitterFactor;
    private final Duration minRateLimitWait;
    private final Duration defaultRetryAfter;

    private RetryPolicy(Builder builder) {
        this.initialBackoff = builder.initialBackoff;
        this.multiplier = builder.multiplier;
        this.maxBackoff = builder.maxBackoff;
        this.maxAttempts = builder.maxAttempts;
        this.jitterFactor = builder.jitterFactor;
        this.minRateLimitWait = builder.minRateLimitWait;
        this.defaultRetryAfter = builder.defaultRetryAfter;
    }

    /** The policy with every default. */
    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * When to attempt again after a transient failure.
     *
     * @param failedAttempts how many attempts have failed so far, the one just seen included; positive
     * @param now            the instant of the failure
     * @param random         the source of jitter
     * @return the instant of the next attempt, or empty when {@code failedAttempts} reached
     *         {@link #maxAttempts()} and the recipient is to be FAILED
     */
    public Optional<Instant> nextAttemptAt(int failedAttempts, Instant now, RandomGenerator random) {
        requirePositive(failedAttempts, "failedAttempts");
        requireNonNull(now, "now");
        requireNonNull(random, "random");
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plus(backoff(failedAttempts, random)));
    }

    /**
     * When to attempt again after a transient failure that may carry a retry-after: as
     * {@link #nextAttemptAt(int, Instant, RandomGenerator)}, but never before {@code now + retryAfter}.
     *
     * @param failedAttempts how many attempts have failed so far, the one just seen included; positive
     * @param retryAfter     how long this recipient must wait at least, if the failure said; not negative
     * @param now            the instant of the failure
     * @param random         the source of jitter
     * @return the instant of the next attempt, or empty when the attempts are used up
     */
    public Optional<Instant> nextAttemptAt(
            int failedAttempts, Optional<Duration> retryAfter, Instant now, RandomGenerator random) {
        requireNonNull(retryAfter, "retryAfter");
        retryAfter.ifPresent(
                delay -> require(!delay.isNegative(), "retryAfter", "retryAfter must not be negative, was " + delay));
        return nextAttemptAt(failedAttempts, now, random)
                .map(at -> retryAfter
                        .map(now::plus)
                        .filter(earliest -> earliest.isAfter(at))
                        .orElse(at));
    }

    /**
     * The jittered delay after the {@code failedAttempts}-th failed attempt, whether or not
     * attempts remain: uniform in {@code [base × (1 − jitterFactor), base]}.
     *
     * @param failedAttempts positive
     * @param random         the source of jitter
     * @return the delay
     */
    public Duration backoff(int failedAttempts, RandomGenerator random) {
        requirePositive(failedAttempts, "failedAttempts");
        requireNonNull(random, "random");
        long base = baseBackoff(failedAttempts).toNanos();
        long jitterRange = (long) (base * jitterFactor);
        long jitter = jitterRange == 0 ? 0 : random.nextLong(jitterRange + 1);
        return Duration.ofNanos(base - jitter);
    }

    /**
     * The delay before jitter after the {@code failedAttempts}-th failed attempt:
     * {@code min(maxBackoff, initialBackoff × multiplier^(failedAttempts − 1))}; never decreasing.
     *
     * @param failedAttempts positive
     * @return the base delay
     */
    public Duration baseBackoff(int failedAttempts) {
        requirePositive(failedAttempts, "failedAttempts");
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, failedAttempts - 1.0);
        // the double may overflow to infinity for many attempts: the cap handles it
        return nanos >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos((long) nanos);
    }

    /**
     * When to attempt again after a rate-limited failure:
     * {@code now + max(retryAfter, minRateLimitWait)}, or {@code now + defaultRetryAfter} when
     * the provider gave no retry-after. Does not use up an attempt.
     *
     * @param retryAfter the provider's retry-after, if any; not negative
     * @param now        the instant of the failure
     * @return the instant of the next attempt
     */
    public Instant rateLimitedRetryAt(Optional<Duration> retryAfter, Instant now) {
        requireNonNull(retryAfter, "retryAfter");
        requireNonNull(now, "now");
        retryAfter.ifPresent(
                delay -> require(!delay.isNegative(), "retryAfter", "retryAfter must not be negative, was " + delay));
        Duration wait = retryAfter
                .map(delay -> delay.compareTo(minRateLimitWait) >= 0 ? delay : minRateLimitWait)
                .orElse(defaultRetryAfter);
        return now.plus(wait);
    }

    /** The base delay after the first failed attempt. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The growth of the base delay per attempt. */
    public double multiplier() {
        return multiplier;
    }

    /** The cap of the base delay. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Attempts in all, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The random share of each delay, from 0 to 1. */
    public double jitterFactor() {
        return jitterFactor;
    }

    /** The shortest wait after a rate-limited failure. */
    public Duration minRateLimitWait() {
        return minRateLimitWait;
    }

    /** The wait after a rate-limited failure that came without a retry-after. */
    public Duration defaultRetryAfter() {
        return defaultRetryAfter;
    }

    @Override
    public String toString() {
        return "RetryPolicy[initialBackoff=" + initialBackoff + ", multiplier=" + multiplier + ", maxBackoff="
                + maxBackoff
                + ", maxAttempts=" + maxAttempts + ", jitterFactor=" + jitterFactor + ", minRateLimitWait="
                + minRateLimitWait
                + ", defaultRetryAfter=" + defaultRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}; every setter validates its argument at once. Not thread-safe. */
    public static final class Builder {

        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private double multiplier = DEFAULT_MULTIPLIER;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private double jitterFactor = DEFAULT_JITTER_FACTOR;
        private Duration minRateLimitWait = DEFAULT_MIN_RATE_LIMIT_WAIT;
        private Duration defaultRetryAfter = DEFAULT_RETRY_AFTER;

        private Builder() {}

        /**
         * @param value positive
         * @return this builder
         */
        public Builder initialBackoff(Duration value) {
            this.initialBackoff = requirePositive(value, "initialBackoff");
            return this;
        }

        /**
         * @param value at least 1 (1 means a constant backoff), finite
         * @return this builder
         */
        public Builder multiplier(double value) {
            require(
                    value >= 1 && Double.isFinite(value),
                    "multiplier",
                    "multiplier must be finite and at least 1, was " + value);
            this.multiplier = value;
            return this;
        }

        /**
         * @param value positive, at most 1 day
         * @return this builder
         */
        public Builder maxBackoff(Duration value) {
            requirePositive(value, "maxBackoff");
            require(
                    value.compareTo(Duration.ofDays(1)) <= 0,
                    "maxBackoff",
                    "maxBackoff must be at most 1 day, was " + value);
            this.maxBackoff = value;
            return this;
        }

        /**
         * @param value attempts in all, the first included; positive (1 means never retry)
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            this.maxAttempts = requirePositive(value, "maxAttempts");
            return this;
        }

        /**
         * @param value from 0 (no jitter) to 1 (full jitter)
         * @return this builder
         */
        public Builder jitterFactor(double value) {
            require(value >= 0 && value <= 1, "jitterFactor", "jitterFactor must be from 0 to 1, was " + value);
            this.jitterFactor = value;
            return this;
        }

        /**
         * @param value not negative
         * @return this builder
         */
        public Builder minRateLimitWait(Duration value) {
            requireNonNull(value, "minRateLimitWait");
            require(!value.isNegative(), "minRateLimitWait", "minRateLimitWait must not be negative, was " + value);
            this.minRateLimitWait = value;
            return this;
        }

        /**
         * @param value positive
         * @return this builder
         */
        public Builder defaultRetryAfter(Duration value) {
            this.defaultRetryAfter = requirePositive(value, "defaultRetryAfter");
            return this;
        }

        /**
         * The policy.
         *
         * @return the policy
         * @throws io.campaignkit.core.InvalidArgumentException if maxBackoff is shorter than initialBackoff
         */
        public RetryPolicy build() {
            require(
                    maxBackoff.compareTo(initialBackoff) >= 0,
                    "maxBackoff",
                    "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
            return new RetryPolicy(this);
        }
    }
}
