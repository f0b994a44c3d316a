package io.campaignkit.importer.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The numbers seen so far and the row each was first seen on, for duplicate detection over
 * millions of rows in a small heap: one {@code long} (8 bytes) per number, in 4,096 small
 * open-addressing tables.
 *
 * <p>An E.164 number is at most 15 digits, so its digits fit in 50 bits (the first digit is never
 * 0, so the digits alone identify it). They are scrambled by a bijection of those 50 bits; the
 * top 12 bits of the result choose the table, so a table needs only the other 38 bits to tell
 * its numbers apart, and the 26 bits left hold the row (up to 67,108,863; later rows, beyond any
 * default limit, go to a side map). Tables grow by a quarter at a time up to 80% full, and one at
 * a time, so growing never needs twice the memory of the whole index: 5,000,000 numbers take
 * about 55 MB, where {@code HashMap<String, Integer>} takes over 500 MB.
 */
final class PhoneIndex {

    private static final int KEY_BITS = 50;
    private static final long KEY_MASK = (1L << KEY_BITS) - 1;
    private static final int SHARD_BITS = 12;
    private static final int REST_BITS = KEY_BITS - SHARD_BITS;
    private static final long REST_MASK = (1L << REST_BITS) - 1;
    private static final int ROW_BITS = 64 - REST_BITS;
    private static final long ROW_MASK = (1L << ROW_BITS) - 1;
    /** Marks a row too large for its bits: the row is in {@link #largeRows}. */
    private static final int LARGE_ROW = (int) ROW_MASK;

    private static final int INITIAL_CAPACITY = 16;
    private static final long EMPTY = 0; // never an entry: rows start at 1

    private final long[][] tables = new long[1 << SHARD_BITS][];
    private final int[] sizes = new int[1 << SHARD_BITS];
    private final Map<Long, Integer> largeRows = new HashMap<>();

    /** The digits of an E.164 number ({@code +525500998877}) as a positive {@code long}. */
    static long key(String e164) {
        return Long.parseLong(e164, 1, e164.length(), 10);
    }

    /**
     * Records {@code row} for {@code key} unless seen before; returns the first row, or -1 if new.
     *
     * @param key the digits of an E.164 number, from 1 to 999,999,999,999,999
     * @param row the row the number is on, 1 or more
     */
    int putIfAbsent(long key, int row) {
        if (key <= 0 || key > KEY_MASK || row <= 0) {
            throw new IllegalArgumentException("not a phone number's digits and a row: " + key + ", " + row);
        }
        long scrambled = scramble(key);
        int shard = (int) (scrambled >>> REST_BITS);
        long rest = scrambled & REST_MASK;
        long[] table = tables[shard];
        if (table == null) {
            table = new long[INITIAL_CAPACITY];
            tables[shard] = table;
        }
        int slot = home(rest, table.length);
        long entry;
        while ((entry = table[slot]) != EMPTY) {
            if (entry >>> ROW_BITS == rest) {
                int first = (int) (entry & ROW_MASK);
                return first == LARGE_ROW ? largeRows.get(key) : first;
            }
            slot = slot + 1 == table.length ? 0 : slot + 1;
        }
        int stored = row < LARGE_ROW ? row : LARGE_ROW;
        if (stored == LARGE_ROW) {
            largeRows.put(key, row);
        }
        table[slot] = rest << ROW_BITS | stored;
        if (++sizes[shard] * 5L > table.length * 4L) {
            tables[shard] = grow(table);
        }
        return -1;
    }

    int size() {
        int size = 0;
        for (int shardSize : sizes) {
            size += shardSize;
        }
        return size;
    }

    private static long[] grow(long[] table) {
        long[] bigger = new long[table.length + table.length / 4];
        for (long entry : table) {
            if (entry != EMPTY) {
                int slot = home(entry >>> ROW_BITS, bigger.length);
                while (bigger[slot] != EMPTY) {
                    slot = slot + 1 == bigger.length ? 0 : slot + 1;
                }
                bigger[slot] = entry;
            }
        }
        return bigger;
    }

    /** The first slot to try: the rest's low 32 bits scaled to the table (any size, no modulo). */
    private static int home(long rest, int capacity) {
        return (int) (((rest & 0xFFFF_FFFFL) * capacity) >>> 32);
    }

    /**
     * A bijection of 50-bit values that spreads numbers sharing long prefixes over every table:
     * multiplications by odd constants and right xor-shifts, each invertible modulo 2^50.
     */
    static long scramble(long key) {
        long h = key;
        h = (h * 0x9E3779B97F4A7C15L) & KEY_MASK;
        h ^= h >>> 23;
        h = (h * 0xC2B2AE3D27D4EB4FL) & KEY_MASK;
        h ^= h >>> 29;
        h = (h * 0x165667B19E3779F9L) & KEY_MASK;
        h ^= h >>> 21;
        return h;
    }
}
