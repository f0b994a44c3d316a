package io.campaignkit.core.hours;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ActiveHoursTest {

    private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    @Test
    void theDefaultsAreEveryDayFromEightToNineAtUtcMinusFive() {
        ActiveHours defaults = ActiveHours.ofDefaults();

        assertThat(defaults.zone()).isEqualTo(ZoneOffset.ofHours(-5)).isEqualTo(ActiveHours.DEFAULT_ZONE);
        assertThat(defaults.weeklyHours())
                .hasSize(7)
                .allSatisfy((day, ranges) -> assertThat(ranges).containsExactly(TimeRange.parse("08:00-21:00")));
        assertThat(defaults.exceptions()).isEmpty();
        assertThat(defaults.toText()).isEqualTo("MON-SUN 08:00-21:00");
        assertThat(defaults.isOpenAt(Instant.parse("2026-06-01T12:59:59Z"))).isFalse();
        assertThat(defaults.isOpenAt(Instant.parse("2026-06-01T13:00:00Z"))).isTrue();
        assertThat(defaults.isOpenAt(Instant.parse("2026-06-02T01:59:59Z"))).isTrue();
        assertThat(defaults.isOpenAt(Instant.parse("2026-06-02T02:00:00Z"))).isFalse();
    }

    @Test
    void buildsWeeklyRangesForOneOrSeveralDays() {
        ActiveHours hours = ActiveHours.builder(MEXICO_CITY)
                .on(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(8, 0), LocalTime.of(13, 0))
                .on(EnumSet.range(MONDAY, FRIDAY), TimeRange.parse("15:00-19:00"))
                .on(SATURDAY, LocalTime.of(9, 0), LocalTime.of(14, 0))
                .build();

        assertThat(hours.weeklyHours(MONDAY))
                .containsExactly(TimeRange.parse("08:00-13:00"), TimeRange.parse("15:00-19:00"));
        assertThat(hours.weeklyHours(FRIDAY)).isEqualTo(hours.weeklyHours(MONDAY));
        assertThat(hours.weeklyHours(SATURDAY)).containsExactly(TimeRange.parse("09:00-14:00"));
        assertThat(hours.weeklyHours(SUNDAY)).isEmpty();
        assertThat(hours.weeklyHours()).doesNotContainKey(SUNDAY);
        assertThat(hours.toText()).isEqualTo("MON-FRI 08:00-13:00,15:00-19:00; SAT 09:00-14:00");
    }

    @Test
    void everyDayOpensAllSevenDays() {
        ActiveHours hours = ActiveHours.builder(MEXICO_CITY)
                .everyDay(LocalTime.of(7, 0), LocalTime.of(8, 0))
                .build();

        assertThat(hours.weeklyHours()).containsOnlyKeys(DayOfWeek.values());
    }

    @Test
    void mergesOverlappingAndAdjacentRangesOfADay() {
        ActiveHours merged = ActiveHours.builder(MEXICO_CITY)
                .on(MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))
                .on(MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0))
                .on(MONDAY, LocalTime.of(13, 0), LocalTime.of(15, 0))
                .build();

        assertThat(merged.weeklyHours(MONDAY)).containsExactly(TimeRange.parse("08:00-15:00"));
        assertThat(merged)
                .isEqualTo(ActiveHours.builder(MEXICO_CITY)
                        .on(MONDAY, LocalTime.of(8, 0), LocalTime.of(15, 0))
                        .build());
    }

    @Test
    void anExceptionReplacesTheWeeklyHoursOfItsDate() {
        LocalDate christmasEve = CHRISTMAS.minusDays(1);
        ActiveHours hours = ActiveHours.builder(MEXICO_CITY)
                .everyDay(LocalTime.of(8, 0), LocalTime.of(21, 0))
                .closedOn(CHRISTMAS)
                .exception(christmasEve, LocalTime.of(9, 0), LocalTime.of(13, 0))
                .exception(christmasEve, TimeRange.parse("13:00-14:00"), TimeRange.parse("16:00-17:00"))
                .build();

        assertThat(hours.hoursOn(CHRISTMAS)).isEmpty();
        assertThat(hours.hoursOn(christmasEve))
                .containsExactly(TimeRange.parse("09:00-14:00"), TimeRange.parse("16:00-17:00"));
        assertThat(hours.hoursOn(CHRISTMAS.plusDays(1))).containsExactly(TimeRange.parse("08:00-21:00"));
        assertThat(hours.exceptions()).containsOnlyKeys(christmasEve, CHRISTMAS);
        assertThat(hours.exceptions().firstKey()).isEqualTo(christmasEve);
    }

    @Test
    void aDateIsEitherClosedOrHasExceptionHours() {
        assertThatThrownBy(() ->
                        ActiveHours.builder(MEXICO_CITY).closedOn(CHRISTMAS).exception(CHRISTMAS, TimeRange.ALL_DAY))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("date"))
                .hasMessageContaining("2026-12-25")
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> ActiveHours.builder(MEXICO_CITY)
                        .exception(CHRISTMAS, TimeRange.ALL_DAY)
                        .closedOn(CHRISTMAS))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("date"))
                .hasMessageContaining("2026-12-25");
        // saying it twice is not a conflict
        assertThat(ActiveHours.builder(MEXICO_CITY)
                        .closedOn(CHRISTMAS)
                        .closedOn(CHRISTMAS)
                        .build()
                        .hoursOn(CHRISTMAS))
                .isEmpty();
    }

    @Test
    void everyMethodNamesTheArgumentItRefuses() {
        ActiveHours.Builder builder = ActiveHours.builder(MEXICO_CITY);
        assertRefuses(() -> ActiveHours.builder(null), "zone");
        assertRefuses(() -> builder.on((DayOfWeek) null, LocalTime.NOON, LocalTime.MIDNIGHT), "day");
        assertRefuses(() -> builder.on((Set<DayOfWeek>) null, TimeRange.ALL_DAY), "days");
        assertRefuses(() -> builder.on(Set.of(), TimeRange.ALL_DAY), "days");
        assertRefuses(() -> builder.on(MONDAY), "ranges");
        assertRefuses(() -> builder.on(MONDAY, (TimeRange[]) null), "ranges");
        assertRefuses(() -> builder.on(MONDAY, TimeRange.ALL_DAY, null), "ranges");
        assertRefuses(() -> builder.on(MONDAY, LocalTime.NOON, LocalTime.of(11, 0)), "end");
        assertRefuses(() -> builder.closedOn(null), "date");
        assertRefuses(() -> builder.exception(null, TimeRange.ALL_DAY), "date");
        assertRefuses(() -> builder.exception(CHRISTMAS), "ranges");
        assertRefuses(() -> builder.closedOn(LocalDate.of(10_000, 1, 1)), "date");
        assertRefuses(() -> builder.closedOn(LocalDate.of(-1, 1, 1)), "date");
        ActiveHours hours = builder.build();
        assertRefuses(() -> hours.isOpenAt(null), "instant");
        assertRefuses(() -> hours.nextOpening(null), "from");
        assertRefuses(() -> hours.nextClosing(null), "from");
        assertRefuses(() -> hours.hoursOn(null), "date");
        assertRefuses(() -> hours.weeklyHours(null), "day");
        assertRefuses(() -> ActiveHours.parse(null, MEXICO_CITY), "text");
        assertRefuses(() -> ActiveHours.parse("MON 08:00-09:00", null), "zone");
        assertRefuses(() -> ActiveHours.alwaysOpen(null), "zone");
    }

    @Test
    void isImmutable() {
        ActiveHours.Builder builder = ActiveHours.builder(MEXICO_CITY).on(MONDAY, TimeRange.ALL_DAY);
        ActiveHours built = builder.build();

        builder.on(TUESDAY, TimeRange.ALL_DAY).closedOn(CHRISTMAS);

        assertThat(built.weeklyHours()).containsOnlyKeys(MONDAY);
        assertThat(built.exceptions()).isEmpty();
        assertThatThrownBy(() -> built.weeklyHours().put(TUESDAY, List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.exceptions().put(CHRISTMAS, List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.weeklyHours(MONDAY).add(TimeRange.ALL_DAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalSchedulesAreEqualWhateverTheWayTheyWereBuilt() {
        ActiveHours built = ActiveHours.builder(MEXICO_CITY)
                .on(EnumSet.of(MONDAY, TUESDAY), TimeRange.parse("08:00-12:00"), TimeRange.parse("10:00-14:00"))
                .closedOn(CHRISTMAS)
                .build();
        ActiveHours parsed = ActiveHours.parse("2026-12-25 closed; TUE 08:00-14:00; MON 08:00-14:00", MEXICO_CITY);

        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(ActiveHours.parse(built.toText(), ZoneId.of("Europe/Madrid")))
                .isNotEqualTo(built);
        assertThat(ActiveHours.parse("MON 08:00-14:00", MEXICO_CITY)).isNotEqualTo(built);
        assertThat(built).hasToString("ActiveHours[MON-TUE 08:00-14:00; 2026-12-25 closed in America/Mexico_City]");
    }

    @Test
    void withZoneKeepsTheHoursOnAnotherWallClock() {
        ActiveHours mexico = ActiveHours.parse("MON-FRI 08:00-21:00; 2026-12-25 closed", MEXICO_CITY);
        ZoneId madrid = ZoneId.of("Europe/Madrid");

        ActiveHours moved = mexico.withZone(madrid);

        assertThat(moved).isEqualTo(ActiveHours.parse("MON-FRI 08:00-21:00; 2026-12-25 closed", madrid));
        assertThat(moved.isOpenAt(Instant.parse("2026-06-01T07:00:00Z"))).isTrue(); // 09:00 in Madrid
        assertThat(mexico.isOpenAt(Instant.parse("2026-06-01T07:00:00Z"))).isFalse(); // 01:00 in Mexico City
        assertRefuses(() -> mexico.withZone(null), "otherZone");
    }

    @Test
    void refusesInstantsBeyondWhatAWallClockCanShow() {
        ActiveHours hours = ActiveHours.ofDefaults();

        assertRefuses(() -> hours.isOpenAt(Instant.MAX), "instant");
        assertRefuses(() -> hours.nextOpening(Instant.MIN), "from");
        assertRefuses(() -> hours.nextClosing(Instant.MAX), "from");
        assertThat(hours.nextOpening(Instant.parse("+999999000-01-01T00:00:00Z")))
                .isPresent();
    }

    @Test
    void alwaysOpenIsOpenAllDayEveryDay() {
        ActiveHours hours = ActiveHours.alwaysOpen(MEXICO_CITY);

        assertThat(hours.toText()).isEqualTo("MON-SUN 00:00-24:00");
        assertThat(hours.isOpenAt(Instant.parse("2026-03-01T06:00:00Z"))).isTrue();
    }

    private static void assertRefuses(ThrowingCallable call, String argument) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo(argument);
                    assertThat(e.code()).isEqualTo("INVALID_ARGUMENT");
                })
                .hasMessageContaining(argument);
    }
}
