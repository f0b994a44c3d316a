package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.RecipientClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Runs a random schedule of claims, renewals, releases and clock steps by several owners against
 * one campaign of a store, and checks every answer against a model of who holds which recipient:
 * a recipient under a live lease is never handed to anyone else, a renewal succeeds exactly for
 * the claims still held under their lease, and no recipient is ever lost. Used by the contract kit
 * with fixed seeds and by property tests with random ones.
 */
final class ClaimSchedule {

    /** Why a schedule failed, with the seed and step that replay it. */
    static final class Violation extends AssertionError {
        private static final long serialVersionUID = 1L;

        Violation(long seed, int step, String message) {
            super("claim schedule with seed " + seed + " broke at step " + step + ": " + message);
        }
    }

    private record Held(String owner, Instant expiresAt) {
        boolean isLiveAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final CampaignStore store;
    private final CampaignId campaignId;
    private final long seed;
    private final Random random;
    private final List<String> owners;
    private final Map<PhoneNumber, Held> holders = new HashMap<>();
    private final Map<String, List<RecipientClaim>> claimsByOwner = new HashMap<>();
    private Instant now;

    ClaimSchedule(CampaignStore store, CampaignId campaignId, Instant start, int ownerCount, long seed) {
        this.store = store;
        this.campaignId = campaignId;
        this.seed = seed;
        this.random = new Random(seed);
        this.now = start;
        this.owners = new ArrayList<>();
        for (int i = 0; i < ownerCount; i++) {
            owners.add("owner-" + i);
            claimsByOwner.put("owner-" + i, new ArrayList<>());
        }
    }

    /** Runs {@code steps} random steps over the campaign's {@code recipients}, already added and pending. */
    void run(List<Contact> recipients, int steps) {
        Set<PhoneNumber> audience = new HashSet<>();
        recipients.forEach(contact -> audience.add(contact.phone()));
        for (int step = 0; step < steps; step++) {
            String owner = owners.get(random.nextInt(owners.size()));
            int action = random.nextInt(10);
            if (action < 4) {
                claim(step, owner, audience);
            } else if (action < 6) {
                renew(step, owner);
            } else if (action < 8) {
                release(step, owner);
            } else {
                now = now.plusSeconds(1 + random.nextInt(20));
            }
            check(step, store.countPending(campaignId) == audience.size(),
                    "countPending is " + store.countPending(campaignId) + ", expected " + audience.size());
        }
        // nothing lost: once every lease has expired, one owner claims every recipient again
        now = now.plus(LEASE).plusSeconds(1);
        Set<PhoneNumber> reclaimed = new HashSet<>();
        List<RecipientClaim> page;
        do {
            page = store.claimPending(campaignId, new Lease("final", now.plus(LEASE)), 1000, now);
            for (RecipientClaim claim : page) {
                check(steps, reclaimed.add(claim.contact().phone()), claim.contact().phone() + " handed out twice at the end");
            }
        } while (!page.isEmpty());
        check(steps, reclaimed.equals(audience), "after every lease expired, " + reclaimed.size() + " of "
                + audience.size() + " recipients could be claimed again");
    }

    private void claim(int step, String owner, Set<PhoneNumber> audience) {
        Lease lease = new Lease(owner, now.plus(LEASE).minusSeconds(random.nextInt(25)));
        List<RecipientClaim> claims = store.claimPending(campaignId, lease, 1 + random.nextInt(5), now);
        Set<PhoneNumber> inBatch = new HashSet<>();
        for (RecipientClaim claim : claims) {
            PhoneNumber phone = claim.contact().phone();
            check(step, audience.contains(phone), phone + " is not a recipient of the campaign");
            check(step, inBatch.add(phone), phone + " appears twice in one claim");
            check(step, claim.lease().equals(lease) && claim.campaignId().equals(campaignId),
                    "a claim carries another lease or campaign: " + claim);
            Held held = holders.get(phone);
            check(step, held == null || !held.isLiveAt(now), phone + " handed to " + owner + " while "
                    + held + " holds it live at " + now);
            holders.put(phone, new Held(owner, lease.expiresAt()));
            claimsByOwner.get(owner).add(claim);
        }
    }

    private void renew(int step, String owner) {
        List<RecipientClaim> mine = sample(claimsByOwner.get(owner));
        if (mine.isEmpty()) {
            return;
        }
        Instant newExpiry = now.plus(LEASE);
        List<RecipientClaim> renewed = store.renew(mine, newExpiry, now);
        Set<PhoneNumber> renewedPhones = new HashSet<>();
        renewed.forEach(claim -> renewedPhones.add(claim.contact().phone()));
        Set<PhoneNumber> stillHeld = new HashSet<>();
        for (RecipientClaim claim : mine) {
            if (new Held(owner, claim.lease().expiresAt()).equals(holders.get(claim.contact().phone()))) {
                stillHeld.add(claim.contact().phone());
            }
        }
        check(step, renewed.size() == renewedPhones.size(), "a renewal returned a recipient twice: " + renewed);
        check(step, renewedPhones.equals(stillHeld), owner + " renewed " + renewedPhones
                + " but holds exactly " + stillHeld + " of the claims it renewed, at " + now);
        List<RecipientClaim> current = claimsByOwner.get(owner);
        current.removeAll(mine);
        for (RecipientClaim claim : renewed) {
            check(step, claim.lease().equals(new Lease(owner, newExpiry)), "a renewed claim carries " + claim.lease());
            holders.put(claim.contact().phone(), new Held(owner, newExpiry));
            current.add(claim);
        }
    }

    private void release(int step, String owner) {
        List<RecipientClaim> mine = sample(claimsByOwner.get(owner));
        if (mine.isEmpty()) {
            return;
        }
        store.release(mine);
        for (RecipientClaim claim : mine) {
            Held held = holders.get(claim.contact().phone());
            if (held != null && held.equals(new Held(owner, claim.lease().expiresAt()))) {
                holders.remove(claim.contact().phone());
            }
        }
        claimsByOwner.get(owner).removeAll(mine);
    }

    private List<RecipientClaim> sample(List<RecipientClaim> claims) {
        List<RecipientClaim> sample = new ArrayList<>();
        for (RecipientClaim claim : claims) {
            if (random.nextBoolean()) {
                sample.add(claim);
            }
        }
        return sample;
    }

    private void check(int step, boolean condition, String message) {
        if (!condition) {
            throw new Violation(seed, step, message);
        }
    }
}
