package io.campaignkit.testkit.store;

import io.campaignkit.core.contact.PhoneNumber;

/**
 * The phones engaged on one sender, each with the index of the campaign holding it: an open-addressed
 * table (linear probing, deletion by shifting back) of the numbers as {@code long}s (E.164's up to fifteen
 * digits always fit) and the holders as {@code int}s. Each method is atomic, so of two campaigns engaging
 * one phone at once exactly one wins.
 *
 * <p>Not a {@code ConcurrentHashMap<PhoneNumber, CampaignId>}: its table reached a node per engagement and
 * through it the recipient's number and its text, and a collection during a launch copied those in the
 * order of the numbers' hashes, away from the recipients a claim reads them with ({@code BENCHMARKS.md},
 * session 19). These two arrays hold no reference the collector follows.
 */
final class EngagedPhones {

    /** What {@link #putIfAbsent} and {@link #holderOf} answer for a number no campaign holds. */
    static final int NONE = -1;

    private static final long EMPTY = 0; // no E.164 number is 0

    private long[] numbers = new long[16];
    private int[] holders = new int[16];
    private int size;

    /** {@code phone}'s digits as one number: the key of this table. */
    static long keyOf(PhoneNumber phone) {
        String e164 = phone.e164();
        long number = 0;
        for (int at = 1; at < e164.length(); at++) {
            number = number * 10 + (e164.charAt(at) - '0');
        }
        return number;
    }

    /** Engages {@code number} with {@code holder} unless held already: the holder before, or {@link #NONE}. */
    synchronized int putIfAbsent(long number, int holder) {
        int at = find(number);
        if (numbers[at] == number) {
            return holders[at];
        }
        numbers[at] = number;
        holders[at] = holder;
        if (++size * 2 > numbers.length) {
            resize(numbers.length * 2);
        }
        return NONE;
    }

    /** The index of the campaign holding {@code number}, or {@link #NONE}. */
    synchronized int holderOf(long number) {
        int at = find(number);
        return numbers[at] == number ? holders[at] : NONE;
    }

    /** Releases {@code number} if {@code holder} holds it; whether it did. */
    synchronized boolean remove(long number, int holder) {
        int at = find(number);
        if (numbers[at] != number || holders[at] != holder) {
            return false;
        }
        int mask = numbers.length - 1;
        int hole = at;
        // shift back every later number of the run whose home slot does not lie after the hole (cyclically)
        for (int next = (hole + 1) & mask; numbers[next] != EMPTY; next = (next + 1) & mask) {
            int home = slotOf(numbers[next], mask);
            boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable) {
                numbers[hole] = numbers[next];
                holders[hole] = holders[next];
                hole = next;
            }
        }
        numbers[hole] = EMPTY;
        size--;
        return true;
    }

    /** The slot holding {@code number}, else the empty slot where it would go. */
    private int find(long number) {
        int mask = numbers.length - 1;
        int at = slotOf(number, mask);
        while (numbers[at] != EMPTY && numbers[at] != number) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void resize(int length) {
        long[] oldNumbers = numbers;
        int[] oldHolders = holders;
        numbers = new long[length];
        holders = new int[length];
        for (int at = 0; at < oldNumbers.length; at++) {
            if (oldNumbers[at] != EMPTY) {
                int to = find(oldNumbers[at]);
                numbers[to] = oldNumbers[at];
                holders[to] = oldHolders[at];
            }
        }
    }

    /** Fibonacci hashing: consecutive numbers (a file of numbered contacts) spread over the table. */
    static int slotOf(long number, int mask) {
        long mixed = number * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }
}
