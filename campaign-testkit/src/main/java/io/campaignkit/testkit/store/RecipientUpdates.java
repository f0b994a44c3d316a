package io.campaignkit.testkit.store;

import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientUpdate.Accepted;
import io.campaignkit.core.port.RecipientUpdate.Failed;
import io.campaignkit.core.port.RecipientUpdate.RetryLater;
import io.campaignkit.core.port.RecipientUpdate.Skipped;
import io.campaignkit.core.port.RecipientUpdate.StatusReached;
import io.campaignkit.core.port.RecipientUpdate.Unclaimed;
import io.campaignkit.core.port.RecipientUpdate.Unknown;
import java.time.Instant;

/**
 * The rules of {@link RecipientUpdate}s on one stored recipient: each applies only from the states it
 * names, and the outcome of a send moves a SENDING recipient only while it is held under the lease the
 * update carries (so a stalled owner cannot touch what a survivor took over); status reports merge
 * monotonically by {@link DeliveryState#mayAdvanceTo}. Every update that takes a recipient out of
 * SENDING clears its lease.
 */
final class RecipientUpdates {

    private RecipientUpdates() {}

    /** Applies {@code update}; returns whether anything changed. The caller sets {@code updatedAt}. */
    static boolean apply(MutableRecipient recipient, RecipientUpdate update) {
        DeliveryState state = recipient.state;
        if (update instanceof Accepted accepted) {
            if (heldUnder(recipient, accepted.lease()) || state == DeliveryState.UNKNOWN) {
                moveTo(recipient, DeliveryState.SENT);
                recipient.providerMessageId = accepted.providerMessageId();
                recipient.sentAt = firstOf(recipient.sentAt, accepted.at());
                return true;
            }
            if (state.rank() >= DeliveryState.SENT.rank()) {
                boolean changed = recipient.providerMessageId == null || recipient.sentAt == null;
                if (recipient.providerMessageId == null) {
                    recipient.providerMessageId = accepted.providerMessageId();
                }
                recipient.sentAt = firstOf(recipient.sentAt, accepted.at());
                return changed;
            }
            return false;
        }
        if (update instanceof Failed failed) {
            if (heldUnder(recipient, failed.lease()) || state == DeliveryState.UNKNOWN) {
                moveTo(recipient, DeliveryState.FAILED);
                recipient.outcome = failed.reason();
                return true;
            }
            return false;
        }
        if (update instanceof Unknown unknown) {
            if (heldUnder(recipient, unknown.lease())) {
                moveTo(recipient, DeliveryState.UNKNOWN);
                recipient.outcome = unknown.reason();
                return true;
            }
            return false;
        }
        if (update instanceof RetryLater retry) {
            if (heldUnder(recipient, retry.lease())) {
                moveTo(recipient, DeliveryState.PENDING);
                recipient.dueAt = retry.retryAt();
                recipient.outcome = retry.lastError();
                return true;
            }
            return false;
        }
        if (update instanceof Unclaimed unclaimed) {
            if (heldUnder(recipient, unclaimed.lease())) {
                moveTo(recipient, DeliveryState.PENDING);
                recipient.dueAt = unclaimed.dueAt();
                recipient.attempts = Math.max(0, recipient.attempts - 1);
                return true;
            }
            return false;
        }
        if (update instanceof Skipped skipped) {
            if (state == DeliveryState.PENDING
                    || skipped.lease().filter(lease -> heldUnder(recipient, lease)).isPresent()) {
                moveTo(recipient, DeliveryState.SKIPPED);
                recipient.outcome = skipped.reason();
                return true;
            }
            return false;
        }
        return merge(recipient, (StatusReached) update);
    }

    /** Whether the recipient is SENDING under exactly {@code lease} (same owner, same expiry). */
    private static boolean heldUnder(MutableRecipient recipient, Lease lease) {
        return recipient.state == DeliveryState.SENDING && recipient.heldBy != null && recipient.heldBy.lease.equals(lease);
    }

    private static boolean merge(MutableRecipient recipient, StatusReached report) {
        if (recipient.state == DeliveryState.SKIPPED || recipient.state == DeliveryState.PENDING) {
            return false; // never sent (or not yet): a report for it changes nothing
        }
        boolean changed = false;
        if (recipient.state.mayAdvanceTo(report.state())) {
            moveTo(recipient, report.state());
            if (report.state() == DeliveryState.FAILED) {
                recipient.outcome = report.reason().orElseThrow();
            }
            changed = true;
        }
        Instant at = report.at();
        if (report.state() == DeliveryState.FAILED) {
            return changed;
        }
        // every report but FAILED proves the message left; higher ones imply the lower steps
        changed |= recipient.sentAt == null;
        recipient.sentAt = firstOf(recipient.sentAt, at);
        int rank = report.state().rank();
        if (rank >= DeliveryState.DELIVERED.rank()) {
            changed |= recipient.deliveredAt == null;
            recipient.deliveredAt = firstOf(recipient.deliveredAt, at);
        }
        if (rank >= DeliveryState.READ.rank()) {
            changed |= recipient.readAt == null;
            recipient.readAt = firstOf(recipient.readAt, at);
        }
        if (report.state() == DeliveryState.REPLIED) {
            changed |= recipient.repliedAt == null;
            recipient.repliedAt = firstOf(recipient.repliedAt, at);
        }
        return changed;
    }

    private static void moveTo(MutableRecipient recipient, DeliveryState next) {
        recipient.state = next;
        if (next.isAtLeastSent()) {
            recipient.outcome = null; // a failure or unknown outcome it climbed out of no longer applies
        }
        if (next != DeliveryState.SENDING && recipient.heldBy != null) {
            recipient.holdBy(null);
        }
    }

    private static Instant firstOf(Instant current, Instant reported) {
        return current != null ? current : reported;
    }
}
