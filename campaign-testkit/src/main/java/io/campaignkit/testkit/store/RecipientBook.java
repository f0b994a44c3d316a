package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.RecipientClaim;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The recipients of one campaign and their leases. Every method holds the book's lock, so claims
 * of one campaign are serialized while claims of different campaigns run in parallel.
 *
 * <p>Free pending recipients wait in two queues: {@link #fresh} (never claimed, in the order they
 * were added: the common case, O(1)) and {@link #returned} (released, or recovered from an expired
 * lease; ordered by sequence). A claim takes the lower sequence of the two heads, so recipients come
 * out in the order they were added. {@link #returned} may hold stale entries (a recipient renewed
 * by its old owner after it was recovered, or listed twice): each entry is re-checked when taken.
 */
final class RecipientBook {

    private final CampaignId campaignId;
    private final Map<PhoneNumber, StoredRecipient> byPhone = new HashMap<>();
    private final ArrayDeque<StoredRecipient> fresh = new ArrayDeque<>();
    private final PriorityQueue<StoredRecipient> returned =
            new PriorityQueue<>(Comparator.comparingLong(recipient -> recipient.sequence));
    private final PriorityQueue<LeaseBatch> leases =
            new PriorityQueue<>(Comparator.comparingLong(batch -> batch.expiresAtNanos));
    private long nextSequence;
    private long pendingCount;

    RecipientBook(CampaignId campaignId) {
        this.campaignId = campaignId;
    }

    synchronized int add(List<Contact> contacts) {
        int added = 0;
        for (Contact contact : contacts) {
            StoredRecipient recipient = new StoredRecipient(contact, nextSequence);
            if (byPhone.putIfAbsent(contact.phone(), recipient) == null) {
                nextSequence++;
                fresh.addLast(recipient);
                pendingCount++;
                added++;
            }
        }
        return added;
    }

    synchronized List<RecipientClaim> claim(Lease lease, int limit, long nowNanos) {
        recoverExpiredLeases(nowNanos);
        LeaseBatch batch = new LeaseBatch(lease, new ArrayList<>(Math.min(limit, 256)));
        List<RecipientClaim> claims = new ArrayList<>(Math.min(limit, 256));
        while (claims.size() < limit) {
            StoredRecipient next = takeNextClaimable(nowNanos);
            if (next == null) {
                break;
            }
            next.heldBy = batch; // at once: a second entry of the same recipient is now not claimable
            batch.members.add(next);
            claims.add(new RecipientClaim(campaignId, next.contact, lease));
        }
        if (!claims.isEmpty()) {
            leases.add(batch);
        }
        return claims;
    }

    /** Renews the claims of this book still held under their lease; returns the renewed ones. */
    synchronized List<RecipientClaim> renew(List<RecipientClaim> claims, Lease renewed) {
        LeaseBatch batch = new LeaseBatch(renewed, new ArrayList<>(claims.size()));
        List<RecipientClaim> result = new ArrayList<>(claims.size());
        for (RecipientClaim claim : claims) {
            StoredRecipient recipient = heldUnder(claim);
            if (recipient != null && recipient.heldBy != batch) {
                recipient.heldBy = batch;
                batch.members.add(recipient);
                result.add(new RecipientClaim(campaignId, recipient.contact, renewed));
            }
        }
        if (!batch.members.isEmpty()) {
            leases.add(batch);
        }
        return result;
    }

    synchronized void release(List<RecipientClaim> claims) {
        for (RecipientClaim claim : claims) {
            StoredRecipient recipient = heldUnder(claim);
            if (recipient != null) {
                recipient.heldBy = null;
                returned.add(recipient);
            }
        }
    }

    synchronized long countPending() {
        return pendingCount;
    }

    /** The recipient of {@code claim} if it is pending and still held under the claim's lease (live or not). */
    private StoredRecipient heldUnder(RecipientClaim claim) {
        StoredRecipient recipient = byPhone.get(claim.contact().phone());
        if (recipient == null || !recipient.pending || recipient.heldBy == null
                || !recipient.heldBy.lease.equals(claim.lease())) {
            return null;
        }
        return recipient;
    }

    /**
     * Moves the members of expired batches that their batch still holds to {@link #returned}. They
     * keep {@code heldBy} until claimed again, so their old owner may still renew them meanwhile
     * (as a database row keeps its expired lease until another claim overwrites it).
     */
    private void recoverExpiredLeases(long nowNanos) {
        while (!leases.isEmpty() && !leases.peek().isLiveAt(nowNanos)) {
            LeaseBatch expired = leases.poll();
            for (StoredRecipient member : expired.members) {
                if (member.heldBy == expired && member.pending) {
                    returned.add(member);
                }
            }
        }
    }

    private StoredRecipient takeNextClaimable(long nowNanos) {
        while (true) {
            StoredRecipient first = fresh.peekFirst();
            StoredRecipient again = returned.peek();
            if (first == null && again == null) {
                return null;
            }
            boolean fromFresh = again == null || (first != null && first.sequence < again.sequence);
            StoredRecipient candidate = fromFresh ? fresh.pollFirst() : returned.poll();
            if (candidate.isClaimableAt(nowNanos)) {
                return candidate;
            }
        }
    }
}
