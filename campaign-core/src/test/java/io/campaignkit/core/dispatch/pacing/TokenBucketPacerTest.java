package io.campaignkit.core.dispatch.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketPacerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void startsFullWithBurstPlusOnePermits() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(20).withBurst(4));

        assertThat(pacer.availablePermits(T0)).isEqualTo(5);
        assertThat(pacer.tryAcquire(100, T0)).isEqualTo(5);
        assertThat(pacer.tryAcquire(T0)).isFalse();
    }

    @Test
    void withoutBurstSpreadsSendsEvenly() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(20));

        assertThat(pacer.tryAcquire(T0)).isTrue();
        assertThat(pacer.nextPermitAt(T0)).isEqualTo(T0.plusMillis(50));
        assertThat(pacer.tryAcquire(T0.plusMillis(50).minusNanos(1))).isFalse();
        assertThat(pacer.tryAcquire(T0.plusMillis(50))).isTrue();
    }

    @Test
    void nextPermitAtIsNowWhenAPermitIsThere() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(20));

        assertThat(pacer.nextPermitAt(T0)).isEqualTo(T0);
        assertThat(pacer.availablePermits(T0)).as("asking does not take").isEqualTo(1);
    }

    @Test
    void aGrantAtExactlyOnePeriodLaterBelongsToTheNextWindow() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(20).withBurst(3));
        Windows windows = new Windows();
        Instant now = T0;
        while (now.isBefore(T0.plusSeconds(2))) {
            windows.record(now, pacer.tryAcquire(1000, now));
            now = pacer.nextPermitAt(now);
        }
        windows.record(now, pacer.tryAcquire(1000, now));

        // [T0, T0 + 1s) holds the 4 of the full bucket and 19 refills; the 20th refill lands at T0 + 1s
        assertThat(windows.busiest(Duration.ofSeconds(1))).isEqualTo(23);
        assertThat(windows.busiest(Duration.ofSeconds(1).plusNanos(1)))
                .as("a closed window would exceed")
                .isEqualTo(24);
    }

    @ParameterizedTest(name = "{0}/s burst {1} over 60 s: {2}")
    @CsvSource({"20, 0, 1200", "80, 0, 4800", "1000, 0, 60000", "3, 0, 180", "7, 2, 422", "20, 10, 1210"})
    void aRunnerAlwaysAskingGetsTheExactCount(int perSecond, int burst, int expected) {
        RateLimit limit = RateLimit.perSecond(perSecond).withBurst(burst);
        TokenBucketPacer pacer = TokenBucketPacer.of(limit);
        Windows windows = new Windows();
        Instant end = T0.plusSeconds(60);
        int wakeUps = 0;
        for (Instant now = T0; now.isBefore(end); now = pacer.nextPermitAt(now)) {
            windows.record(now, pacer.tryAcquire(Integer.MAX_VALUE, now));
            wakeUps++;
        }

        assertThat(windows.total()).isEqualTo(expected).isEqualTo(limit.maxPermitsIn(Duration.ofSeconds(60)));
        assertThat(windows.busiest(Duration.ofSeconds(1))).isEqualTo(perSecond + burst);
        assertThat(wakeUps)
                .as("every wake-up grants: nextPermitAt never wakes early")
                .isEqualTo(expected - burst);
    }

    @Test
    void perHourLimitSpacesSendsAndKeepsTheHourlyCount() {
        RateLimit limit = RateLimit.perHour(3000);
        TokenBucketPacer pacer = TokenBucketPacer.of(limit);
        Windows windows = new Windows();
        Instant end = T0.plus(Duration.ofHours(2));
        for (Instant now = T0; now.isBefore(end); now = pacer.nextPermitAt(now)) {
            windows.record(now, pacer.tryAcquire(Integer.MAX_VALUE, now));
        }

        assertThat(windows.total()).isEqualTo(6000);
        assertThat(windows.busiest(Duration.ofHours(1))).isEqualTo(3000);
        assertThat(windows.busiest(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(pacer.nextPermitAt(T0)).as("the next hour starts at the end").isEqualTo(end);
    }

    @Test
    void periodsThatDoNotDivideEvenlyDoNotDrift() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(3));
        pacer.tryAcquire(T0);
        // 1/3 s is 333,333,333.3 ns: the permit exists from the next whole nanosecond
        assertThat(pacer.nextPermitAt(T0)).isEqualTo(T0.plusNanos(333_333_334));
        Instant now = T0;
        for (int i = 0; i < 3_000; i++) {
            now = pacer.nextPermitAt(now);
            assertThat(pacer.tryAcquire(now)).isTrue();
        }
        // 3,000 permits after the first take exactly 1,000 s
        assertThat(now).isEqualTo(T0.plusSeconds(1000));
    }

    @Test
    void anIdleSpellRefillsOnlyUpToCapacity() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(1000).withBurst(9));
        pacer.tryAcquire(10, T0);

        Instant muchLater = T0.plus(Duration.ofDays(365 * 200));
        assertThat(pacer.availablePermits(muchLater)).isEqualTo(10);
        assertThat(pacer.tryAcquire(50, muchLater)).isEqualTo(10);
    }

    @Test
    void anEarlierInstantCountsAsTheLatestSeen() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(1));
        assertThat(pacer.tryAcquire(T0.plusSeconds(10))).isTrue();

        assertThat(pacer.tryAcquire(T0)).as("no refill from going backwards").isFalse();
        assertThat(pacer.nextPermitAt(T0)).isEqualTo(T0.plusSeconds(11));
        assertThat(pacer.tryAcquire(T0.plusSeconds(11))).isTrue();
    }

    @Test
    void aHoldGrantsNothingBeforeItsEndAndOnePermitAtIt() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(20).withBurst(4));
        pacer.tryAcquire(1, T0);

        pacer.holdUntil(T0.plusSeconds(30));

        assertThat(pacer.availablePermits(T0.plusSeconds(29))).isZero();
        assertThat(pacer.nextPermitAt(T0.plusSeconds(1))).isEqualTo(T0.plusSeconds(30));
        assertThat(pacer.tryAcquire(5, T0.plusSeconds(30).minusNanos(1))).isZero();
        assertThat(pacer.tryAcquire(5, T0.plusSeconds(30)))
                .as("one permit at the end of the hold")
                .isEqualTo(1);
        assertThat(pacer.tryAcquire(5, T0.plusSeconds(31)))
                .as("a second refills 20, capped at burst + 1")
                .isEqualTo(5);
    }

    @Test
    void aHoldThatEndedAlreadyStillEmptiesTheBucketAndAShorterHoldDoesNotShortenALonger() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(20).withBurst(4));
        assertThat(pacer.availablePermits(T0.plusSeconds(10))).isEqualTo(5);

        pacer.holdUntil(T0);
        assertThat(pacer.availablePermits(T0.plusSeconds(10))).isZero();

        pacer.holdUntil(T0.plusSeconds(60));
        pacer.holdUntil(T0.plusSeconds(20));
        assertThat(pacer.nextPermitAt(T0.plusSeconds(10))).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.DEFAULT);

        assertThatThrownBy(() -> TokenBucketPacer.of(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> pacer.tryAcquire(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("now");
        assertThatThrownBy(() -> pacer.tryAcquire(0, T0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("permits");
        assertThatThrownBy(() -> pacer.nextPermitAt(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("now");
        assertThatThrownBy(() -> pacer.availablePermits(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("now");
        pacer.tryAcquire(T0);
        assertThatThrownBy(() -> pacer.tryAcquire(Instant.MAX))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("292 years");
        assertThat(pacer).hasToString("TokenBucketPacer[20/s]");
    }
}
