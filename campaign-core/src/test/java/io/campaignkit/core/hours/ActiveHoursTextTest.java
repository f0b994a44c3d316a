package io.campaignkit.core.hours;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActiveHoursTextTest {

    private static final ZoneId ZONE = ZoneId.of("America/Mexico_City");

    @Test
    void readsTheDocumentedExample() {
        ActiveHours parsed = ActiveHours.parse("MON-FRI 08:00-21:00; SAT 09:00-14:00", ZONE);

        assertThat(parsed)
                .isEqualTo(ActiveHours.builder(ZONE)
                        .on(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(8, 0), LocalTime.of(21, 0))
                        .on(SATURDAY, LocalTime.of(9, 0), LocalTime.of(14, 0))
                        .build());
        assertThat(parsed.zone()).isEqualTo(ZONE);
        assertThat(parsed.toText()).isEqualTo("MON-FRI 08:00-21:00; SAT 09:00-14:00");
    }

    @Test
    void readsDayListsSeveralRangesMidnightAndExceptions() {
        ActiveHours parsed = ActiveHours.parse(
                "MON,WED 08:00-13:00,15:00-19:00; FRI 20:00-24:00; 2026-12-25 closed; 2026-12-24 09:00-13:00", ZONE);

        assertThat(parsed)
                .isEqualTo(ActiveHours.builder(ZONE)
                        .on(
                                EnumSet.of(MONDAY, WEDNESDAY),
                                TimeRange.parse("08:00-13:00"),
                                TimeRange.parse("15:00-19:00"))
                        .on(FRIDAY, TimeRange.untilEndOfDay(LocalTime.of(20, 0)))
                        .closedOn(LocalDate.of(2026, 12, 25))
                        .exception(LocalDate.of(2026, 12, 24), LocalTime.of(9, 0), LocalTime.of(13, 0))
                        .build());
        assertThat(parsed.toText())
                .isEqualTo(
                        "MON,WED 08:00-13:00,15:00-19:00; FRI 20:00-24:00; 2026-12-24 09:00-13:00; 2026-12-25 closed");
    }

    @ParameterizedTest(name = "\"{0}\" prints as \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "MON 08:00-09:00; TUE 08:00-09:00; WED 08:00-09:00        | MON-WED 08:00-09:00",
                "MON,TUE,WED,FRI,SUN 08:00-09:00                          | MON-WED,FRI,SUN 08:00-09:00",
                "SAT-SUN 10:00-11:00; MON-FRI 08:00-21:00                 | MON-FRI 08:00-21:00; SAT-SUN 10:00-11:00",
                "MON 08:00-12:00; MON 12:00-13:00                         | MON 08:00-13:00",
                "MON 10:00-11:00,08:00-10:30                              | MON 08:00-11:00",
                "MON-FRI 08:00-21:00; WED 22:00-23:00                     | MON-TUE,THU-FRI 08:00-21:00; WED 08:00-21:00,22:00-23:00",
                "tue , mon   08:00 - 09:00 ,10:00-11:00                   | MON-TUE 08:00-09:00,10:00-11:00",
                "sat-Sun 10:00-11:00; Fri 08:00-09:00                     | FRI 08:00-09:00; SAT-SUN 10:00-11:00",
                "2026-12-25 CLOSED; 2026-01-01 closed; SUN 00:00-24:00    | SUN 00:00-24:00; 2026-01-01 closed; 2026-12-25 closed",
                "2026-12-24 09:00-10:00; 2026-12-24 10:00-13:00           | 2026-12-24 09:00-13:00",
                "MON,MON,MON-TUE 08:00-09:00                              | MON-TUE 08:00-09:00",
                "'  closed  '                                             | closed",
                "MON-SUN 08:00-21:00                                      | MON-SUN 08:00-21:00",
            })
    void printsTheCanonicalForm(String text, String canonical) {
        ActiveHours parsed = ActiveHours.parse(text, ZONE);

        assertThat(parsed.toText()).isEqualTo(canonical);
        assertThat(ActiveHours.parse(canonical, ZONE)).isEqualTo(parsed);
    }

    @Test
    void closedIsTheScheduleThatNeverOpens() {
        assertThat(ActiveHours.parse("closed", ZONE))
                .isEqualTo(ActiveHours.builder(ZONE).build());
        assertThat(ActiveHours.builder(ZONE).build().toText()).isEqualTo("closed");
        // a schedule with only exceptions is not "closed"
        assertThat(ActiveHours.builder(ZONE)
                        .closedOn(LocalDate.of(2026, 1, 1))
                        .build()
                        .toText())
                .isEqualTo("2026-01-01 closed");
        assertThat(ActiveHours.parse("2026-01-01 closed", ZONE).weeklyHours()).isEmpty();
    }

    @Test
    void daysNamedInSeveralEntriesKeepTheRangesOfAll() {
        ActiveHours parsed = ActiveHours.parse("MON-FRI 08:00-12:00; MON 13:00-14:00", ZONE);

        assertThat(parsed.weeklyHours(MONDAY))
                .containsExactly(TimeRange.parse("08:00-12:00"), TimeRange.parse("13:00-14:00"));
        assertThat(parsed.weeklyHours(FRIDAY)).containsExactly(TimeRange.parse("08:00-12:00"));
        assertThat(parsed.weeklyHours(SUNDAY)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is refused at \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                // text                                        | token      | index | part of the message
                "MON-FRY 08:00-21:00                           | FRY        | 4     | unknown day \"FRY\"",
                "MONDAY 08:00-21:00                            | MONDAY     | 0     | unknown day",
                "MON-FRI 21:00-08:00                           | 21:00      | 8     | range \"21:00-08:00\" does not end after it starts; a range cannot cross midnight, split it into 21:00-24:00 and 00:00-08:00",
                "MON 08:00-00:00                               | 00:00      | 10    | range \"08:00-00:00\" ends at 00:00; write 24:00 for the end of the day",
                "MON 24:00-24:00                               | 24:00      | 4     | range \"24:00-24:00\" starts at 24:00; 24:00 can only end a range",
                "AZaz 08:00-21:00                              | AZaz       | 0     | unknown day \"AZaz\"",
                "MON 08:00-08:00                               | 08:00      | 4     | does not end after it starts",
                "MON 8:00-21:00                                | 8:00       | 4     | HH:MM",
                "MON 08:60-21:00                               | 08:60      | 4     | 00:00 to 23:59",
                "MON 24:01-24:30                               | 24:01      | 4     | 00:00 to 23:59",
                "MON-FRI                                       | ''         | 7     | expected hours such as 08:00-21:00 after the days MON-FRI",
                "MON-FRI ; SAT 09:00-10:00                     | ;          | 8     | expected hours",
                "''                                            | ''         | 0     | empty",
                "'   '                                         | ''         | 3     | empty",
                "SAT-MON 08:00-09:00                           | MON        | 4     | goes backwards",
                "MON 08:00-21:00 TUE 08:00-09:00               | TUE        | 16    | \";\" or the end of the text",
                "SUN closed                                    | closed     | 4     | only a date can be declared closed",
                "2026-02-30 closed                             | 2026-02-30 | 0     | invalid date",
                "2026-12-25 closed; 2026-12-25 09:00-10:00     | 09:00      | 30    | also declared closed at index 11",
                "2026-12-25 09:00-10:00; 2026-12-25 closed     | closed     | 35    | also has hours at index 11",
                "2026-12-25                                    | ''         | 10    | after the date 2026-12-25",
                "MON 08:00-21:00;                              | ''         | 16    | expected a day",
                "MON 08:00-21:00 # weekdays                    | #          | 16    | unexpected character '#'",
                "closed; MON 08:00-09:00                       | ;          | 6     | after \"closed\"",
                "MON 08:00-09:00; closed                       | closed     | 17    | to close one date write YYYY-MM-DD closed",
                "MON 08:00 21:00                               | 21:00      | 10    | expected \"-\"",
                "MON 08:00-                                    | ''         | 10    | expected a time",
                "08:00-21:00                                   | 08:00      | 0     | expected a day",
                "MON, 08:00-21:00                              | 08:00      | 5     | expected a day",
                "12026-01-01 closed                            | 12026      | 0     | expected a day",
            })
    void refusesMalformedTextNamingTheOffendingToken(String text, String token, int index, String problem) {
        assertThatThrownBy(() -> ActiveHours.parse(text, ZONE))
                .isInstanceOfSatisfying(InvalidActiveHoursException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_ACTIVE_HOURS");
                    assertThat(e.token()).isEqualTo(token);
                    assertThat(e.index()).isEqualTo(index);
                    assertThat(e.text()).isEqualTo(text);
                })
                .hasMessageContaining(problem)
                .hasMessageContaining("at index " + index + " of \"" + text + "\"");
    }
}
