package io.campaignkit.core.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    @Test
    void keepsStartAndEndAsMinutesOfTheDay() {
        TimeRange range = TimeRange.of(LocalTime.of(8, 0), LocalTime.of(21, 30));

        assertThat(range.startMinute()).isEqualTo(480);
        assertThat(range.endMinute()).isEqualTo(1290);
        assertThat(range.start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(range.end()).isEqualTo(LocalTime.of(21, 30));
        assertThat(range.endsAtEndOfDay()).isFalse();
        assertThat(range).hasToString("08:00-21:30");
    }

    @Test
    void anEndAtMidnightIsTheEndOfTheDay() {
        TimeRange range = TimeRange.of(LocalTime.of(20, 0), LocalTime.MIDNIGHT);

        assertThat(range.endMinute()).isEqualTo(TimeRange.MINUTES_PER_DAY);
        assertThat(range.endsAtEndOfDay()).isTrue();
        assertThat(range.end()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(range).hasToString("20:00-24:00").isEqualTo(TimeRange.untilEndOfDay(LocalTime.of(20, 0)));
        assertThat(TimeRange.of(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).isEqualTo(TimeRange.ALL_DAY);
    }

    @Test
    void includesItsStartAndExcludesItsEnd() {
        TimeRange range = TimeRange.parse("08:00-21:00");

        assertThat(range.contains(LocalTime.of(7, 59, 59, 999_999_999))).isFalse();
        assertThat(range.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(range.contains(LocalTime.of(20, 59, 59, 999_999_999))).isTrue();
        assertThat(range.contains(LocalTime.of(21, 0))).isFalse();
        assertThat(TimeRange.parse("20:00-24:00").contains(LocalTime.MAX)).isTrue();
        assertThat(TimeRange.parse("20:00-24:00").contains(LocalTime.MIDNIGHT)).isFalse();
    }

    @Test
    void parsesWhatItPrints() {
        for (String text : List.of("00:00-24:00", "08:00-21:00", "23:59-24:00", "00:00-00:01")) {
            assertThat(TimeRange.parse(text)).hasToString(text);
        }
    }

    @Test
    void refusesARangeThatDoesNotEndAfterItStarts() {
        assertThatThrownBy(() -> TimeRange.of(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("end"))
                .hasMessageContaining("21:00")
                .hasMessageContaining("cannot cross midnight");
        assertThatThrownBy(() -> TimeRange.of(LocalTime.of(8, 0), LocalTime.of(8, 0)))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("end"))
                .hasMessageContaining("end 08:00 must be after start 08:00");
        assertThatThrownBy(() -> new TimeRange(600, 600))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("endMinute"));
        assertThatThrownBy(() -> new TimeRange(0, 1441))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("endMinute"));
        assertThatThrownBy(() -> new TimeRange(-1, 10))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("startMinute"));
        assertThatThrownBy(() -> new TimeRange(1440, 1440))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("startMinute"));
    }

    @Test
    void refusesTimesThatAreNotOnAWholeMinute() {
        assertThatThrownBy(() -> TimeRange.of(LocalTime.of(8, 0, 30), LocalTime.of(9, 0)))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("start"))
                .hasMessageContaining("whole minute");
        assertThatThrownBy(() -> TimeRange.of(LocalTime.of(8, 0), LocalTime.of(9, 0, 0, 1)))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("end"));
    }

    @Test
    void namesTheMissingArgument() {
        assertThatThrownBy(() -> TimeRange.of(null, LocalTime.NOON))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("start"));
        assertThatThrownBy(() -> TimeRange.of(LocalTime.NOON, null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("end"));
        assertThatThrownBy(() -> TimeRange.parse(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("text"));
        assertThatThrownBy(() -> TimeRange.ALL_DAY.contains(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("time"));
    }

    @Test
    void aMalformedTextNamesTheOffendingToken() {
        assertThatThrownBy(() -> TimeRange.parse("08:00-21:00x"))
                .isInstanceOfSatisfying(InvalidActiveHoursException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_ACTIVE_HOURS");
                    assertThat(e.token()).isEqualTo("x");
                    assertThat(e.index()).isEqualTo(11);
                });
        assertThatThrownBy(() -> TimeRange.parse("8:00-21:00"))
                .isInstanceOfSatisfying(
                        InvalidActiveHoursException.class,
                        e -> assertThat(e.token()).isEqualTo("8:00"))
                .hasMessageContaining("HH:MM");
    }

    @Test
    void mergesOverlappingAndTouchingRangesButKeepsGapsApart() {
        List<TimeRange> merged = TimeRange.merge(List.of(
                TimeRange.parse("15:00-19:00"),
                TimeRange.parse("08:00-12:00"),
                TimeRange.parse("12:00-13:00"),
                TimeRange.parse("09:00-10:00"),
                TimeRange.parse("18:00-24:00"),
                TimeRange.parse("13:01-14:00")));

        assertThat(merged)
                .containsExactly(
                        TimeRange.parse("08:00-13:00"), TimeRange.parse("13:01-14:00"), TimeRange.parse("15:00-24:00"));
    }
}
