package io.campaignkit.core.hours;

import static io.campaignkit.core.hours.ActiveHoursArbitraries.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The search against its definition, on random schedules and instants crowded around DST
 * transitions. Openness can only change at a zone transition or where the wall clock crosses a
 * range boundary, so checking those instants (and the start) checks a whole interval.
 */
class ActiveHoursSearchPropertyTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/Mexico_City"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Madrid"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"), // 30-minute shift
            ZoneId.of("America/Santiago"), // shifts at midnight
            ZoneId.of("Asia/Beirut"), // falls back from midnight into the day before
            ZoneOffset.ofHours(-5));

    private static final Map<ZoneId, List<Instant>> TRANSITIONS = new ConcurrentHashMap<>();

    /** When nothing is found, this much time after the start is checked to be really without one. */
    private static final Duration NOTHING_AHEAD_CHECKED_FOR = Duration.ofDays(60);

    record Case(ActiveHours hours, Instant from) {
        @Override
        public String toString() {
            return hours + " from " + from + " (" + from.atZone(hours.zone()) + ")";
        }
    }

    @Property(tries = 1000)
    void theNextOpeningIsOpenAndNothingBeforeItIs(@ForAll("cases") Case example) {
        ActiveHours hours = example.hours();
        Optional<Instant> opening = hours.nextOpening(example.from());

        if (opening.isPresent()) {
            assertThat(opening.get()).isAfterOrEqualTo(example.from());
            assertThat(hours.isOpenAt(opening.get()))
                    .as("open at %s", opening.get())
                    .isTrue();
            for (Instant boundary : boundaries(hours, example.from(), opening.get())) {
                assertThat(hours.isOpenAt(boundary))
                        .as("closed at %s, before the opening %s", boundary, opening.get())
                        .isFalse();
            }
        } else {
            for (Instant boundary :
                    boundaries(hours, example.from(), example.from().plus(NOTHING_AHEAD_CHECKED_FOR))) {
                assertThat(hours.isOpenAt(boundary))
                        .as("never opens, yet open at %s", boundary)
                        .isFalse();
            }
        }
    }

    @Property(tries = 1000)
    void theNextClosingIsClosedAndEverythingBeforeItIsOpen(@ForAll("cases") Case example) {
        ActiveHours hours = example.hours();
        Optional<Instant> closing = hours.nextClosing(example.from());

        if (closing.isPresent()) {
            assertThat(closing.get()).isAfterOrEqualTo(example.from());
            assertThat(hours.isOpenAt(closing.get()))
                    .as("closed at %s", closing.get())
                    .isFalse();
            for (Instant boundary : boundaries(hours, example.from(), closing.get())) {
                assertThat(hours.isOpenAt(boundary))
                        .as("open at %s, before the closing %s", boundary, closing.get())
                        .isTrue();
            }
        } else {
            for (Instant boundary :
                    boundaries(hours, example.from(), example.from().plus(NOTHING_AHEAD_CHECKED_FOR))) {
                assertThat(hours.isOpenAt(boundary))
                        .as("never closes, yet closed at %s", boundary)
                        .isTrue();
            }
        }
    }

    @Property(tries = 300)
    void anOpeningStartsAPeriodThatLastsAtLeastUntilItsClosing(@ForAll("cases") Case example) {
        ActiveHours hours = example.hours();
        Optional<Instant> opening = hours.nextOpening(example.from());

        opening.ifPresent(start -> hours.nextClosing(start).ifPresent(end -> {
            assertThat(end).isAfter(start);
            hours.nextOpening(end).ifPresent(next -> assertThat(next).isAfter(end));
        }));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Long> nanosAroundTransition = Arbitraries.frequencyOf(
                weighted(2, Arbitraries.just(0L)),
                weighted(1, Arbitraries.just(-1L)),
                weighted(4, Arbitraries.longs().between(-180, 180).map(minutes -> minutes * 60_000_000_000L)),
                weighted(
                        2,
                        Arbitraries.longs().between(-3 * 86_400, 3 * 86_400).map(seconds -> seconds * 1_000_000_000L)),
                weighted(1, Arbitraries.longs().between(-3 * 86_400_000_000_000L, 3 * 86_400_000_000_000L)));
        Arbitrary<Instant> anywhere = Arbitraries.longs()
                .between(
                        Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2040-01-01T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Boolean> nearATransition =
                Arbitraries.frequencyOf(weighted(9, Arbitraries.just(true)), weighted(1, Arbitraries.just(false)));
        return Combinators.combine(
                        Arbitraries.of(ZONES),
                        nearATransition,
                        Arbitraries.integers().greaterOrEqual(0),
                        nanosAroundTransition,
                        anywhere,
                        ActiveHoursArbitraries.shapes())
                .as((zone, near, transitionPick, nanos, somewhere, shape) -> {
                    List<Instant> transitions =
                            TRANSITIONS.computeIfAbsent(zone, any -> transitionsOf(zone.getRules()));
                    Instant from = near && !transitions.isEmpty()
                            ? transitions
                                    .get(transitionPick % transitions.size())
                                    .plusNanos(nanos)
                            : somewhere;
                    return new Case(shape.build(zone, LocalDate.ofInstant(from, zone)), from);
                });
    }

    private static List<Instant> transitionsOf(ZoneRules rules) {
        List<Instant> transitions = new ArrayList<>();
        for (ZoneOffsetTransition transition : rules.getTransitions()) {
            if (transition.getInstant().isAfter(Instant.parse("1900-01-01T00:00:00Z"))) {
                transitions.add(transition.getInstant());
            }
        }
        for (int year = 2024; year <= 2032; year++) {
            for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
                transitions.add(rule.createTransition(year).getInstant());
            }
        }
        return transitions;
    }

    /**
     * {@code from} and every instant in {@code (from, to)} where openness may change: the zone's
     * transitions, and each range start and end on the wall clock, at each offset valid there.
     */
    static NavigableSet<Instant> boundaries(ActiveHours hours, Instant from, Instant to) {
        ZoneRules rules = hours.zone().getRules();
        TreeSet<Instant> boundaries = new TreeSet<>();
        boundaries.add(from);
        for (ZoneOffsetTransition transition = rules.nextTransition(from);
                transition != null && transition.getInstant().isBefore(to);
                transition = rules.nextTransition(transition.getInstant())) {
            boundaries.add(transition.getInstant());
        }
        LocalDate last = LocalDate.ofInstant(to, hours.zone()).plusDays(2);
        for (LocalDate date = LocalDate.ofInstant(from, hours.zone()).minusDays(2);
                !date.isAfter(last);
                date = date.plusDays(1)) {
            for (TimeRange range : hours.hoursOn(date)) {
                for (int minute : new int[] {range.startMinute(), range.endMinute()}) {
                    LocalDateTime wallClock = date.atStartOfDay().plusMinutes(minute);
                    for (ZoneOffset offset : rules.getValidOffsets(wallClock)) {
                        Instant instant = wallClock.toInstant(offset);
                        if (instant.isAfter(from) && instant.isBefore(to)) {
                            boundaries.add(instant);
                        }
                    }
                }
            }
        }
        return boundaries.headSet(to, false);
    }
}
