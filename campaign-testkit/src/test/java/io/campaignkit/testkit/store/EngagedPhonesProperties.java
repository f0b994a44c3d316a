package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.contact.PhoneNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engaged-phones table against a map: whatever puts and removes come (numbers from a small range, so
 * runs of probed slots form, grow, wrap around the table's end and close again as numbers leave), every
 * answer is the map's, and afterwards every number finds its holder and a released one finds none.
 */
class EngagedPhonesProperties {

    private static final long BASE = 525_510_000_000L;

    record Op(boolean put, long number, int holder) {}

    @Property(tries = 200)
    void answersAsAMapDoesThroughGrowthAndRemoval(@ForAll("ops") List<Op> ops) {
        EngagedPhones table = new EngagedPhones();
        Map<Long, Integer> model = new HashMap<>();
        for (Op op : ops) {
            if (op.put()) {
                Integer before = model.putIfAbsent(op.number(), op.holder());
                assertThat(table.putIfAbsent(op.number(), op.holder()))
                        .isEqualTo(before == null ? EngagedPhones.NONE : before);
            } else {
                boolean held = Integer.valueOf(op.holder()).equals(model.get(op.number()));
                if (held) {
                    model.remove(op.number());
                }
                assertThat(table.remove(op.number(), op.holder())).isEqualTo(held);
            }
        }
        for (long number = BASE; number < BASE + 300; number++) {
            assertThat(table.holderOf(number)).isEqualTo(model.getOrDefault(number, EngagedPhones.NONE));
        }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 4).map(draw -> draw < 3), // three puts to two removes
                        Arbitraries.longs().between(BASE, BASE + 299),
                        Arbitraries.integers().between(0, 2))
                .as(Op::new);
        return op.list().ofMaxSize(1_500);
    }

    @Example
    void aRunThatWrapsAroundTheTablesEndClosesWhenItsFirstNumberLeaves() {
        // three numbers whose home is the last slot of the first table (16 slots): they lie in 15, 0 and 1
        List<Long> lastSlot = new ArrayList<>();
        for (long number = BASE; lastSlot.size() < 3; number++) {
            if (EngagedPhones.slotOf(number, 15) == 15) {
                lastSlot.add(number);
            }
        }
        long homeZero = BASE;
        while (EngagedPhones.slotOf(homeZero, 15) != 0) {
            homeZero++;
        }
        EngagedPhones table = new EngagedPhones();
        for (long number : lastSlot) {
            assertThat(table.putIfAbsent(number, 1)).isEqualTo(EngagedPhones.NONE);
        }
        assertThat(table.putIfAbsent(homeZero, 2)).isEqualTo(EngagedPhones.NONE); // probed on to slot 2

        assertThat(table.remove(lastSlot.get(0), 2))
                .as("held by another campaign")
                .isFalse();
        assertThat(table.remove(lastSlot.get(0), 1)).isTrue();

        assertThat(table.holderOf(lastSlot.get(0))).isEqualTo(EngagedPhones.NONE);
        assertThat(table.holderOf(lastSlot.get(1))).isEqualTo(1);
        assertThat(table.holderOf(lastSlot.get(2))).isEqualTo(1);
        assertThat(table.holderOf(homeZero)).isEqualTo(2);
        assertThat(table.remove(lastSlot.get(2), 1)).isTrue();
        assertThat(table.holderOf(homeZero)).isEqualTo(2);
        assertThat(table.holderOf(lastSlot.get(1))).isEqualTo(1);
    }

    @Example
    void aNumberIsKeyedByItsDigits() {
        assertThat(EngagedPhones.keyOf(PhoneNumber.parse("+5215512345678"))).isEqualTo(525_512_345_678L);
        assertThat(EngagedPhones.keyOf(PhoneNumber.parse("+14155552671"))).isEqualTo(14_155_552_671L);
    }
}
