package io.campaignkit.core.hours;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A range of wall-clock time within one day, from {@code start} (inclusive) to {@code end}
 * (exclusive), on whole minutes.
 *
 * <p>It is kept as minutes of the day so that the end of the day, {@code 24:00}, is an ordinary
 * value ({@value #MINUTES_PER_DAY}) that prints and parses back as {@code 24:00}; a
 * {@link LocalTime} cannot hold it. A range never crosses midnight: open late on Monday and early
 * on Tuesday is written as two ranges, {@code MON 20:00-24:00} and {@code TUE 00:00-06:00}, and
 * {@link ActiveHours} treats the two as one open period.
 *
 * @param startMinute the first minute of the day inside the range, from 0 ({@code 00:00}) to 1439
 * @param endMinute the first minute after the range, from {@code startMinute + 1} to 1440
 *     ({@code 24:00})
 */
public record TimeRange(int startMinute, int endMinute) {

    /** Minutes in a day; also the {@link #endMinute()} of a range that ends at {@code 24:00}. */
    public static final int MINUTES_PER_DAY = 24 * 60;

    /** The whole day, {@code 00:00-24:00}. */
    public static final TimeRange ALL_DAY = new TimeRange(0, MINUTES_PER_DAY);

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    public TimeRange {
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
            throw new InvalidArgumentException(
                    "startMinute", "startMinute must be between 0 (00:00) and 1439 (23:59), was " + startMinute);
        }
        if (endMinute <= startMinute || endMinute > MINUTES_PER_DAY) {
            throw new InvalidArgumentException(
                    "endMinute",
                    "endMinute must be after startMinute (" + startMinute
                            + ") and at most 1440 (24:00), was " + endMinute
                            + "; a range cannot cross midnight, split it in two days");
        }
    }

    /**
     * A range between two wall-clock times on whole minutes. An {@code end} of
     * {@link LocalTime#MIDNIGHT} means the end of the day ({@code 24:00}), since a range cannot end
     * before it starts.
     *
     * @throws InvalidArgumentException if a time is null or not on a whole minute, or if
     *     {@code end} is not after {@code start}
     */
    public static TimeRange of(LocalTime start, LocalTime end) {
        int startMinute = minuteOf(start, "start");
        int endMinute = minuteOf(end, "end");
        if (endMinute == 0) {
            endMinute = MINUTES_PER_DAY;
        }
        if (endMinute <= startMinute) {
            throw new InvalidArgumentException(
                    "end",
                    "end " + end + " must be after start " + start
                            + "; a range cannot cross midnight, split it in two days");
        }
        return new TimeRange(startMinute, endMinute);
    }

    /** From {@code start} to the end of the day ({@code 24:00}). */
    public static TimeRange untilEndOfDay(LocalTime start) {
        return new TimeRange(minuteOf(start, "start"), MINUTES_PER_DAY);
    }

    /**
     * Reads the text form {@code HH:MM-HH:MM}, for instance {@code 08:00-21:00} or
     * {@code 20:00-24:00}.
     *
     * @throws InvalidActiveHoursException if the text is not a valid range; the message names the
     *     offending part
     */
    public static TimeRange parse(String text) {
        Arguments.requireNonNull(text, "text");
        return ActiveHoursFormat.parseRange(text);
    }

    /** The first time inside the range. */
    public LocalTime start() {
        return LocalTime.of(startMinute / 60, startMinute % 60);
    }

    /**
     * The first time after the range; {@link LocalTime#MIDNIGHT} when the range ends at
     * {@code 24:00} (see {@link #endsAtEndOfDay()}).
     */
    public LocalTime end() {
        return endsAtEndOfDay() ? LocalTime.MIDNIGHT : LocalTime.of(endMinute / 60, endMinute % 60);
    }

    /** Whether the range runs until the end of the day, {@code 24:00}. */
    public boolean endsAtEndOfDay() {
        return endMinute == MINUTES_PER_DAY;
    }

    /** Whether the wall-clock {@code time} is inside the range (start inclusive, end exclusive). */
    public boolean contains(LocalTime time) {
        return containsNanoOfDay(Arguments.requireNonNull(time, "time").toNanoOfDay());
    }

    /** The text form, {@code HH:MM-HH:MM}, with {@code 24:00} for the end of the day. */
    @Override
    public String toString() {
        return ActiveHoursFormat.formatMinute(startMinute) + "-" + ActiveHoursFormat.formatMinute(endMinute);
    }

    boolean containsNanoOfDay(long nanoOfDay) {
        return nanoOfDay >= startNanoOfDay() && nanoOfDay < endNanoOfDay();
    }

    long startNanoOfDay() {
        return startMinute * NANOS_PER_MINUTE;
    }

    long endNanoOfDay() {
        return endMinute * NANOS_PER_MINUTE;
    }

    /**
     * Sorts the ranges and merges those that overlap or touch, so that one day has one canonical
     * list: {@code 08:00-12:00} and {@code 12:00-14:00} become {@code 08:00-14:00}. In the result
     * every range ends strictly before the next one starts, which is what lets a search treat the
     * end of a range as a closing.
     */
    static List<TimeRange> merge(Collection<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(TimeRange::startMinute));
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange range : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && range.startMinute <= merged.get(last).endMinute) {
                TimeRange previous = merged.get(last);
                merged.set(last, new TimeRange(previous.startMinute, Math.max(previous.endMinute, range.endMinute)));
            } else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }

    private static int minuteOf(LocalTime time, String argument) {
        Arguments.requireNonNull(time, argument);
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new InvalidArgumentException(argument, argument + " must be on a whole minute, was " + time);
        }
        return time.getHour() * 60 + time.getMinute();
    }
}
