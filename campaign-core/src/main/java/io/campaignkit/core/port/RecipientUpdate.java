package io.campaignkit.core.port;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.Instants;
import java.time.Instant;
import java.util.Optional;

/**
 * One change the engine asks the store to apply to one recipient, with
 * {@link RecipientStore#apply(java.util.List)}. Each update applies only from the states it names
 * and is otherwise ignored; so applying one twice, or after another process moved the recipient on,
 * is a harmless no-op. The store reports what it actually changed. The rules below are enforced in
 * one place, {@link io.campaignkit.core.port.rules.RecipientRules#apply}, which every store calls.
 *
 * <h2>Leases</h2>
 * The outcome of a send ({@link Accepted}, {@link Failed}, {@link RetryLater}, {@link Unknown},
 * {@link Unclaimed}, and {@link Skipped} of a claimed recipient) carries the {@link Lease} under which
 * the recipient was claimed, and moves a SENDING recipient only while it is still held under that very
 * lease (equal owner and expiry). So once a survivor has taken over a stalled owner's recipient with
 * {@link RecipientStore#claimExpiredSending}, the stalled owner's late answer changes nothing: it
 * cannot give back, fail or re-time a recipient the survivor now holds. A late receipt or failure may
 * still settle an UNKNOWN recipient, because it is the truth about the one send that happened.
 */
public sealed interface RecipientUpdate {

    /** The recipient to change. */
    RecipientKey key();

    /** When it happened. */
    Instant at();

    /**
     * The provider accepted the message: SENDING under {@code lease}, or UNKNOWN, → SENT, with the
     * provider's message id (by which status events find it) and {@code sentAt}; lease cleared. Also
     * sets the provider id of a recipient that status events already moved past SENT (a receipt
     * arriving after its own status) if it has none.
     */
    record Accepted(RecipientKey key, Lease lease, String providerMessageId, Instant at) implements RecipientUpdate {
        public Accepted {
            Arguments.requireNonNull(key, "key");
            Arguments.requireNonNull(lease, "lease");
            Arguments.requireNonBlank(providerMessageId, "providerMessageId");
            at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
        }
    }

    /** The message failed for good: SENDING under {@code lease}, or UNKNOWN, → FAILED with the reason; lease cleared. */
    record Failed(RecipientKey key, Lease lease, StatusReason reason, Instant at) implements RecipientUpdate {
        public Failed {
            Arguments.requireNonNull(key, "key");
            Arguments.requireNonNull(lease, "lease");
            Arguments.requireNonNull(reason, "reason");
            at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
        }
    }

    /**
     * Try again later: SENDING under {@code lease} → PENDING due at {@code retryAt}, lease cleared,
     * attempts kept, the error recorded as the recipient's last one.
     */
    record RetryLater(RecipientKey key, Lease lease, Instant retryAt, StatusReason lastError, Instant at)
            implements RecipientUpdate {
        public RetryLater {
            Arguments.requireNonNull(key, "key");
            Arguments.requireNonNull(lease, "lease");
            Arguments.requireNonNull(retryAt, "retryAt");
            Arguments.requireNonNull(lastError, "lastError");
            at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
        }
    }

    /** No answer came (or the sender crashed mid-call): SENDING under {@code lease} → UNKNOWN, lease cleared. */
    record Unknown(RecipientKey key, Lease lease, StatusReason reason, Instant at) implements RecipientUpdate {
        public Unknown {
            Arguments.requireNonNull(key, "key");
            Arguments.requireNonNull(lease, "lease");
            Arguments.requireNonNull(reason, "reason");
            at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
        }
    }

    /**
     * Give a claimed recipient back unsent (the campaign paused, the hours closed): SENDING under
     * {@code lease} → PENDING due at {@code dueAt}, lease cleared, and the attempt it was counted for
     * taken back.
     */
    record Unclaimed(RecipientKey key, Lease lease, Instant dueAt, Instant at) implements RecipientUpdate {
        public Unclaimed {
            Arguments.requireNonNull(key, "key");
            Arguments.requireNonNull(lease, "lease");
            Arguments.requireNonNull(dueAt, "dueAt");
            at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
        }
    }

    /**
     * Never send it: PENDING, or SENDING under {@code lease}, → SKIPPED with the reason; lease cleared.
     * {@code lease} is the one the recipient was claimed under, or empty for a recipient never claimed
     * (which then is skipped only while PENDING).
     */
    record Skipped(RecipientKey key, Optional<Lease> lease, StatusReason reason, Instant at)
            implements RecipientUpdate {
        public Skipped {
            Arguments.requireNonNull(key, "key");
            Arguments.requireNonNull(lease, "lease");
            Arguments.requireNonNull(reason, "reason");
            at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
        }
    }

    /**
     * Fall back to a later channel binding of the campaign: a recipient still on {@code fromBinding},
     * SENDING under {@code lease} (the channel answered the send that the recipient is not on it) or,
     * when {@code lease} is empty, SENT or UNKNOWN (a "not on this channel" status report, or no
     * delivery within the campaign's {@code fallbackAfter}), → PENDING due at {@code dueAt} on
     * {@code toBinding}: attempts back to 0 (they count the new binding's sends), lease cleared, the
     * reason recorded as its outcome, and the attempt it leaves (binding, provider id, sent time,
     * reason) added to its earlier attempts, whose provider id and times it no longer carries. It
     * applies once: afterwards the recipient is on another binding, so a repeated or concurrent
     * decision changes nothing. The new binding's send is then claimed like any other.
     */
    record Rerouted(
            RecipientKey key,
            Optional<Lease> lease,
            int fromBinding,
            int toBinding,
            StatusReason reason,
            Instant dueAt,
            Instant at)
            implements RecipientUpdate {
        public Rerouted {
            Arguments.requireNonNull(key, "key");
            Arguments.requireNonNull(lease, "lease");
            Arguments.require(fromBinding >= 0, "fromBinding", "fromBinding must not be negative, was " + fromBinding);
            Arguments.require(
                    toBinding > fromBinding,
                    "toBinding",
                    "a fallback moves to a later binding: toBinding " + toBinding + " is not after " + fromBinding);
            Arguments.requireNonNull(reason, "reason");
            Arguments.requireNonNull(dueAt, "dueAt");
            at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
        }
    }

    /**
     * A status report merged monotonically ({@link DeliveryState#mayAdvanceTo}): to SENT, DELIVERED,
     * READ, REPLIED or FAILED. Timestamps are filled even when the state does not change (a DELIVERED
     * after READ sets {@code deliveredAt} if it was empty); every report but FAILED also sets
     * {@code sentAt} (it proves the message left: a status that overtook its receipt, a late status of
     * a send recorded UNKNOWN), READ and REPLIED also set {@code deliveredAt}, REPLIED sets
     * {@code readAt}, each when empty; so sent ≥ delivered ≥ read always holds in the counts.
     * {@code reason} is required with FAILED.
     *
     * <p>REPLIED is the contact's reply, not a provider status, and is narrower: it moves only SENT,
     * DELIVERED and READ (the provider accepted the message); an UNKNOWN recipient becomes REPLIED
     * <em>unconfirmed</em> ({@code repliedAt} alone: no provider id, sent, delivered or read time); from
     * FAILED, SENDING, PENDING or SKIPPED it changes nothing (see
     * {@link io.campaignkit.core.port.rules.RecipientRules}).
     */
    record StatusReached(RecipientKey key, DeliveryState state, Optional<StatusReason> reason, Instant at)
            implements RecipientUpdate {
        public StatusReached {
            Arguments.requireNonNull(key, "key");
            Arguments.requireNonNull(state, "state");
            if (!(state == DeliveryState.SENT
                    || state == DeliveryState.DELIVERED
                    || state == DeliveryState.READ
                    || state == DeliveryState.REPLIED
                    || state == DeliveryState.FAILED)) {
                throw new InvalidArgumentException(
                        "state", "a status report reaches SENT, DELIVERED, READ, REPLIED or FAILED, not " + state);
            }
            Arguments.requireNonNull(reason, "reason");
            Arguments.require(
                    reason.isPresent() == (state == DeliveryState.FAILED),
                    "reason",
                    "a reason is given exactly with FAILED");
            at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
        }
    }
}
