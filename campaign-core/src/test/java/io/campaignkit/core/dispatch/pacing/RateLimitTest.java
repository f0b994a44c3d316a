package io.campaignkit.core.dispatch.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void defaultIsTwentyPerSecondWithoutBurst() {
        assertThat(RateLimit.DEFAULT).isEqualTo(new RateLimit(20, Duration.ofSeconds(1), 0));
        assertThat(RateLimit.DEFAULT.burst()).isEqualTo(RateLimit.DEFAULT_BURST).isZero();
        assertThat(RateLimit.DEFAULT).hasToString("20/s");
    }

    @Test
    void factoriesSetThePeriod() {
        assertThat(RateLimit.perSecond(80).period()).isEqualTo(Duration.ofSeconds(1));
        assertThat(RateLimit.perMinute(600).period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(RateLimit.perHour(3000).withBurst(5))
                .isEqualTo(new RateLimit(3000, Duration.ofHours(1), 5))
                .hasToString("3000/h burst 5");
        assertThat(RateLimit.perHour(3600).permitsPerSecond()).isEqualTo(1.0);
    }

    @Test
    void decimalRatesFromChannelsRoundDownToWholePermitsPerHour() {
        assertThat(RateLimit.ofPermitsPerSecond(80)).isEqualTo(RateLimit.perSecond(80));
        assertThat(RateLimit.ofPermitsPerSecond(1)).isEqualTo(RateLimit.perSecond(1));
        assertThat(RateLimit.ofPermitsPerSecond(0.5)).isEqualTo(RateLimit.perHour(1800));
        assertThat(RateLimit.ofPermitsPerSecond(2.0004)).isEqualTo(RateLimit.perHour(7201));
        assertThatThrownBy(() -> RateLimit.ofPermitsPerSecond(0.0001))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("permitsPerSecond");
        assertThatThrownBy(() -> RateLimit.ofPermitsPerSecond(Double.NaN)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> RateLimit.ofPermitsPerSecond(-1)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> RateLimit.perSecond(0))
                .isInstanceOf(InvalidArgumentException.class)
                .extracting(e -> ((InvalidArgumentException) e).argument())
                .isEqualTo("permits");
        assertThatThrownBy(() -> new RateLimit(1, null, 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("period");
        assertThatThrownBy(() -> new RateLimit(1, Duration.ofHours(2), 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("period");
        assertThatThrownBy(() -> new RateLimit(1, Duration.ofNanos(999_999), 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("period");
        assertThatThrownBy(() -> RateLimit.perSecond(1).withBurst(-1))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("burst");
        assertThatThrownBy(() -> RateLimit.perSecond(1).withBurst(RateLimit.MAX_BURST + 1))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("burst");
        assertThatThrownBy(() -> new RateLimit(1_000_001, Duration.ofMillis(1), 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("one per nanosecond");
        assertThatThrownBy(() -> RateLimit.DEFAULT.maxPermitsIn(Duration.ZERO))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("window");
    }

    @Test
    void boundOfOnePeriodIsRatePlusBurst() {
        assertThat(RateLimit.perSecond(20).maxPermitsIn(Duration.ofSeconds(1))).isEqualTo(20);
        assertThat(RateLimit.perSecond(20).withBurst(7).maxPermitsIn(Duration.ofSeconds(1)))
                .isEqualTo(27);
        assertThat(RateLimit.perHour(3000).withBurst(2).maxPermitsIn(Duration.ofHours(1)))
                .isEqualTo(3002);
    }

    @Test
    void boundOfOtherWindows() {
        // 3000/h: sends 1.2 s apart, so one in any second and 3 in any 3 s
        assertThat(RateLimit.perHour(3000).maxPermitsIn(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(RateLimit.perHour(3000).maxPermitsIn(Duration.ofSeconds(3))).isEqualTo(3);
        // a long run: burst + ceil(rate × T)
        assertThat(RateLimit.perSecond(20).maxPermitsIn(Duration.ofSeconds(60))).isEqualTo(1200);
        assertThat(RateLimit.perSecond(3).maxPermitsIn(Duration.ofMillis(500))).isEqualTo(2);
        assertThat(RateLimit.perSecond(1000).maxPermitsIn(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(RateLimit.perSecond(1).maxPermitsIn(Duration.ofSeconds(Long.MAX_VALUE)))
                .isEqualTo(Long.MAX_VALUE);
    }
}
