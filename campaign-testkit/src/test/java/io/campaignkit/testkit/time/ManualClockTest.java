package io.campaignkit.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void timeStandsStillUntilMoved() {
        ManualClock clock = ManualClock.startingAt(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void advancesSetsAndAdvancesToOnlyForward() {
        ManualClock clock = ManualClock.startingAt(START);

        assertThat(clock.advance(Duration.ofDays(7))).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(clock.advanceTo(START))
                .as("advanceTo an earlier instant leaves time alone")
                .isEqualTo(START.plus(Duration.ofDays(7)));
        clock.set(START.minusSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.minusSeconds(1));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> clock.set(null)).hasMessageContaining("instant");
    }

    @Test
    void isAJavaTimeClockAndZoneViewsShareTheTime() {
        ManualClock clock = ManualClock.startingAt(START);
        Clock mexico = clock.withZone(ZoneId.of("America/Mexico_City"));

        clock.advance(Duration.ofHours(1));

        assertThat(mexico.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(ZonedDateTime.now(mexico).getHour()).isEqualTo(5);
        assertThat(mexico.getZone()).isEqualTo(ZoneId.of("America/Mexico_City"));
        assertThat(ManualClock.ofDefaults().instant()).isEqualTo(ManualClock.DEFAULT_START);
    }

    @Test
    void listenersHearEveryChangeUntilRemoved() {
        ManualClock clock = ManualClock.startingAt(START);
        List<String> heard = new ArrayList<>();
        ManualClock.Registration registration =
                clock.addListener((previous, current) -> heard.add(previous + ">" + current));

        clock.advance(Duration.ofMinutes(1));
        clock.withZone(ZoneId.of("Europe/Madrid")).advance(Duration.ofMinutes(1));
        registration.close();
        clock.advance(Duration.ofMinutes(1));

        assertThat(heard)
                .containsExactly(
                        START + ">" + START.plusSeconds(60), START.plusSeconds(60) + ">" + START.plusSeconds(120));
    }

    @Test
    void concurrentAdvancesAreNotLost() throws Exception {
        ManualClock clock = ManualClock.startingAt(START);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 1000; i++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(clock.instant()).isEqualTo(START.plusMillis(4000));
    }
}
