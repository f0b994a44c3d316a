package io.campaignkit.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PhoneIndexTest {

    @Test
    void remembersTheFirstRowOfEachNumberAcrossGrowth() {
        PhoneIndex index = new PhoneIndex();
        for (int row = 2; row < 200_002; row++) {
            assertThat(index.putIfAbsent(525_500_000_000L + row * 7L, row)).isEqualTo(-1);
        }
        assertThat(index.size()).isEqualTo(200_000);
        assertThat(index.putIfAbsent(525_500_000_000L + 2 * 7L, 999_999)).isEqualTo(2);
        assertThat(index.putIfAbsent(525_500_000_000L + 200_001 * 7L, 999_999)).isEqualTo(200_001);
    }

    @Test
    void keysAreTheDigitsOfTheE164Form() {
        assertThat(PhoneIndex.key("+525500998877")).isEqualTo(525_500_998_877L);
        assertThat(PhoneIndex.key("+999999999999999")).isEqualTo(999_999_999_999_999L);
    }

    @Property(tries = 200)
    void behavesLikeAMapThatKeepsTheFirstValue(
            @ForAll @Size(max = 300) java.util.List<@LongRange(min = 1, max = 999_999_999_999_999L) Long> keys) {
        PhoneIndex index = new PhoneIndex();
        Map<Long, Integer> model = new HashMap<>();
        int row = 0;
        for (long key : keys) {
            row++;
            Integer expected = model.putIfAbsent(key, row);
            assertThat(index.putIfAbsent(key, row)).isEqualTo(expected == null ? -1 : expected);
        }
        assertThat(index.size()).isEqualTo(model.size());
    }
}
