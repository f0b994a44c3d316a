package io.campaignkit.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Test
    void rowsBeyondTheirPackedBitsAreStillRemembered() {
        PhoneIndex index = new PhoneIndex();
        assertThat(index.putIfAbsent(525_500_998_877L, Integer.MAX_VALUE)).isEqualTo(-1);
        assertThat(index.putIfAbsent(525_500_998_878L, (1 << 26) - 2)).isEqualTo(-1);
        assertThat(index.putIfAbsent(525_500_998_877L, 3)).isEqualTo(Integer.MAX_VALUE);
        assertThat(index.putIfAbsent(525_500_998_878L, 3)).isEqualTo((1 << 26) - 2);
    }

    @Test
    void refusesWhatIsNotAPhoneNumbersDigitsOrARow() {
        PhoneIndex index = new PhoneIndex();
        assertThatThrownBy(() -> index.putIfAbsent(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.putIfAbsent(1L << 50, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.putIfAbsent(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The packing is only sound if the scramble is a bijection of 50-bit values: no two numbers share a code. */
    @Property(tries = 200)
    void theScrambleNeverMapsTwoNumbersToOneCode(
            @ForAll @LongRange(min = 1, max = 999_999_999_999_999L) long a,
            @ForAll @LongRange(min = 1, max = 999_999_999_999_999L) long b) {
        assertThat(PhoneIndex.scramble(a) == PhoneIndex.scramble(b)).isEqualTo(a == b);
        assertThat(PhoneIndex.scramble(a)).isBetween(0L, (1L << 50) - 1);
    }

    @Property(tries = 200)
    void answersAsAHashSetDoes(@ForAll("phoneDigits") @Size(max = 2_000) List<Long> keys) {
        PhoneIndex index = new PhoneIndex();
        Set<Long> seen = new HashSet<>();
        for (long key : keys) {
            boolean isNew = seen.add(key);
            assertThat(index.putIfAbsent(key, 2) == -1).isEqualTo(isNew);
        }
        assertThat(index.size()).isEqualTo(seen.size());
    }

    @Property(tries = 200)
    void behavesLikeAMapThatKeepsTheFirstValue(
            @ForAll @Size(max = 300) List<@LongRange(min = 1, max = 999_999_999_999_999L) Long> keys) {
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

    /** Numbers as files have them: long shared prefixes, many repeats, a few far apart. */
    @Provide
    Arbitrary<List<Long>> phoneDigits() {
        Arbitrary<Long> mexican = Arbitraries.longs().between(0, 5_000).map(n -> 525_500_000_000L + n);
        Arbitrary<Long> any = Arbitraries.longs().between(1, 999_999_999_999_999L);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, mexican), net.jqwik.api.Tuple.of(1, any))
                .list()
                .ofMaxSize(2_000);
    }
}
