package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PostgreSQL statistics are refreshed when a campaign's recipients pass each power of ten from 1,000. */
class StatisticsMarkTest {

    @Test
    void aBatchThatReachesTheThousandthRecipientOrATenfoldOfItIsAMark() {
        assertThat(RecipientInserts.crossedStatisticsMark(0, 499)).isFalse();
        assertThat(RecipientInserts.crossedStatisticsMark(500, 999))
                .as("sequence 999 is the 1,000th recipient")
                .isTrue();
        assertThat(RecipientInserts.crossedStatisticsMark(1000, 1499)).isFalse();
        assertThat(RecipientInserts.crossedStatisticsMark(9_500, 9_999)).isTrue();
        assertThat(RecipientInserts.crossedStatisticsMark(99_900, 100_100)).isTrue();
        assertThat(RecipientInserts.crossedStatisticsMark(100_000, 100_999)).isFalse();
        assertThat(RecipientInserts.crossedStatisticsMark(999_500, 999_999)).isTrue();
    }
}
