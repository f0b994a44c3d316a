package io.campaignkit.core.dispatch.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The value every pacing store keeps a bucket as: the rules a database row must follow too (the pacer's
 * own properties are in {@link PacingProperties} and {@link TokenBucketPacerTest}).
 */
class TokenBucketTest {

    private static final RateLimit THREE_A_SECOND = RateLimit.perSecond(3);

    @Test
    void aFullBucketHoldsBurstPlusOnePermits() {
        TokenBucket full = TokenBucket.full(THREE_A_SECOND.withBurst(4), 0);

        assertThat(full.available()).isEqualTo(5);
        assertThat(full.nextPermitAt()).isZero();
    }

    @Test
    void aPermitAtThreeASecondRefillsInItsExactNanosecond() {
        TokenBucket empty = TokenBucket.full(THREE_A_SECOND, 100).consumed(1);

        // a permit is 1e9 units, refilled at 3 units a nanosecond: 333,333,333.3 ns, so the 333,333,334th
        assertThat(empty.nextPermitAt()).isEqualTo(100 + 333_333_334L);
        assertThat(empty.advancedTo(100 + 333_333_333L).available()).isZero();
        assertThat(empty.advancedTo(100 + 333_333_334L).available()).isOne();
    }

    @Test
    void anEarlierInstantChangesNothing() {
        TokenBucket bucket = TokenBucket.full(THREE_A_SECOND, 1_000).consumed(1);

        assertThat(bucket.advancedTo(999)).isSameAs(bucket);
        assertThat(bucket.advancedTo(1_000)).isSameAs(bucket);
    }

    @Test
    void aLongIdleSpellFillsTheBucketWithoutOverflow() {
        RateLimit fast = RateLimit.perSecond(1_000_000).withBurst(RateLimit.MAX_BURST);
        TokenBucket empty = TokenBucket.full(fast, 0).consumed(RateLimit.MAX_BURST + 1);

        TokenBucket refilled = empty.advancedTo(Long.MAX_VALUE);

        assertThat(refilled.available()).isEqualTo(RateLimit.MAX_BURST + 1);
        assertThat(refilled.lastAt()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void badValuesAreRefusedByName() {
        assertThatThrownBy(() -> new TokenBucket(THREE_A_SECOND, -1, 0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("units"));
        long capacity = TokenBucket.full(THREE_A_SECOND, 0).units() + 2; // + P − 1
        assertThat(new TokenBucket(THREE_A_SECOND, capacity, 0).available()).isOne();
        assertThatThrownBy(() -> new TokenBucket(THREE_A_SECOND, capacity + 1, 0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("units"));
        assertThatThrownBy(() -> TokenBucket.full(THREE_A_SECOND, 0).consumed(2))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("permits"));
        assertThatThrownBy(() -> TokenBucket.full(null, 0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("limit"));
    }

    @Property
    void aHoldGrantsNothingBeforeItsEndAndExactlyOnePermitAtIt(
            @ForAll("limits") RateLimit limit,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long idle,
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long hold) {
        TokenBucket bucket = TokenBucket.full(limit, 0).advancedTo(idle);
        long until = idle + hold;

        TokenBucket held = bucket.heldUntil(until);

        assertThat(held.available()).isZero();
        assertThat(held.nextPermitAt()).isGreaterThanOrEqualTo(until);
        assertThat(held.advancedTo(until - 1).available()).isZero();
        assertThat(held.advancedTo(Math.max(until, held.lastAt())).available()).isLessThanOrEqualTo(1);
        if (held.lastAt()
                == until
                        - TokenBucket.holdLead(
                                limit)) { // it ends after the timeline plus one permit's refill: one at its end
            assertThat(held.advancedTo(until).available()).isOne();
        }
    }

    @Property
    void aChangeOfLimitNeverGrantsMoreThanEitherLimitWould(
            @ForAll("limits") RateLimit from,
            @ForAll("limits") RateLimit to,
            @ForAll @IntRange(min = 0, max = 20) int taken,
            @ForAll @LongRange(min = 0, max = 5_000_000_000L) long idle) {
        TokenBucket bucket = TokenBucket.full(from, 0);
        bucket = bucket.consumed(Math.min(taken, bucket.available())).advancedTo(idle);

        TokenBucket counted = bucket.countedIn(to);

        assertThat(counted.available()).isLessThanOrEqualTo(bucket.available());
        assertThat(counted.available())
                .isLessThanOrEqualTo(TokenBucket.full(to, 0).available());
        assertThat(counted.lastAt()).isEqualTo(bucket.lastAt());
        assertThat(counted.limit()).isEqualTo(to);
    }

    @Property
    void takingAndRefillingNeverLeavesTheBounds(
            @ForAll("limits") RateLimit limit,
            @ForAll @IntRange(min = 1, max = 50) int steps,
            @ForAll @LongRange(min = 1, max = 100_000_000L) long gap) {
        TokenBucket bucket = TokenBucket.full(limit, 0);
        long now = 0;
        for (int i = 0; i < steps; i++) {
            now += gap * (i % 3);
            bucket = bucket.advancedTo(now);
            bucket = bucket.consumed(Math.min(bucket.available(), i % 4));
            // the constructor refuses anything out of bounds, so reaching here is the check; and time only moves on
            assertThat(bucket.lastAt()).isEqualTo(now);
            assertThat(bucket.nextPermitAt()).isGreaterThanOrEqualTo(now);
        }
    }

    @Provide
    Arbitrary<RateLimit> limits() {
        Arbitrary<Duration> periods = Arbitraries.oneOf(
                Arbitraries.just(Duration.ofSeconds(1)),
                Arbitraries.just(Duration.ofHours(1)),
                Arbitraries.longs().between(1, 5_000).map(Duration::ofMillis));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 2_000),
                        periods,
                        Arbitraries.integers().between(0, 20))
                .as(RateLimit::new);
    }
}
