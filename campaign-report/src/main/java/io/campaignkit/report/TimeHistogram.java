package io.campaignkit.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts instants per time slot in bounded memory: slots start at one second and grow (×60, then
 * ×24…) whenever there are more than {@link #MAX_SLOTS} of them, so a week-long campaign of a
 * million sends holds a few thousand counters.
 */
final class TimeHistogram {

    static final int MAX_SLOTS = 10_000;
    private static final long[] SLOT_SECONDS = {1, 60, 3600, 86_400, 604_800};

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private int granularity;

    void add(Instant at) {
        counts.merge(slotStart(at.getEpochSecond()), 1L, Long::sum);
        if (counts.size() > MAX_SLOTS && granularity < SLOT_SECONDS.length - 1) {
            granularity++;
            TreeMap<Long, Long> coarser = new TreeMap<>();
            counts.forEach((slot, count) -> coarser.merge(slotStart(slot), count, Long::sum));
            counts.clear();
            counts.putAll(coarser);
        }
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /**
     * The counts regrouped into at most {@code maxBars} equal slots between the first and the last
     * instant, keyed by slot start (epoch seconds), empty slots included.
     */
    Bars bars(int maxBars) {
        if (counts.isEmpty()) {
            return new Bars(Instant.EPOCH, Duration.ofSeconds(1), new long[0]);
        }
        long first = counts.firstKey();
        long last = counts.lastKey() + SLOT_SECONDS[granularity];
        long span = Math.max(1, last - first);
        long barSeconds = Math.max(SLOT_SECONDS[granularity], niceSeconds((span + maxBars - 1) / maxBars));
        int bars = (int) Math.max(1, (span + barSeconds - 1) / barSeconds);
        long[] values = new long[bars];
        for (Map.Entry<Long, Long> slot : counts.entrySet()) {
            int index = (int) Math.min(bars - 1, (slot.getKey() - first) / barSeconds);
            values[index] += slot.getValue();
        }
        return new Bars(Instant.ofEpochSecond(first), Duration.ofSeconds(barSeconds), values);
    }

    /** Rounds a bar width up to one people read easily: 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1 h… */
    private static long niceSeconds(long seconds) {
        long[] nice = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400};
        for (long candidate : nice) {
            if (candidate >= seconds) {
                return candidate;
            }
        }
        return ((seconds + 86_399) / 86_400) * 86_400;
    }

    private long slotStart(long epochSecond) {
        long size = SLOT_SECONDS[granularity];
        return Math.floorDiv(epochSecond, size) * size;
    }

    /** Equal-width bars from {@code start}, {@code width} each. */
    record Bars(Instant start, Duration width, long[] values) {
        long max() {
            long max = 0;
            for (long value : values) {
                max = Math.max(max, value);
            }
            return max;
        }
    }
}
