package io.campaignkit.core.port.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How counter values add up, and the order in which a store must lock counter rows. */
class CounterArithmeticTest {

    private static final CampaignId FIRST = CampaignId.of("a-campaign");
    private static final CampaignId SECOND = CampaignId.of("b-campaign");

    @Test
    void plusAddsEveryNumber() {
        assertThat(new CounterValues(1, 2, 3, 4).plus(new CounterValues(10, 20, 30, 40)))
                .isEqualTo(new CounterValues(11, 22, 33, 44));
        assertThat(new CounterValues(1, 1, 1, 1)
                        .plus(new CounterValues(-1, -1, -1, -1))
                        .isZero())
                .isTrue();
    }

    @Test
    void countsAddTheTimesOfEveryCounter() {
        RecipientCounts counts = RecipientCounting.counts(Map.of(
                new CounterKey(FIRST, DeliveryState.READ, CounterKey.NO_CODE), new CounterValues(3, 3, 3, 3),
                new CounterKey(FIRST, DeliveryState.REPLIED, CounterKey.NO_CODE), new CounterValues(2, 2, 2, 2),
                new CounterKey(FIRST, DeliveryState.DELIVERED, CounterKey.NO_CODE), new CounterValues(4, 4, 4, 0)));

        assertThat(counts.total()).isEqualTo(9);
        assertThat(counts.accepted()).isEqualTo(9);
        assertThat(counts.delivered()).isEqualTo(9);
        assertThat(counts.read()).isEqualTo(5);
    }

    @Test
    void countersAreOrderedByCampaignThenStateThenCodeAsADatabaseKeyIs() {
        CounterKey secondPending = new CounterKey(SECOND, DeliveryState.PENDING, CounterKey.NO_CODE);
        CounterKey firstSkippedGone = new CounterKey(FIRST, DeliveryState.SKIPPED, "GONE");
        CounterKey firstSkippedBusy = new CounterKey(FIRST, DeliveryState.SKIPPED, "CONTACT_BUSY");
        CounterKey firstFailed = new CounterKey(FIRST, DeliveryState.FAILED, "REJECTED");
        List<CounterKey> keys =
                new ArrayList<>(List.of(secondPending, firstSkippedGone, firstSkippedBusy, firstFailed));

        keys.sort(null);

        assertThat(keys).containsExactly(firstFailed, firstSkippedBusy, firstSkippedGone, secondPending);
    }
}
