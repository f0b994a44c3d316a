package io.campaignkit.testkit.store;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.Optional;

/**
 * One recipient as the in-memory store keeps it: mutable and small (a million must fit a modest
 * heap), guarded by its {@link RecipientBook}'s lock, turned into an immutable {@link Recipient}
 * only when handed out.
 */
final class MutableRecipient {

    final RecipientBook book;
    final Contact contact;
    final long sequence;
    DeliveryState state;
    int attempts;
    Instant dueAt;
    /** The lease batch holding it while SENDING, else null. */
    LeaseBatch heldBy;
    String providerMessageId;
    StatusReason outcome;
    Instant sentAt;
    Instant deliveredAt;
    Instant readAt;
    Instant repliedAt;
    Instant updatedAt;

    MutableRecipient(RecipientBook book, Contact contact, long sequence, DeliveryState state, Instant dueAt,
            StatusReason outcome, Instant now) {
        this.book = book;
        this.contact = contact;
        this.sequence = sequence;
        this.state = state;
        this.dueAt = dueAt;
        this.outcome = outcome;
        this.updatedAt = now;
    }

    /** A detached copy of its fields, to snapshot the state before a change only if the change happens. */
    MutableRecipient copy() {
        MutableRecipient copy = new MutableRecipient(book, contact, sequence, state, dueAt, outcome, updatedAt);
        copy.attempts = attempts;
        copy.heldBy = heldBy; // not counted in the batch: the copy is never stored
        copy.providerMessageId = providerMessageId;
        copy.sentAt = sentAt;
        copy.deliveredAt = deliveredAt;
        copy.readAt = readAt;
        copy.repliedAt = repliedAt;
        return copy;
    }

    /** Moves it under {@code batch} (or under none), keeping the batches' live counts right. */
    void holdBy(LeaseBatch batch) {
        if (heldBy != null) {
            heldBy.live--;
        }
        heldBy = batch;
        if (batch != null) {
            batch.live++;
        }
    }

    Recipient snapshot() {
        return new Recipient(new RecipientKey(book.campaignId, contact.phone()), sequence, contact, state, attempts,
                dueAt, heldBy == null ? Optional.empty() : Optional.of(heldBy.lease),
                Optional.ofNullable(providerMessageId), Optional.ofNullable(outcome), Optional.ofNullable(sentAt),
                Optional.ofNullable(deliveredAt), Optional.ofNullable(readAt), Optional.ofNullable(repliedAt), updatedAt);
    }
}
