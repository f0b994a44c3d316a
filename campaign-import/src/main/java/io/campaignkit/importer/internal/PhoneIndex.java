package io.campaignkit.importer.internal;

import java.util.Arrays;

/**
 * The numbers seen so far and the row each was first seen on, for duplicate detection over
 * millions of rows: an E.164 number is at most 15 digits, so it is kept as a {@code long} (its
 * first digit is never 0, so the digits alone identify it) next to an {@code int} row, 12 bytes
 * an entry in open-addressing tables. The tables are sharded so that growing one never needs
 * twice the memory of the whole index at once.
 */
final class PhoneIndex {

    private static final int SHARD_BITS = 6;
    private static final int INITIAL_CAPACITY = 256;
    private static final long EMPTY = 0;

    private final long[][] keys = new long[1 << SHARD_BITS][];
    private final int[][] rows = new int[1 << SHARD_BITS][];
    private final int[] sizes = new int[1 << SHARD_BITS];

    PhoneIndex() {
        for (int shard = 0; shard < keys.length; shard++) {
            keys[shard] = new long[INITIAL_CAPACITY];
            rows[shard] = new int[INITIAL_CAPACITY];
        }
    }

    /** The digits of an E.164 number ({@code +525500998877}) as a positive {@code long}. */
    static long key(String e164) {
        return Long.parseLong(e164, 1, e164.length(), 10);
    }

    /** Records {@code row} for {@code key} unless seen before; returns the first row, or -1 if new. */
    int putIfAbsent(long key, int row) {
        long hash = mix(key);
        int shard = (int) (hash >>> (64 - SHARD_BITS));
        long[] shardKeys = keys[shard];
        int mask = shardKeys.length - 1;
        int slot = (int) hash & mask;
        while (shardKeys[slot] != EMPTY) {
            if (shardKeys[slot] == key) {
                return rows[shard][slot];
            }
            slot = (slot + 1) & mask;
        }
        shardKeys[slot] = key;
        rows[shard][slot] = row;
        if (++sizes[shard] * 4 > shardKeys.length * 3) {
            grow(shard);
        }
        return -1;
    }

    private void grow(int shard) {
        long[] oldKeys = keys[shard];
        int[] oldRows = rows[shard];
        long[] newKeys = new long[oldKeys.length * 2];
        int[] newRows = new int[oldKeys.length * 2];
        int mask = newKeys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = (int) mix(oldKeys[i]) & mask;
                while (newKeys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                newKeys[slot] = oldKeys[i];
                newRows[slot] = oldRows[i];
            }
        }
        keys[shard] = newKeys;
        rows[shard] = newRows;
    }

    int size() {
        return Arrays.stream(sizes).sum();
    }

    /** A 64-bit finalizer (from MurmurHash3): phone numbers share long prefixes. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
