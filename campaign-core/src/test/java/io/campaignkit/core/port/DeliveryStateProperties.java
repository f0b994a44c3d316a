package io.campaignkit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Status merges are monotonic, idempotent and independent of the order reports arrive in. */
class DeliveryStateProperties {

    private static final List<DeliveryState> REPORTS = List.of(
            DeliveryState.SENT,
            DeliveryState.DELIVERED,
            DeliveryState.READ,
            DeliveryState.REPLIED,
            DeliveryState.FAILED);

    private static DeliveryState merge(DeliveryState from, List<DeliveryState> reports) {
        DeliveryState state = from;
        for (DeliveryState report : reports) {
            if (state.mayAdvanceTo(report)) {
                state = report;
            }
        }
        return state;
    }

    @Property
    void anyOrderOfReportsWithDuplicatesEndsInTheHighestRank(
            @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 4) Integer> picks,
            @ForAll long shuffleSeed) {
        List<DeliveryState> reports = new ArrayList<>();
        picks.forEach(i -> reports.add(REPORTS.get(i)));
        List<DeliveryState> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        List<DeliveryState> twice = new ArrayList<>(reports);
        twice.addAll(reports);

        DeliveryState expected = reports.stream()
                .max(Comparator.comparingInt(DeliveryState::rank))
                .orElseThrow();
        for (DeliveryState start : List.of(DeliveryState.SENDING, DeliveryState.UNKNOWN, DeliveryState.SENT)) {
            DeliveryState merged = merge(start, reports);
            assertThat(merge(start, shuffled)).isEqualTo(merged);
            assertThat(merge(start, twice)).isEqualTo(merged);
            assertThat(merged).isEqualTo(expected.rank() > start.rank() ? expected : start);
        }
    }

    @Property
    void skippedAndPendingRecipientsAreNeverMovedByReports(
            @ForAll @Size(max = 8) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 4) Integer> picks) {
        List<DeliveryState> reports = picks.stream().map(REPORTS::get).toList();
        assertThat(merge(DeliveryState.SKIPPED, reports)).isEqualTo(DeliveryState.SKIPPED);
        assertThat(merge(DeliveryState.PENDING, reports)).isEqualTo(DeliveryState.PENDING);
    }
}
