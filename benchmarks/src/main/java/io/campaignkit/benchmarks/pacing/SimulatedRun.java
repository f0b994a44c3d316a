package io.campaignkit.benchmarks.pacing;

import io.campaignkit.core.dispatch.pacing.SendPacer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A time-driven runner on a simulated clock, as the engine will run: take every permit available
 * now, jump to {@link SendPacer#nextPermitAt(Instant)}, repeat until the end. Optionally keeps
 * the grant instants to measure the busiest one-second window.
 */
final class SimulatedRun {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private SimulatedRun() {}

    /** The permits granted in {@code [START, START + length)}. */
    static long count(SendPacer pacer, Duration length) {
        Instant end = START.plus(length);
        long granted = 0;
        for (Instant now = START; now.isBefore(end); now = pacer.nextPermitAt(now)) {
            granted += pacer.tryAcquire(Integer.MAX_VALUE, now);
        }
        return granted;
    }

    /** The figures of one run: permits granted, and the most in any window {@code [g, g + 1 s)}. */
    record Figures(long granted, long busiestSecond, long wakeUps) {}

    static Figures measure(SendPacer pacer, Duration length) {
        Instant end = START.plus(length);
        long[] instants = new long[1024];
        int[] counts = new int[1024];
        int size = 0;
        long wakeUps = 0;
        for (Instant now = START; now.isBefore(end); now = pacer.nextPermitAt(now)) {
            int granted = pacer.tryAcquire(Integer.MAX_VALUE, now);
            wakeUps++;
            if (granted > 0) {
                if (size == instants.length) {
                    instants = Arrays.copyOf(instants, size * 2);
                    counts = Arrays.copyOf(counts, size * 2);
                }
                instants[size] = Duration.between(START, now).toNanos();
                counts[size++] = granted;
            }
        }
        long second = Duration.ofSeconds(1).toNanos();
        long total = 0;
        long busiest = 0;
        long inWindow = 0;
        int last = 0;
        for (int first = 0; first < size; first++) {
            while (last < size && instants[last] - instants[first] < second) {
                inWindow += counts[last++];
            }
            busiest = Math.max(busiest, inWindow);
            inWindow -= counts[first];
            total += counts[first];
        }
        return new Figures(total, busiest, wakeUps);
    }
}
