package io.campaignkit.core.dispatch.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records grants and measures the busiest half-open window. Test helper. */
final class Windows {

    private static final Instant ORIGIN = Instant.parse("2000-01-01T00:00:00Z");

    /** Grant instants as nanoseconds since ORIGIN, with how many permits were granted there. */
    private final List<long[]> grants = new ArrayList<>();

    private int total;

    void record(Instant at, int count) {
        if (count > 0) {
            grants.add(new long[] {Duration.between(ORIGIN, at).toNanos(), count});
            total += count;
        }
    }

    int total() {
        return total;
    }

    /**
     * The most permits granted in any window {@code [g, g + length)}, over every grant instant
     * {@code g} (the busiest window can always be slid to start at a grant). Grants must be
     * recorded in non-decreasing order of instant.
     */
    int busiest(Duration length) {
        long nanos = length.toNanos();
        int max = 0;
        int inWindow = 0;
        int last = 0;
        for (int first = 0; first < grants.size(); first++) {
            while (last < grants.size() && grants.get(last)[0] - grants.get(first)[0] < nanos) {
                inWindow += (int) grants.get(last)[1];
                last++;
            }
            max = Math.max(max, inWindow);
            inWindow -= (int) grants.get(first)[1];
        }
        return max;
    }
}
