package io.campaignkit.testkit.store;

import io.campaignkit.core.port.RecipientKey;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The entries the store handed out last (claimed, or found by provider message id), in a fixed number of
 * slots chosen by the recipient's phone: a hint, never the truth. The engine claims a batch, or looks up
 * the recipients of a webhook's statuses (up to its batch size), then applies their updates by key; the
 * apply takes the entry remembered here when it is that recipient's in that book (checked under the
 * book's lock), and looks it up only when another recipient took its slot meanwhile.
 */
final class FoundEntries {

    /** A power of two, several times the engine's default batch size, so few of a batch's slots collide. */
    private static final int SLOTS = 8192;

    private final AtomicReferenceArray<@Nullable RecipientEntry> slots = new AtomicReferenceArray<>(SLOTS);

    void remember(RecipientKey key, RecipientEntry entry) {
        slots.lazySet(slotOf(key), entry);
    }

    /** The entry last remembered in {@code key}'s slot: perhaps another recipient's, the book checks. */
    @Nullable
    RecipientEntry of(RecipientKey key) {
        return slots.get(slotOf(key));
    }

    private static int slotOf(RecipientKey key) {
        return key.phone().e164().hashCode() & (SLOTS - 1);
    }
}
