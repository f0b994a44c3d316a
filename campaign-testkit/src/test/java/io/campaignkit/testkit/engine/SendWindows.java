package io.campaignkit.testkit.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Counting sends in sliding windows. */
final class SendWindows {

    private SendWindows() {}

    /** The most instants in any half-open window {@code [t, t + window)}. */
    static int maxInAnyWindow(List<Instant> instants, Duration window) {
        List<Instant> sorted = new ArrayList<>(instants);
        Collections.sort(sorted);
        int max = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (!sorted.get(start).plus(window).isAfter(sorted.get(end))) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
