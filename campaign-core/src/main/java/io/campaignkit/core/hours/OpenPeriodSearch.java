package io.campaignkit.core.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the next opening and closing of {@link ActiveHours}.
 *
 * <p>Time is walked in segments of constant UTC offset, from one zone transition to the next.
 * Inside a segment the wall clock moves exactly with the instant, so the first open (or closed)
 * wall-clock time of the segment, converted back with the segment's offset, is the answer; when
 * the segment has none, the search goes on at the transition. Gaps and overlaps need no special
 * case: a gap's wall-clock times lie in no segment, an overlap's lie in two.
 *
 * <p>Past its last exception date a schedule repeats every week, so nothing new can appear more
 * than a week after the later of the start and the last exception. The search stops at
 * {@link #DAYS_BEYOND_LAST_CHANGE}, two weeks, because a DST gap can hide the only open (or
 * closed) minutes of one week but not of two consecutive ones.
 */
final class OpenPeriodSearch {

    static final int DAYS_BEYOND_LAST_CHANGE = 15;

    private final ActiveHours hours;
    private final ZoneRules rules;

    OpenPeriodSearch(ActiveHours hours) {
        this.hours = hours;
        this.rules = hours.zone().getRules();
    }

    Optional<Instant> nextOpening(Instant from) {
        return search(from, true);
    }

    Optional<Instant> nextClosing(Instant from) {
        return search(from, false);
    }

    private Optional<Instant> search(Instant from, boolean opening) {
        LocalDate horizon = horizonFor(from);
        Instant cursor = from;
        while (true) {
            ZoneOffset offset = rules.getOffset(cursor);
            LocalDateTime wallClock = LocalDateTime.ofInstant(cursor, offset);
            if (wallClock.toLocalDate().isAfter(horizon)) {
                return Optional.empty();
            }
            ZoneOffsetTransition transition = rules.nextTransition(cursor);
            LocalDateTime segmentEnd = transition == null ? null : transition.getDateTimeBefore();
            LocalDateTime found =
                    opening ? firstOpen(wallClock, segmentEnd, horizon) : firstClosed(wallClock, segmentEnd, horizon);
            if (found != null) {
                return Optional.of(found.toInstant(offset));
            }
            if (transition == null) {
                return Optional.empty();
            }
            cursor = transition.getInstant();
        }
    }

    private LocalDate horizonFor(Instant from) {
        LocalDate start = LocalDateTime.ofInstant(from, hours.zone()).toLocalDate();
        LocalDate lastException = hours.lastExceptionDate();
        LocalDate lastChange = lastException != null && lastException.isAfter(start) ? lastException : start;
        return lastChange.plusDays(DAYS_BEYOND_LAST_CHANGE);
    }

    /** The first open wall-clock time at or after {@code from} and before {@code end} (null: unbounded). */
    private @Nullable LocalDateTime firstOpen(LocalDateTime from, @Nullable LocalDateTime end, LocalDate horizon) {
        LocalDate date = from.toLocalDate();
        long nanoOfDay = from.toLocalTime().toNanoOfDay();
        while (true) {
            for (TimeRange range : hours.hoursOn(date)) {
                if (range.endNanoOfDay() > nanoOfDay) {
                    LocalDateTime candidate =
                            date.atStartOfDay().plusNanos(Math.max(range.startNanoOfDay(), nanoOfDay));
                    return isBefore(candidate, end) ? candidate : null;
                }
            }
            date = hours.firstDateWithHoursFrom(date.plusDays(1));
            if (date == null || date.isAfter(horizon) || !isBefore(date.atStartOfDay(), end)) {
                return null;
            }
            nanoOfDay = 0;
        }
    }

    /** The first closed wall-clock time at or after {@code from} and before {@code end} (null: unbounded). */
    private @Nullable LocalDateTime firstClosed(LocalDateTime from, @Nullable LocalDateTime end, LocalDate horizon) {
        LocalDate date = from.toLocalDate();
        long nanoOfDay = from.toLocalTime().toNanoOfDay();
        while (true) {
            TimeRange containing = rangeContaining(hours.hoursOn(date), nanoOfDay);
            LocalDateTime candidate = date.atStartOfDay().plusNanos(nanoOfDay);
            if (containing == null) {
                return isBefore(candidate, end) ? candidate : null;
            }
            if (!containing.endsAtEndOfDay()) {
                // Merged ranges never touch, so the end of one is a closed minute.
                LocalDateTime rangeEnd = date.atStartOfDay().plusNanos(containing.endNanoOfDay());
                return isBefore(rangeEnd, end) ? rangeEnd : null;
            }
            date = date.plusDays(1);
            if (date.isAfter(horizon) || !isBefore(date.atStartOfDay(), end)) {
                return null;
            }
            nanoOfDay = 0;
        }
    }

    private static @Nullable TimeRange rangeContaining(List<TimeRange> ranges, long nanoOfDay) {
        for (TimeRange range : ranges) {
            if (range.containsNanoOfDay(nanoOfDay)) {
                return range;
            }
        }
        return null;
    }

    private static boolean isBefore(LocalDateTime candidate, @Nullable LocalDateTime end) {
        return end == null || candidate.isBefore(end);
    }
}
