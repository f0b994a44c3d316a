package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps this engine's claims alive while their sends are in flight, and takes over the claims of
 * processes that stopped: the lease half of at-most-once (or at-least-once) sending.
 */
final class LeaseKeeper {

    private final RecipientStore recipients;
    private final Leases leases;
    private final int batchSize;
    private final Lifecycle lifecycle;
    private final Claims claims;
    private final AnswerRecorder answers;
    /** Half a lease: a claim is renewed once this little of its lease is left (computed once: it is asked every run). */
    private final Duration renewalMargin;

    LeaseKeeper(
            RecipientStore recipients,
            Leases leases,
            int batchSize,
            Lifecycle lifecycle,
            Claims claims,
            AnswerRecorder answers) {
        this.recipients = recipients;
        this.leases = leases;
        this.batchSize = batchSize;
        this.lifecycle = lifecycle;
        this.claims = claims;
        this.answers = answers;
        this.renewalMargin = leases.duration().dividedBy(2);
    }

    /**
     * Renews the lease of every claim of the campaign with sends in flight (or recipients stranded by
     * a store failure) once half of it has run,
     * so that only a process that stopped working loses its recipients; answers when the next
     * renewal is due.
     */
    Optional<Instant> renewLeases(CampaignId id, Instant now) {
        Set<Claims.Claim> live = claims.of(id);
        if (live.isEmpty()) {
            return Optional.empty(); // asked every run: no iterator when every claim is settled
        }
        Duration margin = renewalMargin;
        Optional<Instant> next = Optional.empty();
        for (Claims.Claim claim : live) {
            if (!now.isBefore(claim.lease.expiresAt().minus(margin))) {
                answers.whileNotRecording(() -> {
                    if (claim.holdsRecipients()) {
                        Lease renewed = leases.newLease(now);
                        recipients.renewLease(id, claim.lease, renewed);
                        claim.lease = renewed;
                    }
                });
            }
            if (claim.holdsRecipients()) {
                next = Dispatcher.earliest(
                        next, Optional.of(claim.lease.expiresAt().minus(margin)));
            }
        }
        return next;
    }

    /**
     * Recovers the campaign's SENDING recipients whose lease expired (their process crashed or
     * stalled): UNKNOWN, or given back to PENDING when {@code resend} (at-least-once, while the
     * campaign may still send). Answers the next lease expiry among its SENDING recipients.
     */
    Optional<Instant> recoverExpired(CampaignId id, Instant now, boolean resend) {
        Optional<Instant> expiry = recipients.nextLeaseExpiry(id, now);
        if (expiry.isEmpty() || now.isBefore(expiry.get())) {
            return expiry;
        }
        // read, not taken over: the outcome below carries the expired lease itself, so an answer of the owner
        // landing meanwhile wins (SENT) and the recovery's then changes nothing; a takeover would drop that answer
        List<Recipient> expired;
        boolean progressed;
        do {
            expired = recipients.findRecipients(new RecipientQuery.LeaseExpired(id, now, batchSize));
            List<RecipientUpdate> updates = new ArrayList<>();
            StatusReason reason = StatusReason.of(
                    SkipReasons.LEASE_EXPIRED, "the sending process stopped before the channel answered", false);
            for (Recipient recipient : expired) {
                updates.add(
                        resend
                                ? new RecipientUpdate.RetryLater(
                                        recipient.key(), Sender.leaseOf(recipient), now, reason, now)
                                : new RecipientUpdate.Unknown(recipient.key(), Sender.leaseOf(recipient), reason, now));
            }
            List<RecipientChange> changes = updates.isEmpty() ? List.of() : recipients.apply(updates);
            lifecycle.emit(changes);
            // none changed: others recovered (or answered) them meanwhile; the next run reads again
            progressed = !changes.isEmpty();
        } while (expired.size() == batchSize && progressed);
        return recipients.nextLeaseExpiry(id, now);
    }
}
