package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * This engine's claimed batches whose sends are not all recorded yet, per campaign (their leases are
 * renewed), and its sends awaiting an answer, engine-wide (bounded by the in-flight limit).
 */
final class Claims {

    /**
     * One claimed batch. Its lease is renewed while answers are outstanding, so a send slower than
     * the lease is not taken for a crash; the current lease is read and written under the recording
     * lock, so every update of the batch carries the lease its recipients are held under.
     */
    static final class Claim {
        final CampaignId campaign;
        volatile Lease lease;
        final AtomicInteger outstanding = new AtomicInteger();
        /**
         * Recipients of the batch never handed to the channel when a store call failed before their
         * send: still SENDING under the lease in the store, given back to PENDING once the store answers
         * again ({@link Sender#giveBackStranded}). Null when there are none.
         */
        volatile @Nullable List<Recipient> stranded;

        Claim(CampaignId campaign, Lease lease) {
            this.campaign = campaign;
            this.lease = lease;
        }

        /** Whether the store holds recipients of this claim under its lease that this engine must settle. */
        boolean holdsRecipients() {
            return outstanding.get() > 0 || stranded != null;
        }
    }

    private final ConcurrentMap<CampaignId, Set<Claim>> live = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    Claim open(CampaignId campaign, Lease lease) {
        Claim claim = new Claim(campaign, lease);
        live.computeIfAbsent(campaign, id -> ConcurrentHashMap.newKeySet()).add(claim);
        return claim;
    }

    void release(Claim claim) {
        Set<Claim> claims = live.get(claim.campaign);
        if (claims != null) {
            claims.remove(claim);
        }
    }

    /** The campaign's live claims; empty when it has none. */
    Set<Claim> of(CampaignId campaign) {
        Set<Claim> claims = live.get(campaign);
        return claims == null ? Set.of() : claims;
    }

    /** How many sends of the campaign this engine made and has not recorded the answer of yet. */
    int outstanding(CampaignId campaign) {
        return of(campaign).stream().mapToInt(claim -> claim.outstanding.get()).sum();
    }

    void forget(CampaignId campaign) {
        live.remove(campaign);
    }

    /** A send of {@code claim} was handed to the channel. */
    void sent(Claim claim) {
        inFlight.incrementAndGet();
        claim.outstanding.incrementAndGet();
    }

    /** The channel answered a send (its recording follows). */
    void answered() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }
}
