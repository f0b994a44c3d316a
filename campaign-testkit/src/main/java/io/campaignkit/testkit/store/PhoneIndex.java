package io.campaignkit.testkit.store;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A book's recipients by E.164 number: an open-addressed table (linear probing) of their numbers' hashes
 * and sequence numbers, the entries themselves in the book's list by sequence. Guarded by its {@link
 * RecipientBook}'s lock.
 *
 * <p>Not a {@code HashMap<String, RecipientEntry>}: that map held a node per recipient (32 bytes) pointing
 * at its entry and number, and a collection during a launch copied the entries it reached through the
 * map's table in the order of the numbers' hashes, which for a file of numbered contacts is the file's
 * order. A mixed audience's zone then read its recipients one every few contacts of the file, wherever a
 * launch had stored them together ({@code BENCHMARKS.md}, session 18). Two arrays of {@code int} hold no
 * reference the collector follows; the entries it copies are reached through the list by sequence and the
 * zones' queues, the orders claims read them in.
 */
final class PhoneIndex {

    private static final int EMPTY = -1;

    private final List<RecipientEntry> bySequence;
    private int[] hashes = new int[16];
    private int[] sequences = emptySlots(16);
    private int size;

    PhoneIndex(List<RecipientEntry> bySequence) {
        this.bySequence = bySequence;
    }

    /** The entry of {@code e164}, or null. */
    @Nullable
    RecipientEntry get(String e164) {
        int hash = e164.hashCode();
        int mask = sequences.length - 1;
        for (int at = slotOf(hash, mask); ; at = (at + 1) & mask) {
            int sequence = sequences[at];
            if (sequence == EMPTY) {
                return null;
            }
            if (hashes[at] == hash) {
                RecipientEntry entry = bySequence.get(sequence);
                if (entry.recipient.phone().e164().equals(e164)) {
                    return entry;
                }
            }
        }
    }

    /** Indexes {@code entry}, already in the list at its recipient's sequence; its number must not be indexed yet. */
    void add(RecipientEntry entry) {
        if ((size + 1) * 2 > sequences.length) {
            resize(sequences.length * 2);
        }
        place(entry.recipient.phone().e164().hashCode(), (int) entry.recipient.sequence());
        size++;
    }

    private void place(int hash, int sequence) {
        int mask = sequences.length - 1;
        int at = slotOf(hash, mask);
        while (sequences[at] != EMPTY) {
            at = (at + 1) & mask;
        }
        hashes[at] = hash;
        sequences[at] = sequence;
    }

    private void resize(int length) {
        int[] oldHashes = hashes;
        int[] oldSequences = sequences;
        hashes = new int[length];
        sequences = emptySlots(length);
        for (int at = 0; at < oldSequences.length; at++) {
            if (oldSequences[at] != EMPTY) {
                place(oldHashes[at], oldSequences[at]);
            }
        }
    }

    /** Fibonacci hashing: numbers that differ in their last digits (hashes one apart) spread over the table. */
    private static int slotOf(int hash, int mask) {
        int mixed = hash * 0x9E3779B9;
        return (mixed ^ (mixed >>> 16)) & mask;
    }

    private static int[] emptySlots(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
