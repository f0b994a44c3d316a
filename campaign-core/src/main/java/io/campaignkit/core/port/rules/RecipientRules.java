package io.campaignkit.core.port.rules;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.ChannelAttempt;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientUpdate.Accepted;
import io.campaignkit.core.port.RecipientUpdate.Failed;
import io.campaignkit.core.port.RecipientUpdate.Rerouted;
import io.campaignkit.core.port.RecipientUpdate.RetryLater;
import io.campaignkit.core.port.RecipientUpdate.Skipped;
import io.campaignkit.core.port.RecipientUpdate.StatusReached;
import io.campaignkit.core.port.RecipientUpdate.Unclaimed;
import io.campaignkit.core.port.RecipientUpdate.Unknown;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.Optional;

/**
 * What every change does to one recipient: the single statement of the recipient state machine,
 * which every store applies to the recipient it holds locked (a row under {@code FOR UPDATE}, an
 * entry under a lock) and then writes back.
 *
 * <ul>
 *   <li>Each {@link RecipientUpdate} applies only from the states it names ({@link #apply}).</li>
 *   <li><b>Lease guard</b>: the outcome of a send moves a SENDING recipient only while it is held under
 *       the very lease the update carries (owner and expiry equal, to the nanosecond), so a stalled
 *       owner cannot touch a recipient a survivor took over. A late receipt or failure may still
 *       settle an UNKNOWN recipient: it is the truth about the one send that happened.</li>
 *   <li><b>Monotonic merge</b>: status reports advance only by {@link DeliveryState#mayAdvanceTo};
 *       timestamps are only ever filled, never moved, and a report fills the lower steps it implies
 *       (every report but FAILED sets {@code sentAt}; READ and REPLIED set {@code deliveredAt}; REPLIED
 *       sets {@code readAt}), so sent ≥ delivered ≥ read always holds.</li>
 *   <li><b>Replies</b>: the contact's reply (a REPLIED report) moves only a recipient whose message the
 *       provider accepted (SENT, DELIVERED, READ), or an UNKNOWN one, which becomes REPLIED
 *       <em>unconfirmed</em>: {@code repliedAt} set, no provider id, {@code sentAt}, {@code deliveredAt} or
 *       {@code readAt}. A FAILED, SENDING, PENDING or SKIPPED recipient stays as it is: its state is
 *       about the campaign's message, which only that message's own outcomes change.</li>
 *   <li>Leaving SENDING clears the lease; reaching SENT or above clears the outcome (a failure it
 *       climbed out of no longer applies).</li>
 *   <li><b>Fallback</b> ({@link Rerouted}): only from the channel binding it names, and only from SENDING
 *       under its lease or, without one, from SENT or UNKNOWN; so it applies once and never to a
 *       recipient delivered, read or replied to meanwhile. The attempt it leaves is kept in the
 *       recipient's earlier attempts.</li>
 * </ul>
 * Pure functions of their arguments: no clock, no I/O.
 */
public final class RecipientRules {

    private RecipientRules() {}

    /**
     * The recipient after {@code update}, or empty when the update changes nothing (from a state it
     * does not apply to, under another lease, or a report that adds nothing). The caller checks that
     * {@code update} names {@code recipient}.
     */
    public static Optional<Recipient> apply(Recipient recipient, RecipientUpdate update) {
        Arguments.requireNonNull(recipient, "recipient");
        Arguments.requireNonNull(update, "update");
        Recipient r = recipient;
        DeliveryState state = r.state();
        Instant at = update.at();
        if (update instanceof Accepted accepted) {
            if (heldUnder(r, accepted.lease()) || state == DeliveryState.UNKNOWN) {
                // moveTo(SENT) with the provider's id and sentAt, made in one copy: every send passes here
                return Optional.of(new Recipient(
                        r.key(),
                        r.sequence(),
                        r.contact(),
                        DeliveryState.SENT,
                        r.attempts(),
                        r.dueAt(),
                        Optional.empty(),
                        Optional.of(accepted.providerMessageId()),
                        Optional.empty(),
                        r.sentAt().isPresent() ? r.sentAt() : Optional.of(accepted.at()),
                        r.deliveredAt(),
                        r.readAt(),
                        r.repliedAt(),
                        at,
                        r.binding(),
                        r.earlierAttempts()));
            }
            if (state.rank() >= DeliveryState.SENT.rank()) {
                // a receipt arriving after its own status: fill the provider id and sentAt it lacks
                if (r.providerMessageId().isPresent() && r.sentAt().isPresent()) {
                    return Optional.empty();
                }
                RecipientDraft filled = new RecipientDraft(r).touchedAt(at);
                if (r.providerMessageId().isEmpty()) {
                    filled.providerMessageId = Optional.of(accepted.providerMessageId());
                }
                filled.fillTimes(Optional.of(accepted.at()), Optional.empty(), Optional.empty(), Optional.empty());
                return Optional.of(filled.build());
            }
            return Optional.empty();
        }
        if (update instanceof Failed failed) {
            return heldUnder(r, failed.lease()) || state == DeliveryState.UNKNOWN
                    ? Optional.of(moveTo(r, DeliveryState.FAILED, at, Optional.of(failed.reason())))
                    : Optional.empty();
        }
        if (update instanceof Unknown unknown) {
            return heldUnder(r, unknown.lease())
                    ? Optional.of(moveTo(r, DeliveryState.UNKNOWN, at, Optional.of(unknown.reason())))
                    : Optional.empty();
        }
        if (update instanceof RetryLater retry) {
            if (!heldUnder(r, retry.lease())) {
                return Optional.empty();
            }
            RecipientDraft retried = new RecipientDraft(r).moveTo(DeliveryState.PENDING, at);
            retried.dueAt = retry.retryAt();
            retried.outcome = Optional.of(retry.lastError());
            return Optional.of(retried.build());
        }
        if (update instanceof Unclaimed unclaimed) {
            if (!heldUnder(r, unclaimed.lease())) {
                return Optional.empty();
            }
            RecipientDraft returned = new RecipientDraft(r).moveTo(DeliveryState.PENDING, at);
            returned.dueAt = unclaimed.dueAt();
            returned.attempts = Math.max(0, r.attempts() - 1);
            return Optional.of(returned.build());
        }
        if (update instanceof Skipped skipped) {
            return state == DeliveryState.PENDING
                            || skipped.lease()
                                    .filter(lease -> heldUnder(r, lease))
                                    .isPresent()
                    ? Optional.of(skip(r, skipped.reason(), at))
                    : Optional.empty();
        }
        if (update instanceof Rerouted rerouted) {
            return reroute(r, rerouted);
        }
        return merge(r, (StatusReached) update);
    }

    /**
     * A fallback to a later channel binding: only from the binding it names, and only from SENDING under
     * its lease or, without one, from SENT or UNKNOWN; so it applies once, and never to a recipient that
     * was delivered, read or replied to meanwhile.
     */
    private static Optional<Recipient> reroute(Recipient r, Rerouted rerouted) {
        boolean applies = r.binding() == rerouted.fromBinding()
                && rerouted.lease()
                        .map(lease -> heldUnder(r, lease))
                        .orElse(r.state() == DeliveryState.SENT || r.state() == DeliveryState.UNKNOWN);
        if (!applies) {
            return Optional.empty();
        }
        ChannelAttempt left =
                new ChannelAttempt(r.binding(), r.providerMessageId(), r.sentAt(), rerouted.reason(), rerouted.at());
        RecipientDraft moved = new RecipientDraft(r)
                .moveTo(DeliveryState.PENDING, rerouted.at())
                .fallenBackTo(rerouted.toBinding(), left);
        moved.dueAt = rerouted.dueAt();
        moved.attempts = 0;
        moved.outcome = Optional.of(rerouted.reason());
        return Optional.of(moved.build());
    }

    /**
     * A due PENDING recipient claimed for sending: SENDING under {@code lease}, one more attempt.
     * The store picks which recipients are due (PENDING, {@code dueAt} at or before now) and claims
     * each at most once while the lease is live.
     */
    public static Recipient claim(Recipient recipient, Lease lease, Instant now) {
        requireState(recipient, DeliveryState.PENDING, "claimed");
        Arguments.requireNonNull(lease, "lease");
        Arguments.requireNonNull(now, "now");
        Recipient r = recipient; // SENDING under the lease, one more attempt, in one copy: every send passes here
        return new Recipient(
                r.key(),
                r.sequence(),
                r.contact(),
                DeliveryState.SENDING,
                r.attempts() + 1,
                r.dueAt(),
                Optional.of(lease),
                r.providerMessageId(),
                r.outcome(),
                r.sentAt(),
                r.deliveredAt(),
                r.readAt(),
                r.repliedAt(),
                now,
                r.binding(),
                r.earlierAttempts());
    }

    /**
     * A SENDING recipient whose lease expired, taken over by a survivor: still SENDING, now under
     * {@code lease}, attempts unchanged (no new send was made). Its state, and so its counts, stay.
     */
    public static Recipient recover(Recipient recipient, Lease lease, Instant now) {
        requireState(recipient, DeliveryState.SENDING, "recovered");
        Arguments.requireNonNull(lease, "lease");
        Arguments.requireNonNull(now, "now");
        return new RecipientDraft(recipient).touchedAt(now).heldUnder(lease).build();
    }

    /** The recipient SKIPPED with {@code reason} (finishing a campaign skips what is still PENDING). */
    public static Recipient skip(Recipient recipient, StatusReason reason, Instant at) {
        Arguments.requireNonNull(recipient, "recipient");
        Arguments.requireNonNull(reason, "reason");
        Arguments.requireNonNull(at, "at");
        return moveTo(recipient, DeliveryState.SKIPPED, at, Optional.of(reason));
    }

    /** Whether the recipient is SENDING under exactly {@code lease}: the lease guard. */
    public static boolean heldUnder(Recipient recipient, Lease lease) {
        return recipient.state() == DeliveryState.SENDING
                && recipient.lease().isPresent()
                && recipient.lease().get().equals(lease);
    }

    private static void requireState(Recipient recipient, DeliveryState expected, String verb) {
        Arguments.requireNonNull(recipient, "recipient");
        if (recipient.state() != expected) {
            throw new InvalidArgumentException(
                    "recipient",
                    "only a " + expected + " recipient is " + verb + ", not " + recipient.key() + " in "
                            + recipient.state());
        }
    }

    private static Optional<Recipient> merge(Recipient r, StatusReached report) {
        if (r.state() == DeliveryState.SKIPPED || r.state() == DeliveryState.PENDING) {
            return Optional.empty(); // never sent (or not yet): a report for it changes nothing
        }
        if (report.state() == DeliveryState.REPLIED) {
            return replied(r, report.at());
        }
        // one copy however many fields the report moves: every status of every message passes here
        RecipientDraft next = new RecipientDraft(r);
        boolean advances = r.state().mayAdvanceTo(report.state());
        if (advances) {
            next.moveTo(report.state(), report.at());
            if (report.state() == DeliveryState.FAILED) {
                next.outcome = report.reason();
            }
        }
        Optional<Instant> at = Optional.of(report.at());
        Optional<Instant> none = Optional.empty();
        boolean filled = switch (report.state()) {
            // every report but a failure proves the message left, so it fills sentAt too
            case SENT -> next.fillTimes(at, none, none, none);
            case DELIVERED -> next.fillTimes(at, at, none, none);
            case READ -> next.fillTimes(at, at, at, none);
            default -> false;
        };
        return advances || filled ? Optional.of(next.touchedAt(report.at()).build()) : Optional.empty();
    }

    /**
     * The contact wrote. A reply is about the conversation, not the campaign's message: it proves that
     * message arrived only when the provider accepted it. So it moves an accepted recipient (SENT,
     * DELIVERED, READ: filling the lower times it implies); an UNKNOWN one becomes REPLIED
     * <em>unconfirmed</em>, with {@code repliedAt} alone and no provider id, sentAt, deliveredAt or readAt
     * (counted replied, not sent, delivered or read, until a receipt or status of the send itself
     * fills them); and it leaves FAILED, SENDING (its answer is still to come and decides: a TRANSIENT
     * one retries) and REPLIED (the first reply wins) as they are.
     */
    private static Optional<Recipient> replied(Recipient r, Instant at) {
        Optional<Instant> when = Optional.of(at);
        Optional<Instant> none = Optional.empty();
        return switch (r.state()) {
            case SENT, DELIVERED, READ -> Optional.of(repliedWith(r, at, when, when, when, when));
            case UNKNOWN -> Optional.of(repliedWith(r, at, none, none, none, when));
            default -> Optional.empty();
        };
    }

    private static Recipient repliedWith(
            Recipient r,
            Instant at,
            Optional<Instant> sent,
            Optional<Instant> delivered,
            Optional<Instant> read,
            Optional<Instant> replied) {
        RecipientDraft next = new RecipientDraft(r).moveTo(DeliveryState.REPLIED, at);
        next.fillTimes(sent, delivered, read, replied);
        return next.build();
    }

    /** Into {@code next} at {@code at} with {@code outcome} (see {@link RecipientDraft#moveTo}). */
    private static Recipient moveTo(Recipient r, DeliveryState next, Instant at, Optional<StatusReason> outcome) {
        RecipientDraft moved = new RecipientDraft(r).moveTo(next, at);
        moved.outcome = outcome;
        return moved.build();
    }
}
