package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientUpdate.Accepted;
import io.campaignkit.core.port.RecipientUpdate.Failed;
import io.campaignkit.core.port.RecipientUpdate.RetryLater;
import io.campaignkit.core.port.RecipientUpdate.Skipped;
import io.campaignkit.core.port.RecipientUpdate.StatusReached;
import io.campaignkit.core.port.RecipientUpdate.Unclaimed;
import io.campaignkit.core.port.RecipientUpdate.Unknown;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules of {@link RecipientUpdate}s on one recipient, applied to the row the store holds locked:
 * each update applies only from the states it names, and the outcome of a send moves a SENDING row
 * only while it is held under the lease the update carries (owner and expiry as stored, to the
 * nanosecond), so a stalled owner cannot touch a row a survivor took over; status reports merge monotonically by
 * {@link DeliveryState#mayAdvanceTo}; timestamps are only ever filled, never moved. Leaving SENDING
 * clears the lease.
 */
final class RecipientTransitions {

    private RecipientTransitions() {}

    /** The recipient after {@code update}, or empty when the update changes nothing. */
    static Optional<Recipient> apply(Recipient r, RecipientUpdate update) {
        DeliveryState state = r.state();
        Instant at = update.at();
        if (update instanceof Accepted accepted) {
            if (heldUnder(r, accepted.lease()) || state == DeliveryState.UNKNOWN) {
                return Optional.of(moveTo(r, DeliveryState.SENT, at)
                        .withProviderMessageId(Optional.of(accepted.providerMessageId()))
                        .withTimes(Optional.of(accepted.at()), Optional.empty(), Optional.empty(), Optional.empty()));
            }
            if (state.rank() >= DeliveryState.SENT.rank()) {
                if (r.providerMessageId().isPresent() && r.sentAt().isPresent()) {
                    return Optional.empty();
                }
                return Optional.of(r.withProviderMessageId(r.providerMessageId().or(() -> Optional.of(accepted.providerMessageId())))
                        .withTimes(Optional.of(accepted.at()), Optional.empty(), Optional.empty(), Optional.empty())
                        .withState(state, at));
            }
            return Optional.empty();
        }
        if (update instanceof Failed failed) {
            return heldUnder(r, failed.lease()) || state == DeliveryState.UNKNOWN
                    ? Optional.of(moveTo(r, DeliveryState.FAILED, at).withOutcome(Optional.of(failed.reason())))
                    : Optional.empty();
        }
        if (update instanceof Unknown unknown) {
            return heldUnder(r, unknown.lease())
                    ? Optional.of(moveTo(r, DeliveryState.UNKNOWN, at).withOutcome(Optional.of(unknown.reason())))
                    : Optional.empty();
        }
        if (update instanceof RetryLater retry) {
            return heldUnder(r, retry.lease())
                    ? Optional.of(moveTo(r, DeliveryState.PENDING, at).withDueAt(retry.retryAt())
                            .withOutcome(Optional.of(retry.lastError())))
                    : Optional.empty();
        }
        if (update instanceof Unclaimed unclaimed) {
            return heldUnder(r, unclaimed.lease())
                    ? Optional.of(moveTo(r, DeliveryState.PENDING, at).withDueAt(unclaimed.dueAt())
                            .withAttempts(Math.max(0, r.attempts() - 1)))
                    : Optional.empty();
        }
        if (update instanceof Skipped skipped) {
            return state == DeliveryState.PENDING || skipped.lease().filter(lease -> heldUnder(r, lease)).isPresent()
                    ? Optional.of(skip(r, skipped.reason(), at))
                    : Optional.empty();
        }
        return merge(r, (StatusReached) update);
    }

    /** Whether the row is SENDING under exactly {@code lease}. */
    private static boolean heldUnder(Recipient r, Lease lease) {
        return r.state() == DeliveryState.SENDING && r.lease().filter(lease::equals).isPresent();
    }

    /** The recipient SKIPPED with {@code reason}. */
    static Recipient skip(Recipient r, StatusReason reason, Instant at) {
        return moveTo(r, DeliveryState.SKIPPED, at).withOutcome(Optional.of(reason));
    }

    private static Optional<Recipient> merge(Recipient r, StatusReached report) {
        if (r.state() == DeliveryState.SKIPPED || r.state() == DeliveryState.PENDING) {
            return Optional.empty(); // never sent (or not yet): a report for it changes nothing
        }
        Recipient next = r;
        boolean changed = false;
        if (r.state().mayAdvanceTo(report.state())) {
            next = moveTo(next, report.state(), report.at());
            if (report.state() == DeliveryState.FAILED) {
                next = next.withOutcome(report.reason());
            }
            changed = true;
        }
        Optional<Instant> at = Optional.of(report.at());
        Optional<Instant> none = Optional.empty();
        Recipient timed = switch (report.state()) {
            // every report but a failure proves the message left, so it fills sentAt too
            case SENT -> next.withTimes(at, none, none, none);
            case DELIVERED -> next.withTimes(at, at, none, none);
            case READ -> next.withTimes(at, at, at, none);
            case REPLIED -> next.withTimes(at, at, at, at);
            default -> next;
        };
        changed |= !timed.sentAt().equals(next.sentAt()) || !timed.deliveredAt().equals(next.deliveredAt())
                || !timed.readAt().equals(next.readAt()) || !timed.repliedAt().equals(next.repliedAt());
        return changed ? Optional.of(timed.withState(timed.state(), report.at())) : Optional.empty();
    }

    private static Recipient moveTo(Recipient r, DeliveryState next, Instant at) {
        Recipient moved = r.withState(next, at);
        if (next.isAtLeastSent()) {
            moved = moved.withOutcome(Optional.empty()); // a failure it climbed out of no longer applies
        }
        if (next != DeliveryState.SENDING) {
            moved = moved.withLease(Optional.empty());
        }
        return moved;
    }
}
