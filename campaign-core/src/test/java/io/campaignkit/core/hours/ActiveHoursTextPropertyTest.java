package io.campaignkit.core.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The text form round-trips, and every way of writing a schedule prints the one canonical form. */
class ActiveHoursTextPropertyTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    @Property(tries = 500)
    void printingThenParsingGivesTheSameSchedule(@ForAll("schedules") ActiveHours hours) {
        String text = hours.toText();

        ActiveHours parsed = ActiveHours.parse(text, hours.zone());

        assertThat(parsed).isEqualTo(hours);
        assertThat(parsed.toText()).isEqualTo(text);
    }

    @Property(tries = 500)
    void anyWayOfWritingASchedulePrintsItsCanonicalForm(@ForAll("schedules") ActiveHours hours, @ForAll Random random) {
        String messy = messyText(hours, random);

        ActiveHours parsed = ActiveHours.parse(messy, ZONE);

        assertThat(parsed).as("parsed from %s", messy).isEqualTo(hours);
        assertThat(parsed.toText()).isEqualTo(hours.toText());
    }

    @Provide
    Arbitrary<ActiveHours> schedules() {
        // four-digit years only; the edges of that range included
        Arbitrary<LocalDate> around = Arbitraries.frequencyOf(
                ActiveHoursArbitraries.weighted(
                        8, Arbitraries.integers().between(1990, 2100).map(year -> LocalDate.of(year, 6, 15))),
                ActiveHoursArbitraries.weighted(1, Arbitraries.just(LocalDate.of(0, 1, 4))),
                ActiveHoursArbitraries.weighted(1, Arbitraries.just(LocalDate.of(9999, 12, 10))));
        return Combinators.combine(ActiveHoursArbitraries.shapes(), around)
                .as((shape, date) -> shape.build(ZONE, date));
    }

    /**
     * The same schedule written one day and one range per entry, entries shuffled, ranges split
     * into touching pieces, names in random case and blanks everywhere tokens allow them.
     */
    private static String messyText(ActiveHours hours, Random random) {
        List<String> entries = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (TimeRange range : hours.weeklyHours(day)) {
                for (TimeRange piece : split(range, random)) {
                    entries.add(
                            randomCase(day.name().substring(0, 3), random) + blanks(random, 1) + messy(piece, random));
                }
            }
        }
        hours.exceptions().forEach((date, ranges) -> {
            if (ranges.isEmpty()) {
                entries.add(date + blanks(random, 1) + randomCase("closed", random));
            }
            for (TimeRange range : ranges) {
                for (TimeRange piece : split(range, random)) {
                    entries.add(date + blanks(random, 1) + messy(piece, random));
                }
            }
        });
        if (entries.isEmpty()) {
            return blanks(random, 0) + randomCase("closed", random) + blanks(random, 0);
        }
        Collections.shuffle(entries, random);
        return blanks(random, 0)
                + String.join(blanks(random, 0) + ";" + blanks(random, 0), entries)
                + blanks(random, 0);
    }

    private static List<TimeRange> split(TimeRange range, Random random) {
        int length = range.endMinute() - range.startMinute();
        if (length < 2 || random.nextBoolean()) {
            return List.of(range);
        }
        int cut = range.startMinute() + 1 + random.nextInt(length - 1);
        return List.of(new TimeRange(cut, range.endMinute()), new TimeRange(range.startMinute(), cut));
    }

    private static String messy(TimeRange range, Random random) {
        return ActiveHoursFormat.formatMinute(range.startMinute()) + blanks(random, 0) + "-" + blanks(random, 0)
                + ActiveHoursFormat.formatMinute(range.endMinute());
    }

    private static String randomCase(String word, Random random) {
        return random.nextBoolean() ? word.toLowerCase(Locale.ROOT) : word.toUpperCase(Locale.ROOT);
    }

    private static String blanks(Random random, int atLeast) {
        return " \t ".substring(0, atLeast + random.nextInt(3 - atLeast));
    }
}
