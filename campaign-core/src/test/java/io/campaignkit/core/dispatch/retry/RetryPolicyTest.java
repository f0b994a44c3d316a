package io.campaignkit.core.dispatch.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void defaultsAreTheNamedConstants() {
        RetryPolicy policy = RetryPolicy.ofDefaults();

        assertThat(policy.initialBackoff())
                .isEqualTo(RetryPolicy.DEFAULT_INITIAL_BACKOFF)
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.multiplier())
                .isEqualTo(RetryPolicy.DEFAULT_MULTIPLIER)
                .isEqualTo(2.0);
        assertThat(policy.maxBackoff())
                .isEqualTo(RetryPolicy.DEFAULT_MAX_BACKOFF)
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.maxAttempts())
                .isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS)
                .isEqualTo(5);
        assertThat(policy.jitterFactor())
                .isEqualTo(RetryPolicy.DEFAULT_JITTER_FACTOR)
                .isEqualTo(0.5);
        assertThat(policy.minRateLimitWait()).isEqualTo(RetryPolicy.DEFAULT_MIN_RATE_LIMIT_WAIT);
        assertThat(policy.defaultRetryAfter()).isEqualTo(RetryPolicy.DEFAULT_RETRY_AFTER);
    }

    @Test
    void baseBackoffGrowsExponentiallyUpToTheCap() {
        RetryPolicy policy = RetryPolicy.custom()
                .initialBackoff(Duration.ofSeconds(1))
                .multiplier(3)
                .maxBackoff(Duration.ofSeconds(30))
                .build();

        assertThat(List.of(1, 2, 3, 4, 5, 60, Integer.MAX_VALUE).stream().map(policy::baseBackoff))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(9),
                        Duration.ofSeconds(27),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    @Test
    void withoutJitterTheDelayIsTheBase() {
        RetryPolicy policy = RetryPolicy.custom().jitterFactor(0).build();

        assertThat(policy.nextAttemptAt(1, NOW, new SplittableRandom(1))).contains(NOW.plusSeconds(2));
        assertThat(policy.nextAttemptAt(3, NOW, new SplittableRandom(1))).contains(NOW.plusSeconds(8));
    }

    @Test
    void aTransientRetryAfterDelaysTheNextAttemptButStillCountsIt() {
        RetryPolicy policy = RetryPolicy.custom().jitterFactor(0).maxAttempts(3).build();

        assertThat(policy.nextAttemptAt(1, Optional.of(Duration.ofHours(24)), NOW, new SplittableRandom(1)))
                .contains(NOW.plus(Duration.ofHours(24)));
        // a retry-after shorter than the backoff does not bring the attempt forward
        assertThat(policy.nextAttemptAt(2, Optional.of(Duration.ofSeconds(1)), NOW, new SplittableRandom(1)))
                .contains(NOW.plusSeconds(4));
        assertThat(policy.nextAttemptAt(2, Optional.empty(), NOW, new SplittableRandom(1)))
                .contains(NOW.plusSeconds(4));
        assertThat(policy.nextAttemptAt(3, Optional.of(Duration.ofHours(24)), NOW, new SplittableRandom(1)))
                .isEmpty();
        assertThatThrownBy(() ->
                        policy.nextAttemptAt(1, Optional.of(Duration.ofSeconds(-1)), NOW, new SplittableRandom(1)))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void equalJitterStaysInTheUpperHalfOfTheBase() {
        RetryPolicy policy = RetryPolicy.ofDefaults();
        RandomGenerator random = new SplittableRandom(42);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            delays.add(policy.backoff(3, random));
        }

        assertThat(delays)
                .allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8)));
        assertThat(delays.stream().distinct().count())
                .as("jitter spreads the retries")
                .isGreaterThan(900);
        assertThat(delays)
                .anySatisfy(delay -> assertThat(delay).isLessThan(Duration.ofMillis(4_400)))
                .anySatisfy(delay -> assertThat(delay).isGreaterThan(Duration.ofMillis(7_600)));
    }

    @Test
    void fullJitterMayRetryAtOnce() {
        RetryPolicy policy = RetryPolicy.custom().jitterFactor(1).build();
        RandomGenerator alwaysTheTop = new FixedRandom(Long.MAX_VALUE);

        assertThat(policy.backoff(1, alwaysTheTop)).isEqualTo(Duration.ZERO);
        assertThat(policy.backoff(1, new FixedRandom(0))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSeededRandomGivesTheSameSchedule() {
        RetryPolicy policy = RetryPolicy.ofDefaults();

        assertThat(schedule(policy, 7)).isEqualTo(schedule(policy, 7)).isNotEqualTo(schedule(policy, 8));
    }

    @Test
    void attemptsAreExhaustedExactlyAtMaxAttempts() {
        RetryPolicy policy = RetryPolicy.custom().maxAttempts(3).build();
        RandomGenerator random = new SplittableRandom(3);

        assertThat(policy.nextAttemptAt(1, NOW, random)).isPresent();
        assertThat(policy.nextAttemptAt(2, NOW, random)).isPresent();
        assertThat(policy.nextAttemptAt(3, NOW, random)).isEmpty();
        assertThat(policy.nextAttemptAt(4, NOW, random)).isEmpty();
        assertThat(RetryPolicy.custom().maxAttempts(1).build().nextAttemptAt(1, NOW, random))
                .as("1 means never retry")
                .isEmpty();
    }

    @Test
    void rateLimitedRetryWaitsTheRetryAfterButAtLeastTheMinimum() {
        RetryPolicy policy = RetryPolicy.custom()
                .minRateLimitWait(Duration.ofSeconds(2))
                .defaultRetryAfter(Duration.ofSeconds(45))
                .build();

        assertThat(policy.rateLimitedRetryAt(Optional.of(Duration.ofSeconds(10)), NOW))
                .isEqualTo(NOW.plusSeconds(10));
        assertThat(policy.rateLimitedRetryAt(Optional.of(Duration.ofMillis(300)), NOW))
                .isEqualTo(NOW.plusSeconds(2));
        assertThat(policy.rateLimitedRetryAt(Optional.of(Duration.ZERO), NOW)).isEqualTo(NOW.plusSeconds(2));
        assertThat(policy.rateLimitedRetryAt(Optional.empty(), NOW)).isEqualTo(NOW.plusSeconds(45));
        assertThat(RetryPolicy.ofDefaults().rateLimitedRetryAt(Optional.of(Duration.ofHours(2)), NOW))
                .as("the provider's word is kept, however long")
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        RetryPolicy policy = RetryPolicy.ofDefaults();
        RandomGenerator random = new SplittableRandom(1);

        assertArgument(() -> policy.nextAttemptAt(0, NOW, random), "failedAttempts");
        assertArgument(() -> policy.nextAttemptAt(1, null, random), "now");
        assertArgument(() -> policy.nextAttemptAt(1, NOW, null), "random");
        assertArgument(() -> policy.baseBackoff(-1), "failedAttempts");
        assertArgument(() -> policy.rateLimitedRetryAt(null, NOW), "retryAfter");
        assertArgument(() -> policy.rateLimitedRetryAt(Optional.of(Duration.ofSeconds(-1)), NOW), "retryAfter");
        assertArgument(() -> policy.rateLimitedRetryAt(Optional.empty(), null), "now");
        assertArgument(() -> RetryPolicy.custom().initialBackoff(Duration.ZERO), "initialBackoff");
        assertArgument(() -> RetryPolicy.custom().multiplier(0.5), "multiplier");
        assertArgument(() -> RetryPolicy.custom().multiplier(Double.POSITIVE_INFINITY), "multiplier");
        assertArgument(() -> RetryPolicy.custom().maxBackoff(Duration.ofDays(2)), "maxBackoff");
        assertArgument(() -> RetryPolicy.custom().maxAttempts(0), "maxAttempts");
        assertArgument(() -> RetryPolicy.custom().jitterFactor(1.5), "jitterFactor");
        assertArgument(() -> RetryPolicy.custom().minRateLimitWait(Duration.ofSeconds(-1)), "minRateLimitWait");
        assertArgument(() -> RetryPolicy.custom().defaultRetryAfter(null), "defaultRetryAfter");
        assertArgument(
                () -> RetryPolicy.custom()
                        .initialBackoff(Duration.ofMinutes(10))
                        .build(),
                "maxBackoff");
    }

    private static List<Optional<Instant>> schedule(RetryPolicy policy, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        List<Optional<Instant>> schedule = new ArrayList<>();
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            schedule.add(policy.nextAttemptAt(attempt, NOW, random));
        }
        return schedule;
    }

    private static void assertArgument(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String argument) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(argument)
                .extracting(e -> ((InvalidArgumentException) e).argument())
                .isEqualTo(argument);
    }

    /** Returns its value reduced into the requested bound's top or bottom, to pin the jitter's extremes. */
    private record FixedRandom(long value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return value;
        }

        @Override
        public long nextLong(long bound) {
            return value == Long.MAX_VALUE ? bound - 1 : value;
        }
    }
}
