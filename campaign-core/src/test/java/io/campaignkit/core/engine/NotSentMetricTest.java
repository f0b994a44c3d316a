package io.campaignkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15, item 7: "not sent" is failed + skipped + unknown, broken down by reason. */
class NotSentMetricTest {

    @Test
    void notSentAddsFailedSkippedAndUnknownAndItsReasonsAddUpToIt() {
        CampaignMetrics metrics = new CampaignMetrics(
                CampaignId.of("c"),
                20,
                1,
                1,
                10,
                9,
                5,
                2,
                3,
                2,
                5,
                8,
                Map.of("OPTED_OUT", 2L, "ALREADY_IN_ACTIVE_CAMPAIGN", 3L),
                Map.of("131026", 2L, "RETRIES_EXHAUSTED", 1L),
                Map.of());

        assertThat(metrics.notSent()).isEqualTo(10);
        assertThat(metrics.notSentByReason())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "OPTED_OUT",
                        2L,
                        "ALREADY_IN_ACTIVE_CAMPAIGN",
                        3L,
                        "131026",
                        2L,
                        "RETRIES_EXHAUSTED",
                        1L,
                        CampaignMetrics.UNKNOWN_OUTCOME,
                        2L));
        assertThat(metrics.notSentByReason().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(metrics.notSent());
    }

    @Test
    void aCampaignThatReachedEveryoneHasNothingNotSent() {
        CampaignMetrics metrics =
                new CampaignMetrics(CampaignId.of("c"), 3, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, Map.of(), Map.of(), Map.of());

        assertThat(metrics.notSent()).isZero();
        assertThat(metrics.notSentByReason()).isEmpty();
    }
}
