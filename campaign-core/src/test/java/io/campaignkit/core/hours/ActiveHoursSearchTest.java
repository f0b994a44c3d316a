package io.campaignkit.core.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Opening, closing and "open at" on examples, including every DST case the class documents. */
class ActiveHoursSearchTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    // 2026-06-01 is a Monday.
    private static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    @Nested
    class OnAPlainClock {

        private final ActiveHours weekdays = ActiveHours.parse("MON-FRI 08:00-13:00,15:00-19:00", UTC);

        @Test
        void theNextOpeningOfAnOpenInstantIsTheInstantItself() {
            Instant open = utc("2026-06-01T09:15:30.123456789");

            assertThat(weekdays.isOpenAt(open)).isTrue();
            assertThat(weekdays.nextOpening(open)).contains(open);
        }

        @Test
        void theNextOpeningOfAClosedInstantIsTheStartOfTheNextRange() {
            assertThat(weekdays.nextOpening(utc("2026-06-01T07:59:59.999"))).contains(utc("2026-06-01T08:00"));
            assertThat(weekdays.nextOpening(utc("2026-06-01T13:00"))).contains(utc("2026-06-01T15:00"));
            assertThat(weekdays.nextOpening(utc("2026-06-01T19:00"))).contains(utc("2026-06-02T08:00"));
            // Friday evening: the weekend is closed
            assertThat(weekdays.nextOpening(utc("2026-06-05T20:00"))).contains(utc("2026-06-08T08:00"));
        }

        @Test
        void theNextClosingOfAnOpenInstantIsTheEndOfItsRange() {
            assertThat(weekdays.nextClosing(utc("2026-06-01T08:00"))).contains(utc("2026-06-01T13:00"));
            assertThat(weekdays.nextClosing(utc("2026-06-01T18:59:59.999999999")))
                    .contains(utc("2026-06-01T19:00"));
        }

        @Test
        void theNextClosingOfAClosedInstantIsTheInstantItself() {
            Instant closed = utc("2026-06-01T14:00:00.5");

            assertThat(weekdays.isOpenAt(closed)).isFalse();
            assertThat(weekdays.nextClosing(closed)).contains(closed);
        }

        @Test
        void rangesThatMeetAtMidnightAreOneOpenPeriod() {
            ActiveHours overnight = ActiveHours.parse("MON 20:00-24:00; TUE 00:00-06:00", UTC);

            assertThat(overnight.isOpenAt(utc("2026-06-01T23:59:59.999999999"))).isTrue();
            assertThat(overnight.isOpenAt(utc("2026-06-02T00:00"))).isTrue();
            assertThat(overnight.nextClosing(utc("2026-06-01T21:00"))).contains(utc("2026-06-02T06:00"));
            assertThat(overnight.nextOpening(utc("2026-06-02T06:00"))).contains(utc("2026-06-08T20:00"));
        }

        @Test
        void aRangeEndingAtMidnightClosesAtMidnightWhenTheNextDayDoesNotStartAtMidnight() {
            ActiveHours hours = ActiveHours.parse("MON 20:00-24:00; TUE 00:01-06:00", UTC);

            assertThat(hours.nextClosing(utc("2026-06-01T21:00"))).contains(utc("2026-06-02T00:00"));
            assertThat(hours.nextOpening(utc("2026-06-02T00:00"))).contains(utc("2026-06-02T00:01"));
        }

        @Test
        void anOpenPeriodRunsAcrossSeveralWholeDays() {
            ActiveHours hours = ActiveHours.parse("MON 12:00-24:00; TUE-WED 00:00-24:00; THU 00:00-10:00", UTC);

            assertThat(hours.nextClosing(utc("2026-06-01T12:00"))).contains(utc("2026-06-04T10:00"));
        }

        @Test
        void exceptionsReplaceTheWeeklyHoursOfTheirDate() {
            ActiveHours hours = ActiveHours.parse(
                    "MON-FRI 08:00-19:00; 2026-06-02 closed; 2026-06-03 10:00-11:00; 2026-06-06 09:00-10:00", UTC);

            assertThat(hours.nextOpening(utc("2026-06-01T19:00"))).contains(utc("2026-06-03T10:00"));
            assertThat(hours.nextClosing(utc("2026-06-03T10:00"))).contains(utc("2026-06-03T11:00"));
            assertThat(hours.isOpenAt(utc("2026-06-03T08:30"))).isFalse();
            // Saturday is closed every week but this one
            assertThat(hours.nextOpening(utc("2026-06-05T19:00"))).contains(utc("2026-06-06T09:00"));
        }

        @Test
        void aScheduleWithoutRangesNeverOpens() {
            ActiveHours never = ActiveHours.builder(ZoneId.of("Europe/Madrid")).build();
            Instant now = Instant.parse("2026-03-29T00:59:59Z");

            assertThat(never.toText()).isEqualTo("closed");
            assertThat(never.isOpenAt(now)).isFalse();
            assertThat(never.nextOpening(now)).isEmpty();
            assertThat(never.nextClosing(now)).contains(now);
        }

        @Test
        void aScheduleOpenAllTheTimeNeverCloses() {
            ActiveHours always = ActiveHours.alwaysOpen(ZoneId.of("America/New_York"));
            Instant fallBack = Instant.parse("2026-11-01T06:00:00Z");

            assertThat(always.nextClosing(fallBack.minusSeconds(1))).isEmpty();
            assertThat(always.nextClosing(Instant.parse("2026-03-08T07:00:00Z")))
                    .isEmpty();
            assertThat(always.nextOpening(fallBack)).contains(fallBack);
        }

        @Test
        void anOtherwiseAlwaysOpenScheduleClosesOnItsClosedDates() {
            ActiveHours hours = ActiveHours.parse("MON-SUN 00:00-24:00; 2030-01-01 closed", UTC);

            assertThat(hours.nextClosing(utc("2026-06-01T00:00"))).contains(utc("2030-01-01T00:00"));
            assertThat(hours.nextOpening(utc("2030-01-01T00:00"))).contains(utc("2030-01-02T00:00"));
            assertThat(hours.nextClosing(utc("2030-01-02T00:00"))).isEmpty();
        }

        @Test
        void aLongClosureIsSkippedWhateverItsLength() {
            ActiveHours.Builder builder = ActiveHours.builder(UTC).everyDay(LocalTime.of(8, 0), LocalTime.of(9, 0));
            LocalDate firstClosed = LocalDate.of(2026, 6, 1);
            for (int day = 0; day < 90; day++) {
                builder.closedOn(firstClosed.plusDays(day));
            }
            ActiveHours hours = builder.build();

            assertThat(hours.nextOpening(utc("2026-05-31T09:00"))).contains(utc("2026-08-30T08:00"));
        }

        @Test
        void aSparseScheduleIsFoundYearsAheadAndEndsAfterItsLastDate() {
            ZoneId madrid = ZoneId.of("Europe/Madrid");
            ActiveHours once = ActiveHours.parse("2036-02-29 10:00-11:00", madrid);
            Instant opening =
                    LocalDateTime.parse("2036-02-29T10:00").atZone(madrid).toInstant();

            assertThat(once.nextOpening(Instant.parse("2026-01-01T00:00:00Z"))).contains(opening);
            assertThat(once.nextClosing(opening)).contains(opening.plus(Duration.ofHours(1)));
            assertThat(once.nextOpening(opening.plus(Duration.ofHours(1)))).isEmpty();
        }
    }

    @Nested
    class AcrossDaylightSavingTime {

        private final ZoneId newYork = ZoneId.of("America/New_York");

        @Test
        void aRangeInsideASpringForwardGapDoesNotOpenThatDay() {
            // 2026-03-08: New York jumps from 02:00 EST (07:00Z) to 03:00 EDT
            ActiveHours hours = ActiveHours.parse("MON-SUN 02:00-03:00", newYork);

            assertThat(hours.isOpenAt(Instant.parse("2026-03-08T06:59:59Z"))).isFalse();
            assertThat(hours.isOpenAt(Instant.parse("2026-03-08T07:00:00Z"))).isFalse();
            assertThat(hours.nextOpening(Instant.parse("2026-03-08T06:00:00Z")))
                    .contains(Instant.parse("2026-03-09T06:00:00Z")); // Monday 02:00 EDT
            assertThat(hours.nextOpening(Instant.parse("2026-03-07T08:00:00Z")))
                    .contains(Instant.parse("2026-03-09T06:00:00Z"));
        }

        @Test
        void aRangeStartingInsideTheGapOpensWhenTheGapEnds() {
            ActiveHours hours = ActiveHours.parse("SUN 02:30-04:00", newYork);

            assertThat(hours.nextOpening(Instant.parse("2026-03-08T06:00:00Z")))
                    .contains(Instant.parse("2026-03-08T07:00:00Z"));
            assertThat(hours.nextClosing(Instant.parse("2026-03-08T07:00:00Z")))
                    .contains(Instant.parse("2026-03-08T08:00:00Z"));
        }

        @Test
        void aRangeAcrossTheGapStaysOpenThroughIt() {
            ActiveHours hours = ActiveHours.parse("SUN 01:00-04:00", newYork);

            assertThat(hours.isOpenAt(Instant.parse("2026-03-08T06:59:59.999Z")))
                    .isTrue(); // 01:59:59 EST
            assertThat(hours.isOpenAt(Instant.parse("2026-03-08T07:00:00Z"))).isTrue(); // 03:00 EDT
            assertThat(hours.nextClosing(Instant.parse("2026-03-08T06:00:00Z")))
                    .contains(Instant.parse("2026-03-08T08:00:00Z"));
        }

        @Test
        void aRangeInsideAFallBackOverlapIsOpenDuringBothOccurrences() {
            // 2026-11-01: New York falls back from 02:00 EDT (06:00Z) to 01:00 EST
            ActiveHours hours = ActiveHours.parse("SUN 01:00-01:30", newYork);

            assertThat(hours.nextOpening(Instant.parse("2026-11-01T04:00:00Z")))
                    .contains(Instant.parse("2026-11-01T05:00:00Z"));
            assertThat(hours.nextClosing(Instant.parse("2026-11-01T05:00:00Z")))
                    .contains(Instant.parse("2026-11-01T05:30:00Z"));
            assertThat(hours.isOpenAt(Instant.parse("2026-11-01T05:45:00Z"))).isFalse(); // 01:45 EDT
            assertThat(hours.nextOpening(Instant.parse("2026-11-01T05:30:00Z")))
                    .contains(Instant.parse("2026-11-01T06:00:00Z"));
            assertThat(hours.nextClosing(Instant.parse("2026-11-01T06:00:00Z")))
                    .contains(Instant.parse("2026-11-01T06:30:00Z"));
        }

        @Test
        void aRangeCoveringTheOverlapIsOneLongerOpenPeriod() {
            ActiveHours hours = ActiveHours.parse("SUN 01:00-03:00", newYork);

            Instant opening =
                    hours.nextOpening(Instant.parse("2026-11-01T00:00:00Z")).orElseThrow();
            Instant closing = hours.nextClosing(opening).orElseThrow();

            assertThat(opening).isEqualTo(Instant.parse("2026-11-01T05:00:00Z")); // 01:00 EDT
            assertThat(closing).isEqualTo(Instant.parse("2026-11-01T08:00:00Z")); // 03:00 EST
            assertThat(Duration.between(opening, closing)).isEqualTo(Duration.ofHours(3));
        }

        @Test
        void lordHoweShiftsByThirtyMinutes() {
            ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
            // 2026-10-04 02:00 +10:30 (2026-10-03T15:30Z) becomes 02:30 +11:00
            ActiveHours inGap = ActiveHours.parse("SUN 02:00-02:30", lordHowe);
            ActiveHours acrossGap = ActiveHours.parse("SUN 02:00-03:00", lordHowe);
            Instant before = Instant.parse("2026-10-03T15:00:00Z");

            assertThat(inGap.nextOpening(before))
                    .contains(Instant.parse("2026-10-10T15:00:00Z")); // next Sunday 02:00 +11:00
            assertThat(acrossGap.nextOpening(before)).contains(Instant.parse("2026-10-03T15:30:00Z"));
            assertThat(acrossGap.nextClosing(Instant.parse("2026-10-03T15:30:00Z")))
                    .contains(Instant.parse("2026-10-03T16:00:00Z"));

            // 2026-04-05 02:00 +11:00 (2026-04-04T15:00Z) becomes 01:30 +10:30
            ActiveHours inOverlap = ActiveHours.parse("SUN 01:30-02:00", lordHowe);
            assertThat(inOverlap.nextOpening(Instant.parse("2026-04-04T14:00:00Z")))
                    .contains(Instant.parse("2026-04-04T14:30:00Z"));
            assertThat(inOverlap.nextClosing(Instant.parse("2026-04-04T14:30:00Z")))
                    .contains(Instant.parse("2026-04-04T15:30:00Z"));
        }

        @Test
        void aFallBackAtMidnightReopensTheDayBefore() {
            ZoneId beirut = ZoneId.of("Asia/Beirut");
            // 2026-10-25 00:00 +03:00 (2026-10-24T21:00Z) becomes Saturday 23:00 +02:00 again
            ActiveHours saturdayNight = ActiveHours.parse("SAT 23:00-24:00", beirut);

            assertThat(saturdayNight.nextOpening(Instant.parse("2026-10-24T12:00:00Z")))
                    .contains(Instant.parse("2026-10-24T20:00:00Z"));
            assertThat(saturdayNight.nextClosing(Instant.parse("2026-10-24T20:00:00Z")))
                    .contains(Instant.parse("2026-10-24T22:00:00Z"));
            ActiveHours sundayOnly = ActiveHours.parse("SUN 00:00-01:00", beirut);
            assertThat(sundayOnly.isOpenAt(Instant.parse("2026-10-24T21:00:00Z")))
                    .isFalse(); // Saturday 23:00 again
            assertThat(sundayOnly.nextOpening(Instant.parse("2026-10-24T21:00:00Z")))
                    .contains(Instant.parse("2026-10-24T22:00:00Z"));
        }

        @Test
        void aSpringForwardAtMidnightSkipsTheFirstHourOfTheDay() {
            ZoneId beirut = ZoneId.of("Asia/Beirut");
            // 2026-03-29 00:00 +02:00 (2026-03-28T22:00Z) becomes 01:00 +03:00
            ActiveHours hours = ActiveHours.parse("SAT 22:00-24:00; SUN 00:00-02:00", beirut);

            Optional<Instant> closing = hours.nextClosing(Instant.parse("2026-03-28T20:00:00Z"));

            assertThat(closing).contains(Instant.parse("2026-03-28T23:00:00Z")); // Sunday 02:00 +03:00
        }
    }
}
