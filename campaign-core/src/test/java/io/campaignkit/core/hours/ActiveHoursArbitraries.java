package io.campaignkit.core.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Random schedules for the properties, biased towards midnight and the hours where clocks change.
 * Built without {@code flatMap}, which is slow to generate and to shrink.
 */
final class ActiveHoursArbitraries {

    /** Minutes where DST transitions happen (00:00 to 03:00) and the ends of the day. */
    private static final List<Integer> INTERESTING_MINUTES =
            List.of(0, 30, 60, 90, 120, 150, 180, 1380, 1410, 1439, 1440);

    private ActiveHoursArbitraries() {}

    /**
     * A schedule with its exception dates relative to a day, so the dates can be placed near an
     * instant generated separately.
     */
    record Shape(List<List<TimeRange>> week, List<Map.Entry<Integer, List<TimeRange>>> exceptions) {

        ActiveHours build(ZoneId zone, LocalDate around) {
            ActiveHours.Builder builder = ActiveHours.builder(zone);
            for (DayOfWeek day : DayOfWeek.values()) {
                List<TimeRange> ranges = week.get(day.ordinal());
                if (!ranges.isEmpty()) {
                    builder.on(day, ranges.toArray(TimeRange[]::new));
                }
            }
            Map<LocalDate, List<TimeRange>> byDate = new TreeMap<>();
            exceptions.forEach(entry -> byDate.put(around.plusDays(entry.getKey()), entry.getValue()));
            byDate.forEach((date, ranges) -> {
                if (ranges.isEmpty()) {
                    builder.closedOn(date);
                } else {
                    builder.exception(date, ranges.toArray(TimeRange[]::new));
                }
            });
            return builder.build();
        }
    }

    static Arbitrary<TimeRange> timeRanges() {
        Arbitrary<Integer> starts = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.integers().between(0, TimeRange.MINUTES_PER_DAY - 1)),
                weighted(2, Arbitraries.of(INTERESTING_MINUTES.subList(0, INTERESTING_MINUTES.size() - 1))));
        Arbitrary<Integer> ends = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.integers().between(1, TimeRange.MINUTES_PER_DAY)),
                weighted(1, Arbitraries.just(TimeRange.MINUTES_PER_DAY)),
                weighted(2, Arbitraries.of(INTERESTING_MINUTES)));
        return Combinators.combine(starts, ends)
                .as((start, end) -> end > start
                        ? new TimeRange(start, end)
                        // fold an end that came out too early into the minutes after the start
                        : new TimeRange(start, start + 1 + (start - end) % (TimeRange.MINUTES_PER_DAY - start)));
    }

    /** The ranges of one day: often none, sometimes the whole day, else one to three ranges. */
    static Arbitrary<List<TimeRange>> dayRanges() {
        return Arbitraries.frequencyOf(
                weighted(3, Arbitraries.just(List.<TimeRange>of())),
                weighted(1, Arbitraries.just(List.of(TimeRange.ALL_DAY))),
                weighted(6, timeRanges().list().ofMinSize(1).ofMaxSize(3)));
    }

    static Arbitrary<List<List<TimeRange>>> weeks() {
        List<List<TimeRange>> closedWeek = new ArrayList<>();
        List<List<TimeRange>> openWeek = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            closedWeek.add(List.of());
            openWeek.add(List.of(TimeRange.ALL_DAY));
        }
        return Arbitraries.frequencyOf(
                weighted(8, dayRanges().list().ofSize(7)),
                weighted(1, Arbitraries.just(closedWeek)),
                weighted(1, Arbitraries.just(openWeek)));
    }

    /** Up to four exceptions, from three days before the reference day to three weeks after it. */
    static Arbitrary<Shape> shapes() {
        Arbitrary<List<Map.Entry<Integer, List<TimeRange>>>> exceptions = Combinators.combine(
                        Arbitraries.integers().between(-3, 21), dayRanges())
                .as(Map::entry)
                .list()
                .ofMaxSize(4);
        return Combinators.combine(weeks(), exceptions).as(Shape::new);
    }

    /** A weighted choice for {@code Arbitraries.frequencyOf}. */
    static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }
}
