package io.campaignkit.core.port.rules;

import io.campaignkit.core.port.ChannelAttempt;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recipient while one of {@link RecipientRules} changes it: its fields set one by one, then one
 * {@link Recipient} built. A status or an outcome moves several fields at once (state, outcome, lease,
 * times); made through the record's {@code with…} copies, every status built four or five recipients
 * (and re-checked their fields each time) on the path every webhook takes. Not shared, never kept.
 */
final class RecipientDraft {

    private final Recipient from;
    private DeliveryState state;
    int attempts;
    Instant dueAt;
    private Optional<Lease> lease;
    Optional<String> providerMessageId;
    Optional<StatusReason> outcome;
    private Optional<Instant> sentAt;
    private Optional<Instant> deliveredAt;
    private Optional<Instant> readAt;
    private Optional<Instant> repliedAt;
    private Instant updatedAt;
    private int binding;
    private List<ChannelAttempt> earlierAttempts;

    RecipientDraft(Recipient from) {
        this.from = from;
        this.state = from.state();
        this.attempts = from.attempts();
        this.dueAt = from.dueAt();
        this.lease = from.lease();
        this.providerMessageId = from.providerMessageId();
        this.outcome = from.outcome();
        this.sentAt = from.sentAt();
        this.deliveredAt = from.deliveredAt();
        this.readAt = from.readAt();
        this.repliedAt = from.repliedAt();
        this.updatedAt = from.updatedAt();
        this.binding = from.binding();
        this.earlierAttempts = from.earlierAttempts();
    }

    /**
     * Into {@code next} at {@code at}: reaching SENT or above clears the outcome (a failure it climbed out
     * of no longer applies), and leaving SENDING clears the lease.
     */
    RecipientDraft moveTo(DeliveryState next, Instant at) {
        state = next;
        updatedAt = at;
        if (next.isAtLeastSent()) {
            outcome = Optional.empty();
        }
        if (next != DeliveryState.SENDING) {
            lease = Optional.empty();
        }
        return this;
    }

    /** Still in its state, changed at {@code at}. */
    RecipientDraft touchedAt(Instant at) {
        updatedAt = at;
        return this;
    }

    RecipientDraft heldUnder(Lease newLease) {
        lease = Optional.of(newLease);
        return this;
    }

    /**
     * Fills the timestamps given that it lacks; each one already set stays (the first report wins).
     * Whether any was filled.
     */
    boolean fillTimes(
            Optional<Instant> sent, Optional<Instant> delivered, Optional<Instant> read, Optional<Instant> replied) {
        boolean filled = false;
        if (sentAt.isEmpty() && sent.isPresent()) {
            sentAt = sent;
            filled = true;
        }
        if (deliveredAt.isEmpty() && delivered.isPresent()) {
            deliveredAt = delivered;
            filled = true;
        }
        if (readAt.isEmpty() && read.isPresent()) {
            readAt = read;
            filled = true;
        }
        if (repliedAt.isEmpty() && replied.isPresent()) {
            repliedAt = replied;
            filled = true;
        }
        return filled;
    }

    /**
     * On binding {@code newBinding}, with {@code attempt} added to its earlier attempts and the current
     * attempt's provider id and times cleared (they are the attempt's now; a reply stays the contact's).
     */
    RecipientDraft fallenBackTo(int newBinding, ChannelAttempt attempt) {
        List<ChannelAttempt> earlier = new ArrayList<>(earlierAttempts);
        earlier.add(attempt);
        earlierAttempts = earlier;
        binding = newBinding;
        providerMessageId = Optional.empty();
        sentAt = Optional.empty();
        deliveredAt = Optional.empty();
        readAt = Optional.empty();
        return this;
    }

    Recipient build() {
        return new Recipient(
                from.key(),
                from.sequence(),
                from.contact(),
                state,
                attempts,
                dueAt,
                lease,
                providerMessageId,
                outcome,
                sentAt,
                deliveredAt,
                readAt,
                repliedAt,
                updatedAt,
                binding,
                earlierAttempts);
    }
}
