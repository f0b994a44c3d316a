package io.campaignkit.core.hours;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * When a campaign may send: a weekly schedule of wall-clock {@link TimeRange}s per day of the
 * week, in a time zone, with exceptions for particular dates (closed all day, or other hours that
 * day). Immutable and thread-safe; equal schedules are {@link #equals equal}.
 *
 * <pre>{@code
 * ActiveHours hours = ActiveHours.builder(ZoneId.of("America/Mexico_City"))
 *         .on(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(8, 0), LocalTime.of(21, 0))
 *         .on(SATURDAY, LocalTime.of(9, 0), LocalTime.of(14, 0))
 *         .closedOn(LocalDate.of(2026, 12, 25))
 *         .exception(LocalDate.of(2026, 12, 24), TimeRange.parse("09:00-13:00"))
 *         .build();
 * // the same, from its text form:
 * ActiveHours.parse("MON-FRI 08:00-21:00; SAT 09:00-14:00; 2026-12-24 09:00-13:00; 2026-12-25 closed",
 *         ZoneId.of("America/Mexico_City"));
 * }</pre>
 *
 * <h2>What "open" means</h2>
 * An instant is open when the wall clock of the zone, at that instant, shows a date and a time
 * inside one of that date's ranges: the date's exception if it has one, else the weekly ranges of
 * its day of the week. Ranges include their start and exclude their end. This one rule decides
 * every case around daylight saving time, on purpose:
 * <ul>
 *   <li><b>Gap</b> (clocks spring forward): wall-clock times in the gap never happen, so they are
 *       never open. A range that starts inside the gap opens at the first instant after it (a
 *       range {@code 02:30-04:00} on the day New York jumps from 02:00 to 03:00 opens at 03:00
 *       EDT); a range that lies entirely inside the gap ({@code 02:00-03:00} that day) does not
 *       open that day at all.</li>
 *   <li><b>Overlap</b> (clocks fall back): wall-clock times in the overlap happen twice, and the
 *       schedule is open during both occurrences when the time is inside a range. A range
 *       {@code 01:00-01:30} on the day New York falls back from 02:00 to 01:00 is open for an hour
 *       in total.</li>
 *   <li><b>Midnight</b>: a range may end at {@code 24:00}. {@code MON 20:00-24:00} and
 *       {@code TUE 00:00-06:00} form one open period: {@link #nextClosing} in it answers Tuesday
 *       06:00.</li>
 * </ul>
 * Overlapping or touching ranges of one day are merged when the schedule is built
 * ({@code 08:00-12:00} plus {@code 12:00-14:00} is {@code 08:00-14:00}), so a schedule has one
 * canonical form. Days of the week without ranges are closed.
 *
 * <h2>Searching</h2>
 * {@link #nextOpening(Instant)} answers "from when may I send?" and {@link #nextClosing(Instant)}
 * "until when may I send?": when open at {@code t}, sending may go on in
 * {@code [t, nextClosing(t))}, and when closed, nothing is sent before {@code nextOpening(t)}.
 * Answers are exact to the nanosecond ({@code t} itself when it already qualifies). Both always
 * terminate, however sparse the schedule: past its last exception a schedule repeats every week,
 * so the search stops two weeks after the later of {@code t} and the last exception date and
 * answers empty. A usual schedule is answered after looking at a day or two; an opening on a
 * lone exception date years ahead is found directly, while a closing years ahead (an always-open
 * week with one closed date) costs a step per day until it.
 *
 * <h2>Text form</h2>
 * {@link #toText()} and {@link #parse(String, ZoneId)} use a compact form without the zone:
 * entries separated by {@code ; }, each either days and ranges ({@code MON-FRI 08:00-13:00,15:00-19:00},
 * {@code MON,WED 09:00-12:00}) or a date and its ranges or {@code closed}
 * ({@code 2026-12-24 09:00-13:00}, {@code 2026-12-25 closed}). A schedule that never opens is
 * {@code closed}. See {@link #parse(String, ZoneId)} for the grammar.
 */
public final class ActiveHours {

    /** The zone of the {@linkplain #ofDefaults() default hours}: UTC-05:00, as SmartChat documents. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.ofHours(-5);

    /** The daily range of the {@linkplain #ofDefaults() default hours}: 08:00-21:00. */
    public static final TimeRange DEFAULT_DAILY_RANGE = new TimeRange(8 * 60, 21 * 60);

    // LocalDateTime cannot hold every Instant; a year of margin keeps the search's date arithmetic safe.
    private static final Instant EARLIEST_SUPPORTED =
            LocalDate.MIN.plusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LATEST_SUPPORTED =
            LocalDate.MAX.minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private static final ActiveHours DEFAULTS = builder(DEFAULT_ZONE)
            .on(EnumSet.allOf(DayOfWeek.class), DEFAULT_DAILY_RANGE)
            .build();

    private final ZoneId zone;
    /** The zone's rules, got once: a fixed offset makes new rules (with a cache map) on every {@code getRules()}. */
    private final ZoneRules rules;

    private final Map<DayOfWeek, List<TimeRange>> weekly;
    private final SortedMap<LocalDate, List<TimeRange>> exceptions;
    private final OpenPeriodSearch search;

    private ActiveHours(Builder builder) {
        this.zone = builder.zone;
        this.rules = zone.getRules();
        EnumMap<DayOfWeek, List<TimeRange>> weeklyCopy = new EnumMap<>(DayOfWeek.class);
        builder.weekly.forEach((day, ranges) -> weeklyCopy.put(day, TimeRange.merge(ranges)));
        this.weekly = Collections.unmodifiableMap(weeklyCopy);
        TreeMap<LocalDate, List<TimeRange>> exceptionsCopy = new TreeMap<>();
        builder.exceptions.forEach((date, ranges) -> exceptionsCopy.put(date, TimeRange.merge(ranges)));
        this.exceptions = Collections.unmodifiableSortedMap(exceptionsCopy);
        this.search = new OpenPeriodSearch(this);
    }

    /** Starts a schedule in {@code zone}; it is closed until ranges are added. */
    public static Builder builder(ZoneId zone) {
        return new Builder(Arguments.requireNonNull(zone, "zone"));
    }

    /**
     * The default hours of a new campaign, as the SmartChat documentation states them: every day
     * 08:00-21:00 at UTC-05:00 ({@link #DEFAULT_DAILY_RANGE} in {@link #DEFAULT_ZONE}).
     */
    public static ActiveHours ofDefaults() {
        return DEFAULTS;
    }

    /** Open all the time, every day {@code 00:00-24:00} in {@code zone}. */
    public static ActiveHours alwaysOpen(ZoneId zone) {
        return builder(zone)
                .on(EnumSet.allOf(DayOfWeek.class), TimeRange.ALL_DAY)
                .build();
    }

    /**
     * Reads the text form; {@code parse(hours.toText(), hours.zone())} equals {@code hours}.
     *
     * <pre>
     * text    = "closed" | entry *( ";" entry )
     * entry   = days ranges | date ( ranges | "closed" )
     * days    = dayspan *( "," dayspan )          e.g. MON-FRI,SUN
     * dayspan = day [ "-" day ]                    day = MON | TUE | WED | THU | FRI | SAT | SUN
     * ranges  = range *( "," range )               e.g. 08:00-13:00,15:00-19:00
     * range   = time "-" time                      time = HH:MM, 00:00 to 23:59, or 24:00 as an end
     * date    = YYYY-MM-DD
     * </pre>
     * Day names and {@code closed} are read in any case; blanks between tokens are ignored. Day
     * spans go forward from Monday to Sunday ({@code SAT-MON} is refused: write {@code MON,SAT-SUN}).
     * A day named in several entries gets the ranges of all of them; so does a date. Days not
     * named are closed; a day cannot be declared {@code closed} (that would read as an override
     * that it is not), only a date can.
     *
     * @throws InvalidActiveHoursException (code {@code INVALID_ACTIVE_HOURS}) naming the offending
     *     token and its index when the text is malformed
     * @throws InvalidArgumentException if {@code text} or {@code zone} is null
     */
    public static ActiveHours parse(String text, ZoneId zone) {
        Arguments.requireNonNull(text, "text");
        Arguments.requireNonNull(zone, "zone");
        return ActiveHoursFormat.parse(text, zone);
    }

    /** The zone whose wall clock the ranges are read on. */
    public ZoneId zone() {
        return zone;
    }

    /** The weekly ranges of the days that have any, merged and sorted; other days are closed. */
    public Map<DayOfWeek, List<TimeRange>> weeklyHours() {
        return weekly;
    }

    /** The weekly ranges of {@code day}, merged and sorted; empty when the day is closed. */
    public List<TimeRange> weeklyHours(DayOfWeek day) {
        return weekly.getOrDefault(Arguments.requireNonNull(day, "day"), List.of());
    }

    /**
     * The dates whose hours replace the weekly ones, in date order, with their ranges; an empty
     * list means closed that date.
     */
    public SortedMap<LocalDate, List<TimeRange>> exceptions() {
        return exceptions;
    }

    /** The ranges that apply on {@code date}: its exception if it has one, else its weekly ranges. */
    public List<TimeRange> hoursOn(LocalDate date) {
        Arguments.requireNonNull(date, "date");
        List<TimeRange> exception = exceptions.get(date);
        return exception != null ? exception : weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** The same hours read on the wall clock of another zone. */
    public ActiveHours withZone(ZoneId otherZone) {
        Arguments.requireNonNull(otherZone, "otherZone");
        Builder builder = builder(otherZone);
        builder.weekly.putAll(weekly);
        builder.exceptions.putAll(exceptions);
        return builder.build();
    }

    /** Whether sending is allowed at {@code instant}; see the class description for DST. */
    public boolean isOpenAt(Instant instant) {
        requireSupported(instant, "instant");
        return isOpenOnWallClock(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), rules.getOffset(instant)));
    }

    /**
     * The earliest instant at or after {@code from} at which the schedule is open: {@code from}
     * itself when open then, else the start of the next open period (after a spring-forward gap,
     * the first instant after the gap). Empty when the schedule never opens again.
     */
    public Optional<Instant> nextOpening(Instant from) {
        return search.nextOpening(requireSupported(from, "from"));
    }

    /**
     * The earliest instant at or after {@code from} at which the schedule is closed: when open at
     * {@code from}, the end of the open period that contains it (an open period runs on across
     * midnight when one day's range ends at {@code 24:00} and the next day's starts at
     * {@code 00:00}); when closed at {@code from}, {@code from} itself. Empty when the schedule
     * never closes again (open all day every day, with no exception ahead).
     */
    public Optional<Instant> nextClosing(Instant from) {
        return search.nextClosing(requireSupported(from, "from"));
    }

    /**
     * The canonical text form, without the zone: weekly entries first, days with the same ranges
     * grouped and consecutive days written as spans ({@code MON-FRI}), groups ordered by their
     * first day; then exceptions in date order. A schedule with no range and no exception is
     * {@code closed}.
     */
    public String toText() {
        return ActiveHoursFormat.format(this);
    }

    private boolean isOpenOnWallClock(LocalDateTime wallClock) {
        long nanoOfDay = wallClock.toLocalTime().toNanoOfDay();
        for (TimeRange range : hoursOn(wallClock.toLocalDate())) {
            if (range.containsNanoOfDay(nanoOfDay)) {
                return true;
            }
        }
        return false;
    }

    private static Instant requireSupported(Instant instant, String argument) {
        Arguments.requireNonNull(instant, argument);
        // asked at every run of the engine: the message is made only when it is thrown
        if (instant.isBefore(EARLIEST_SUPPORTED) || instant.isAfter(LATEST_SUPPORTED)) {
            throw new InvalidArgumentException(
                    argument,
                    argument + " must be between " + EARLIEST_SUPPORTED + " and " + LATEST_SUPPORTED + ", was "
                            + instant);
        }
        return instant;
    }

    /** The first date on or after {@code date} that has any range, or null if there is none. */
    @Nullable
    LocalDate firstDateWithHoursFrom(LocalDate date) {
        if (weekly.isEmpty()) {
            for (Map.Entry<LocalDate, List<TimeRange>> exception :
                    exceptions.tailMap(date).entrySet()) {
                if (!exception.getValue().isEmpty()) {
                    return exception.getKey();
                }
            }
            return null;
        }
        // Terminates: exceptions are finite and some day of every week has weekly ranges.
        LocalDate candidate = date;
        while (hoursOn(candidate).isEmpty()) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The last exception date, or null when there is none. */
    @Nullable
    LocalDate lastExceptionDate() {
        return exceptions.isEmpty() ? null : exceptions.lastKey();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActiveHours that
                && zone.equals(that.zone)
                && weekly.equals(that.weekly)
                && exceptions.equals(that.exceptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weekly, exceptions);
    }

    @Override
    public String toString() {
        return "ActiveHours[" + toText() + " in " + zone + "]";
    }

    /**
     * Builds {@link ActiveHours}. Ranges added for the same day (or the same exception date)
     * accumulate and are merged; a date is either closed or has exception hours, never both.
     * Exception dates have four-digit years, as the text form writes them. Not thread-safe; each
     * call validates its arguments at once and names the one it refuses.
     */
    public static final class Builder {

        private final ZoneId zone;
        private final EnumMap<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        private final TreeMap<LocalDate, List<TimeRange>> exceptions = new TreeMap<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /** Opens {@code day} from {@code from} to {@code to}; a {@code to} of 00:00 means 24:00. */
        public Builder on(DayOfWeek day, LocalTime from, LocalTime to) {
            return on(day, TimeRange.of(from, to));
        }

        /** Opens each of {@code days} from {@code from} to {@code to}; a {@code to} of 00:00 means 24:00. */
        public Builder on(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
            return on(days, TimeRange.of(from, to));
        }

        /** Opens {@code day} during each of {@code ranges}. */
        public Builder on(DayOfWeek day, TimeRange... ranges) {
            Arguments.requireNonNull(day, "day");
            return on(EnumSet.of(day), ranges);
        }

        /** Opens each of {@code days} during each of {@code ranges}. */
        public Builder on(Set<DayOfWeek> days, TimeRange... ranges) {
            Arguments.requireNoNullElements(days, "days");
            List<TimeRange> checked = requireRanges(ranges);
            Arguments.require(!days.isEmpty(), "days", "days must not be empty");
            for (DayOfWeek day : days) {
                weekly.computeIfAbsent(day, any -> new ArrayList<>()).addAll(checked);
            }
            return this;
        }

        /** Opens every day of the week from {@code from} to {@code to}. */
        public Builder everyDay(LocalTime from, LocalTime to) {
            return on(EnumSet.allOf(DayOfWeek.class), from, to);
        }

        /**
         * Closes {@code date} all day, whatever its weekly hours.
         *
         * @throws InvalidArgumentException if {@code date} already has exception hours, or its
         *     year does not have four digits
         */
        public Builder closedOn(LocalDate date) {
            requireDate(date);
            List<TimeRange> existing = exceptions.get(date);
            Arguments.require(
                    existing == null || existing.isEmpty(),
                    "date",
                    "date " + date + " already has exception hours " + existing + "; it cannot also be closed");
            exceptions.put(date, List.of());
            return this;
        }

        /** Opens {@code date} from {@code from} to {@code to} instead of its weekly hours. */
        public Builder exception(LocalDate date, LocalTime from, LocalTime to) {
            return exception(date, TimeRange.of(from, to));
        }

        /**
         * Opens {@code date} during {@code ranges} instead of its weekly hours.
         *
         * @throws InvalidArgumentException if {@code date} was declared closed, or its year does
         *     not have four digits, or no range is given (use {@link #closedOn} to close a date)
         */
        public Builder exception(LocalDate date, TimeRange... ranges) {
            requireDate(date);
            List<TimeRange> checked = requireRanges(ranges);
            List<TimeRange> existing = exceptions.get(date);
            Arguments.require(
                    existing == null || !existing.isEmpty(),
                    "date",
                    "date " + date + " is declared closed; it cannot also have exception hours");
            exceptions.computeIfAbsent(date, any -> new ArrayList<>()).addAll(checked);
            return this;
        }

        public ActiveHours build() {
            return new ActiveHours(this);
        }

        private static List<TimeRange> requireRanges(TimeRange[] ranges) {
            Arguments.requireNonNull(ranges, "ranges");
            Arguments.require(ranges.length > 0, "ranges", "ranges must not be empty");
            return List.copyOf(Arguments.requireNoNullElements(Arrays.asList(ranges), "ranges"));
        }

        // The text form writes years with four digits; other years could not round-trip.
        private static void requireDate(LocalDate date) {
            Arguments.requireNonNull(date, "date");
            Arguments.require(
                    date.getYear() >= 0 && date.getYear() <= 9999,
                    "date",
                    "date must have a four-digit year (0000 to 9999), was " + date);
        }
    }
}
