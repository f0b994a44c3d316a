package io.campaignkit.core.dispatch.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RetryPolicyProperties {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Provide
    Arbitrary<RetryPolicy> policies() {
        Arbitrary<Long> initialMillis = Arbitraries.longs().between(1, 60_000);
        Arbitrary<Long> extraMillis = Arbitraries.longs().between(0, 3_600_000);
        Arbitrary<Double> multipliers = Arbitraries.doubles().between(1, 10);
        Arbitrary<Integer> attempts = Arbitraries.integers().between(1, 20);
        Arbitrary<Double> jitters = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(initialMillis, extraMillis, multipliers, attempts, jitters)
                .as((initial, extra, multiplier, maxAttempts, jitter) -> RetryPolicy.custom()
                        .initialBackoff(Duration.ofMillis(initial))
                        .maxBackoff(Duration.ofMillis(initial + extra))
                        .multiplier(multiplier)
                        .maxAttempts(maxAttempts)
                        .jitterFactor(jitter)
                        .build());
    }

    @Property
    void delaysStayWithinTheJitteredBaseAndTheCap(
            @ForAll("policies") RetryPolicy policy,
            @ForAll @IntRange(min = 1, max = 100) int failedAttempts,
            @ForAll long seed) {
        Duration base = policy.baseBackoff(failedAttempts);
        Duration delay = policy.backoff(failedAttempts, new SplittableRandom(seed));

        assertThat(base).isBetween(policy.initialBackoff(), policy.maxBackoff());
        long lowest = base.toNanos() - (long) (base.toNanos() * policy.jitterFactor());
        assertThat(delay.toNanos()).isBetween(lowest, base.toNanos());
    }

    @Property
    void theBaseNeverDecreasesSoNeitherDoesTheExpectedDelay(
            @ForAll("policies") RetryPolicy policy, @ForAll @IntRange(min = 1, max = 100) int failedAttempts) {
        // the expected delay is base × (1 − jitterFactor / 2): it moves with the base
        assertThat(policy.baseBackoff(failedAttempts + 1)).isGreaterThanOrEqualTo(policy.baseBackoff(failedAttempts));
    }

    @Property
    void thereIsANextAttemptExactlyWhileAttemptsRemain(
            @ForAll("policies") RetryPolicy policy,
            @ForAll @IntRange(min = 1, max = 30) int failedAttempts,
            @ForAll long seed) {
        Optional<Instant> next = policy.nextAttemptAt(failedAttempts, NOW, new SplittableRandom(seed));

        assertThat(next.isPresent()).isEqualTo(failedAttempts < policy.maxAttempts());
        next.ifPresent(at -> assertThat(Duration.between(NOW, at)).isLessThanOrEqualTo(policy.maxBackoff()));
    }

    @Property
    void aRateLimitedRetryNeverComesBeforeTheRetryAfterNorTheMinimum(
            @ForAll("policies") RetryPolicy policy, @ForAll @IntRange(min = 0, max = 86_400_000) int retryAfterMillis) {
        Duration retryAfter = Duration.ofMillis(retryAfterMillis);
        Instant at = policy.rateLimitedRetryAt(Optional.of(retryAfter), NOW);

        assertThat(Duration.between(NOW, at))
                .isGreaterThanOrEqualTo(retryAfter)
                .isGreaterThanOrEqualTo(policy.minRateLimitWait())
                .isIn(retryAfter, policy.minRateLimitWait());
    }
}
