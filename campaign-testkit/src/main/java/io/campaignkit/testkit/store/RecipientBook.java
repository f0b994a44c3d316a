package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The recipients of one campaign. Every method holds the book's lock, so work on one campaign is
 * serialized while work on different campaigns runs in parallel; no method scans the audience.
 *
 * <p>PENDING recipients wait in claim order (due time, then sequence) in two queues: {@link #inOrder}
 * for those added in that order (the common case: a launch adds everyone due at one instant; O(1))
 * and {@link #outOfOrder} for the rest (retries, recipients given back). Each PENDING recipient is in
 * exactly one of them; an entry whose recipient left PENDING (skipped, or moved on by a status report)
 * is dropped when it reaches the head, since nothing returns to PENDING without being claimed first.
 * SENDING recipients are held by {@link LeaseBatch}es, queued by expiry for recovery.
 */
final class RecipientBook {

    private static final Comparator<MutableRecipient> CLAIM_ORDER =
            Comparator.<MutableRecipient, Instant>comparing(recipient -> recipient.dueAt)
                    .thenComparingLong(recipient -> recipient.sequence);

    final CampaignId campaignId;
    private final Map<String, MutableRecipient> byPhone = new HashMap<>(); // by E.164
    private final ArrayList<MutableRecipient> bySequence = new ArrayList<>();
    private final ArrayDeque<MutableRecipient> inOrder = new ArrayDeque<>();
    private final PriorityQueue<MutableRecipient> outOfOrder = new PriorityQueue<>(CLAIM_ORDER);
    private final PriorityQueue<LeaseBatch> leases =
            new PriorityQueue<>(Comparator.comparing(batch -> batch.lease.expiresAt()));
    private final RecipientTally tally = new RecipientTally();
    private final ProviderIdIndex providerIds;

    RecipientBook(CampaignId campaignId, ProviderIdIndex providerIds) {
        this.campaignId = campaignId;
        this.providerIds = providerIds;
    }

    synchronized List<Recipient> insert(List<NewRecipient> recipients, Instant now) {
        List<Recipient> added = new ArrayList<>(recipients.size());
        for (NewRecipient recipient : recipients) {
            String phone = recipient.contact().phone().e164();
            if (byPhone.containsKey(phone)) {
                continue;
            }
            boolean skipped = recipient.skipped().isPresent();
            MutableRecipient stored = new MutableRecipient(this, recipient.contact(), bySequence.size(),
                    skipped ? DeliveryState.SKIPPED : DeliveryState.PENDING, recipient.dueAt(),
                    recipient.skipped().orElse(null), now);
            byPhone.put(phone, stored);
            bySequence.add(stored);
            if (!skipped) {
                enqueuePending(stored);
            }
            tally.count(stored);
            added.add(stored.snapshot());
        }
        return added;
    }

    synchronized List<Recipient> claimForSending(Lease lease, int limit, Instant now) {
        LeaseBatch batch = new LeaseBatch(lease);
        List<Recipient> claimed = new ArrayList<>(Math.min(limit, 256));
        while (claimed.size() < limit) {
            MutableRecipient next = nextPending();
            if (next == null || next.dueAt.isAfter(now)) {
                break;
            }
            takePending(next);
            tally.uncount(next);
            next.state = DeliveryState.SENDING;
            next.attempts++;
            next.updatedAt = now;
            next.holdBy(batch);
            batch.members.add(next);
            tally.count(next);
            claimed.add(next.snapshot());
        }
        if (!claimed.isEmpty()) {
            leases.add(batch);
        }
        return claimed;
    }

    synchronized List<Recipient> claimExpiredSending(Lease lease, int limit, Instant now) {
        LeaseBatch batch = new LeaseBatch(lease);
        List<Recipient> recovered = new ArrayList<>();
        while (recovered.size() < limit && !leases.isEmpty()) {
            LeaseBatch expired = leases.peek();
            if (expired.live == 0) {
                leases.poll();
                continue;
            }
            if (expired.lease.isLiveAt(now)) {
                break;
            }
            while (recovered.size() < limit && expired.recoveryCursor < expired.members.size()) {
                MutableRecipient member = expired.members.get(expired.recoveryCursor++);
                if (expired.holds(member)) {
                    member.holdBy(batch);
                    member.updatedAt = now;
                    batch.members.add(member);
                    recovered.add(member.snapshot());
                }
            }
            if (expired.recoveryCursor == expired.members.size()) {
                leases.poll();
            }
        }
        if (!recovered.isEmpty()) {
            leases.add(batch);
        }
        return recovered;
    }

    /** Applies one update to a recipient of this book; null when it changed nothing. */
    synchronized RecipientChange apply(RecipientUpdate update) {
        MutableRecipient recipient = byPhone.get(update.key().phone().e164());
        if (recipient == null) {
            return null;
        }
        MutableRecipient before = recipient.copy(); // cheap; snapshotted only if something changes
        tally.uncount(recipient);
        boolean changed = RecipientUpdates.apply(recipient, update);
        if (changed) {
            recipient.updatedAt = update.at();
            if (recipient.state == DeliveryState.PENDING && before.state != DeliveryState.PENDING) {
                enqueuePending(recipient);
            }
            if (recipient.providerMessageId != null && before.providerMessageId == null) {
                providerIds.put(recipient.providerMessageId, recipient);
            }
        }
        tally.count(recipient);
        return changed ? new RecipientChange(before.snapshot(), recipient.snapshot()) : null;
    }

    synchronized List<RecipientChange> skipPending(StatusReason reason, int limit, Instant now) {
        List<RecipientChange> changes = new ArrayList<>(Math.min(limit, 256));
        while (changes.size() < limit) {
            MutableRecipient next = nextPending();
            if (next == null) {
                break;
            }
            takePending(next);
            Recipient before = next.snapshot();
            tally.uncount(next);
            next.state = DeliveryState.SKIPPED;
            next.outcome = reason;
            next.updatedAt = now;
            tally.count(next);
            changes.add(new RecipientChange(before, next.snapshot()));
        }
        return changes;
    }

    synchronized Optional<Recipient> find(String e164) {
        MutableRecipient recipient = byPhone.get(e164);
        return recipient == null ? Optional.empty() : Optional.of(recipient.snapshot());
    }

    synchronized Recipient snapshotOf(MutableRecipient recipient) {
        return recipient.snapshot();
    }

    synchronized List<Recipient> page(long afterSequence, int limit) {
        List<Recipient> page = new ArrayList<>(Math.min(limit, 256));
        for (long next = Math.max(0, afterSequence + 1); next < bySequence.size() && page.size() < limit; next++) {
            page.add(bySequence.get((int) next).snapshot());
        }
        return page;
    }

    synchronized Optional<Instant> nextDueAt() {
        MutableRecipient next = nextPending();
        return next == null ? Optional.empty() : Optional.of(next.dueAt);
    }

    /** Moves the members still held under {@code held} to a batch under {@code renewed}. */
    synchronized int renewLease(Lease held, Lease renewed) {
        LeaseBatch batch = new LeaseBatch(renewed);
        for (LeaseBatch old : List.copyOf(leases)) {
            if (!old.lease.equals(held) || old.live == 0) {
                continue;
            }
            for (MutableRecipient member : old.members) {
                if (old.holds(member)) {
                    member.holdBy(batch);
                    batch.members.add(member);
                }
            }
        }
        if (batch.live > 0) {
            leases.add(batch);
        }
        return batch.live;
    }

    synchronized Optional<Instant> nextLeaseExpiry() {
        while (!leases.isEmpty() && leases.peek().live == 0) {
            leases.poll();
        }
        return leases.isEmpty() ? Optional.empty() : Optional.of(leases.peek().lease.expiresAt());
    }

    synchronized RecipientCounts counts() {
        return tally.toCounts();
    }

    /** Removes the book's provider message ids from the index, when its campaign is deleted. */
    synchronized void forgetProviderIds(ProviderIdIndex index) {
        for (MutableRecipient recipient : bySequence) {
            if (recipient.providerMessageId != null) {
                index.remove(recipient.providerMessageId, recipient);
            }
        }
    }

    private void enqueuePending(MutableRecipient recipient) {
        MutableRecipient last = inOrder.peekLast();
        if (last == null || CLAIM_ORDER.compare(last, recipient) < 0) {
            inOrder.addLast(recipient);
        } else {
            outOfOrder.add(recipient);
        }
    }

    /** The PENDING recipient first in claim order, dropping stale entries; not removed. */
    private MutableRecipient nextPending() {
        while (!inOrder.isEmpty() && inOrder.peekFirst().state != DeliveryState.PENDING) {
            inOrder.pollFirst();
        }
        while (!outOfOrder.isEmpty() && outOfOrder.peek().state != DeliveryState.PENDING) {
            outOfOrder.poll();
        }
        MutableRecipient first = inOrder.peekFirst();
        MutableRecipient other = outOfOrder.peek();
        if (first == null) {
            return other;
        }
        return other == null || CLAIM_ORDER.compare(first, other) < 0 ? first : other;
    }

    private void takePending(MutableRecipient recipient) {
        if (inOrder.peekFirst() == recipient) {
            inOrder.pollFirst();
        } else {
            outOfOrder.poll();
        }
    }
}
