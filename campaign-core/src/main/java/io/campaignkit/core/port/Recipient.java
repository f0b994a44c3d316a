package io.campaignkit.core.port;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.Instants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One contact in one campaign, as stored.
 *
 * @param key the campaign and phone
 * @param sequence the order it was added in, from 0, per campaign: claims hand recipients out in
 *     this order among those due at the same instant
 * @param contact the contact with the custom data the message needs
 * @param state where it stands
 * @param attempts how many sends count against its retries: each claim for sending adds one, and a
 *     claim that ends without a verdict on this recipient gives its one back: the campaign paused or
 *     the hours closed before the call, or the channel answered RATE_LIMITED, CONTENT_PERMANENT or
 *     AUTHENTICATION (the sender is held or the campaign paused; the recipient is not at fault). So a
 *     rate-limit storm or a refused template does not use up a recipient's retries; it is not the
 *     number of channel calls made for it
 * @param dueAt when a PENDING recipient may next be claimed (its launch, or a retry's time)
 * @param lease who holds it while SENDING (or while recovering it), else empty
 * @param providerMessageId the provider's id of the message once accepted
 * @param outcome why it is FAILED or SKIPPED; for a PENDING one, the last transient error
 * @param sentAt when the provider accepted it, by the engine's clock
 * @param deliveredAt when it was delivered (set with READ or REPLIED too, if no DELIVERED came first),
 *     as the provider said: its clock and its precision (often whole seconds), so it may read a little
 *     before {@code sentAt}; reports show such a time as the send's ({@link
 *     io.campaignkit.core.engine.ReportedTimes})
 * @param readAt when it was read
 * @param repliedAt when the contact first replied to the campaign's message: set only on a recipient
 *     that became REPLIED (a reply after a failure, or while the send is unanswered, is not recorded
 *     here); one with no {@code providerMessageId} and no {@code sentAt} answered after an UNKNOWN
 *     outcome, unconfirmed by the provider
 * @param updatedAt when it last changed
 * @param binding the index of the campaign's channel binding it is sent on ({@link
 *     io.campaignkit.core.campaign.CampaignConfiguration#channels()}; 0 for a campaign with one channel):
 *     chosen at launch, moved on by a fallback
 * @param earlierAttempts its attempts on the bindings it fell back from, oldest first; empty when it
 *     never fell back
 *
 * <p>Every instant but {@code dueAt} is kept to the millisecond, whatever precision it came with, so it
 * reads back the same from every store.
 */
public record Recipient(
        RecipientKey key,
        long sequence,
        Contact contact,
        DeliveryState state,
        int attempts,
        Instant dueAt,
        Optional<Lease> lease,
        Optional<String> providerMessageId,
        Optional<StatusReason> outcome,
        Optional<Instant> sentAt,
        Optional<Instant> deliveredAt,
        Optional<Instant> readAt,
        Optional<Instant> repliedAt,
        Instant updatedAt,
        int binding,
        List<ChannelAttempt> earlierAttempts) {

    public Recipient {
        Arguments.requireNonNull(key, "key");
        if (sequence < 0) {
            throw new InvalidArgumentException("sequence", "sequence must not be negative, was " + sequence);
        }
        Arguments.requireNonNull(contact, "contact");
        if (!contact.phone().equals(key.phone())) {
            throw new InvalidArgumentException(
                    "contact", "contact " + contact.phone() + " is not the recipient's phone " + key.phone());
        }
        Arguments.requireNonNull(state, "state");
        if (attempts < 0) {
            throw new InvalidArgumentException("attempts", "attempts must not be negative, was " + attempts);
        }
        Arguments.requireNonNull(dueAt, "dueAt");
        Arguments.requireNonNull(lease, "lease");
        Arguments.requireNonNull(providerMessageId, "providerMessageId");
        Arguments.requireNonNull(outcome, "outcome");
        sentAt = Instants.toMillisOptional(Arguments.requireNonNull(sentAt, "sentAt"));
        deliveredAt = Instants.toMillisOptional(Arguments.requireNonNull(deliveredAt, "deliveredAt"));
        readAt = Instants.toMillisOptional(Arguments.requireNonNull(readAt, "readAt"));
        repliedAt = Instants.toMillisOptional(Arguments.requireNonNull(repliedAt, "repliedAt"));
        updatedAt = Instants.toMillis(Arguments.requireNonNull(updatedAt, "updatedAt"));
        if (binding < 0) {
            throw new InvalidArgumentException("binding", "binding must not be negative, was " + binding);
        }
        // every copy passes here: an empty list (most recipients never fall back) is kept as it is
        earlierAttempts =
                Arguments.requireNonNull(earlierAttempts, "earlierAttempts").isEmpty()
                        ? List.of()
                        : List.copyOf(Arguments.requireNoNullElements(earlierAttempts, "earlierAttempts"));
    }

    /** A recipient on the campaign's first channel binding that never fell back. */
    public Recipient(
            RecipientKey key,
            long sequence,
            Contact contact,
            DeliveryState state,
            int attempts,
            Instant dueAt,
            Optional<Lease> lease,
            Optional<String> providerMessageId,
            Optional<StatusReason> outcome,
            Optional<Instant> sentAt,
            Optional<Instant> deliveredAt,
            Optional<Instant> readAt,
            Optional<Instant> repliedAt,
            Instant updatedAt) {
        this(
                key,
                sequence,
                contact,
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
                0,
                List.of());
    }

    /** A new recipient as {@link RecipientStore#insertRecipients} stores it. */
    public static Recipient of(CampaignId campaignId, long sequence, NewRecipient added, Instant now) {
        Arguments.requireNonNull(added, "added");
        return new Recipient(
                new RecipientKey(campaignId, added.contact().phone()),
                sequence,
                added.contact(),
                added.skipped().isPresent() ? DeliveryState.SKIPPED : DeliveryState.PENDING,
                0,
                added.dueAt(),
                Optional.empty(),
                Optional.empty(),
                added.skipped(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                added.binding(),
                List.of());
    }

    public CampaignId campaignId() {
        return key.campaignId();
    }

    public PhoneNumber phone() {
        return key.phone();
    }

    /** A copy in {@code newState}, changed at {@code at}; other fields as they are. */
    public Recipient withState(DeliveryState newState, Instant at) {
        return new Recipient(
                key,
                sequence,
                contact,
                newState,
                attempts,
                dueAt,
                lease,
                providerMessageId,
                outcome,
                sentAt,
                deliveredAt,
                readAt,
                repliedAt,
                at,
                binding,
                earlierAttempts);
    }

    public Recipient withAttempts(int newAttempts) {
        return new Recipient(
                key,
                sequence,
                contact,
                state,
                newAttempts,
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

    public Recipient withDueAt(Instant newDueAt) {
        return new Recipient(
                key,
                sequence,
                contact,
                state,
                attempts,
                newDueAt,
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

    public Recipient withLease(Optional<Lease> newLease) {
        return new Recipient(
                key,
                sequence,
                contact,
                state,
                attempts,
                dueAt,
                newLease,
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

    public Recipient withProviderMessageId(Optional<String> id) {
        return new Recipient(
                key,
                sequence,
                contact,
                state,
                attempts,
                dueAt,
                lease,
                id,
                outcome,
                sentAt,
                deliveredAt,
                readAt,
                repliedAt,
                updatedAt,
                binding,
                earlierAttempts);
    }

    public Recipient withOutcome(Optional<StatusReason> newOutcome) {
        return new Recipient(
                key,
                sequence,
                contact,
                state,
                attempts,
                dueAt,
                lease,
                providerMessageId,
                newOutcome,
                sentAt,
                deliveredAt,
                readAt,
                repliedAt,
                updatedAt,
                binding,
                earlierAttempts);
    }

    /**
     * A copy on binding {@code newBinding}, with {@code attempt} added to its earlier attempts and the
     * current attempt's provider id and times cleared (they are the attempt's now).
     */
    public Recipient fallenBackTo(int newBinding, ChannelAttempt attempt) {
        List<ChannelAttempt> earlier = new ArrayList<>(earlierAttempts);
        earlier.add(Arguments.requireNonNull(attempt, "attempt"));
        return new Recipient(
                key,
                sequence,
                contact,
                state,
                attempts,
                dueAt,
                lease,
                Optional.empty(),
                outcome,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                repliedAt,
                updatedAt,
                newBinding,
                earlier);
    }

    /** A copy with the given timestamps (each kept when already set: the first report wins). */
    public Recipient withTimes(
            Optional<Instant> sent, Optional<Instant> delivered, Optional<Instant> read, Optional<Instant> replied) {
        return new Recipient(
                key,
                sequence,
                contact,
                state,
                attempts,
                dueAt,
                lease,
                providerMessageId,
                outcome,
                sentAt.or(() -> sent),
                deliveredAt.or(() -> delivered),
                readAt.or(() -> read),
                repliedAt.or(() -> replied),
                updatedAt,
                binding,
                earlierAttempts);
    }
}
