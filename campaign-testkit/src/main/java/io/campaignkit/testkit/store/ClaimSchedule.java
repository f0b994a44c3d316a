package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Runs a random schedule of claims, recoveries of expired leases, outcomes (accepted, given back,
 * retried) and clock steps by several engine processes against one campaign, and checks every answer
 * of the store against a model: a recipient under a live lease is never handed to anyone else, an
 * expired lease is recovered by exactly one process, every update applies exactly when its rules say,
 * and in the end every recipient is sent once the processes keep going. A failure names the seed that
 * replays it. Used by the contract kit with fixed seeds and by property tests with random ones.
 */
// A test model: its look-ups hit keys it put itself, and its fields are set before they are read; a miss
// would be a bug of the kit, which fails the run with a NullPointerException.
@SuppressWarnings("NullAway")
final class ClaimSchedule {

    /** Why a schedule failed, with the seed and step that replay it. */
    static final class Violation extends AssertionError {
        private static final long serialVersionUID = 1L;

        Violation(long seed, int step, String message) {
            super("claim schedule with seed " + seed + " broke at step " + step + ": " + message);
        }
    }

    /** What the model knows of one recipient. */
    private static final class Modelled {
        DeliveryState state = DeliveryState.PENDING;
        Instant dueAt;
        Lease lease;
        int attempts;
    }

    private static final long LEASE_SECONDS = 30;
    private static final StatusReason TIMEOUT = StatusReason.of("TRANSIENT", "provider timed out", false);

    private final RecipientStore store;
    private final CampaignId campaignId;
    private final long seed;
    private final Random random;
    private final List<String> owners = new ArrayList<>();
    private final Map<PhoneNumber, Modelled> model = new HashMap<>();
    /**
     * Every recipient each owner was ever handed, with the last lease it was handed it under: a stalled
     * owner may still record outcomes for them, under that lease.
     */
    private final Map<String, Map<PhoneNumber, Lease>> everHeld = new HashMap<>();

    private Instant now;
    private int step;
    private int acceptedIds;

    ClaimSchedule(RecipientStore store, CampaignId campaignId, Instant start, int ownerCount, long seed) {
        this.store = store;
        this.campaignId = campaignId;
        this.seed = seed;
        this.random = new Random(seed);
        this.now = start;
        for (int i = 0; i < ownerCount; i++) {
            owners.add("owner-" + i);
            everHeld.put("owner-" + i, new HashMap<>());
        }
    }

    /** Runs {@code steps} random steps over {@code audience}: PENDING recipients of the campaign due at the start. */
    void run(List<PhoneNumber> audience, int steps) {
        audience.forEach(phone -> {
            Modelled recipient = new Modelled();
            recipient.dueAt = now;
            model.put(phone, recipient);
        });
        for (step = 0; step < steps; step++) {
            String owner = owners.get(random.nextInt(owners.size()));
            int action = random.nextInt(10);
            if (action < 3) {
                claim(owner);
            } else if (action < 5) {
                recover(owner);
            } else if (action < 8) {
                settle(owner);
            } else {
                now = now.plusSeconds(1 + random.nextInt(20));
            }
            compareWithStore();
        }
        finish(audience.size());
    }

    private void claim(String owner) {
        Lease lease = new Lease(owner, now.plusSeconds(LEASE_SECONDS - random.nextInt(25)));
        int limit = 1 + random.nextInt(5);
        List<Recipient> claimed = store.claimForSending(campaignId, lease, limit, now);
        Set<PhoneNumber> seen = new HashSet<>();
        for (Recipient recipient : claimed) {
            Modelled expected = model.get(recipient.phone());
            check(expected != null && seen.add(recipient.phone()), recipient.phone() + " is unknown or came twice");
            check(
                    expected.state == DeliveryState.PENDING && !expected.dueAt.isAfter(now),
                    recipient.phone() + " claimed for sending while " + expected.state + " due " + expected.dueAt);
            expected.state = DeliveryState.SENDING;
            expected.lease = lease;
            expected.attempts++;
            everHeld.get(owner).put(recipient.phone(), recipient.lease().orElse(lease));
        }
        long claimable = model.values().stream()
                        .filter(r -> r.state == DeliveryState.PENDING && !r.dueAt.isAfter(now))
                        .count()
                + claimed.size();
        check(
                claimed.size() == Math.min(limit, claimable),
                "claimed " + claimed.size() + " of " + claimable + " due recipients with limit " + limit);
    }

    private void recover(String owner) {
        Lease lease = new Lease(owner, now.plusSeconds(LEASE_SECONDS));
        int limit = 1 + random.nextInt(5);
        List<Recipient> recovered = store.claimExpiredSending(campaignId, lease, limit, now);
        for (Recipient recipient : recovered) {
            Modelled expected = model.get(recipient.phone());
            check(
                    expected != null && expected.state == DeliveryState.SENDING && !expected.lease.isLiveAt(now),
                    recipient.phone() + " recovered by " + owner + " though "
                            + (expected == null ? "unknown" : expected.state + " under " + expected.lease) + " at "
                            + now);
            expected.lease = lease;
            everHeld.get(owner).put(recipient.phone(), recipient.lease().orElse(lease));
        }
        long expired = model.values().stream()
                        .filter(r -> r.state == DeliveryState.SENDING && !r.lease.isLiveAt(now))
                        .count()
                + recovered.size();
        check(
                recovered.size() == Math.min(limit, expired),
                "recovered " + recovered.size() + " of " + expired + " expired leases with limit " + limit);
    }

    /**
     * The owner records outcomes for some recipients it was handed, possibly long ago, under the lease it
     * was handed them with: an update moves a SENDING recipient only while it is still held under that
     * lease, so a stalled owner's late outcome for a recipient a survivor took over changes nothing.
     */
    private void settle(String owner) {
        List<RecipientUpdate> updates = new ArrayList<>();
        Map<PhoneNumber, Lease> held = everHeld.get(owner);
        List<PhoneNumber> targets = new ArrayList<>(held.keySet());
        targets.sort(null); // set order is not reproducible across runs; the seed must be
        targets.removeIf(phone -> random.nextBoolean());
        if (targets.isEmpty()) {
            return;
        }
        List<PhoneNumber> expectedChanges = new ArrayList<>();
        for (PhoneNumber phone : targets) {
            RecipientKey key = new RecipientKey(campaignId, phone);
            Modelled recipient = model.get(phone);
            Lease lease = held.get(phone);
            boolean holds = recipient.state == DeliveryState.SENDING && lease.equals(recipient.lease);
            int kind = random.nextInt(3);
            if (kind == 0) {
                updates.add(new RecipientUpdate.Accepted(key, lease, "msg-" + (acceptedIds++), now));
                if (holds) {
                    recipient.state = DeliveryState.SENT;
                    recipient.lease = null;
                    expectedChanges.add(phone);
                }
            } else {
                Instant dueAt = now.plusSeconds(random.nextInt(10));
                updates.add(
                        kind == 1
                                ? new RecipientUpdate.Unclaimed(key, lease, dueAt, now)
                                : new RecipientUpdate.RetryLater(key, lease, dueAt, TIMEOUT, now));
                if (holds) {
                    recipient.state = DeliveryState.PENDING;
                    recipient.lease = null;
                    recipient.dueAt = dueAt;
                    recipient.attempts -= kind == 1 ? 1 : 0;
                    expectedChanges.add(phone);
                }
            }
        }
        List<RecipientChange> changes = store.apply(updates);
        check(
                changes.stream().map(change -> change.after().phone()).toList().equals(expectedChanges),
                owner + "'s updates changed "
                        + changes.stream().map(change -> change.after().phone()).toList() + ", expected "
                        + expectedChanges);
    }

    private void compareWithStore() {
        model.forEach((phone, expected) -> {
            Optional<Recipient> stored = store.findRecipient(new RecipientKey(campaignId, phone));
            check(stored.isPresent(), phone + " disappeared");
            Recipient actual = stored.get();
            check(
                    actual.state() == expected.state
                            && actual.attempts() == expected.attempts
                            && actual.lease().equals(Optional.ofNullable(expected.lease)),
                    phone + " is " + actual.state() + " attempts " + actual.attempts() + " lease " + actual.lease()
                            + ", expected " + expected.state + " attempts " + expected.attempts + " lease "
                            + expected.lease);
        });
    }

    /** After the schedule, one survivor recovers and sends everything: nothing was lost. */
    private void finish(int audience) {
        now = now.plusSeconds(LEASE_SECONDS + 20);
        Lease survivor = new Lease("survivor", now.plusSeconds(LEASE_SECONDS));
        List<RecipientUpdate> updates = new ArrayList<>();
        for (Recipient recipient : store.claimExpiredSending(campaignId, survivor, 1000, now)) {
            updates.add(new RecipientUpdate.Accepted(
                    recipient.key(), recipient.lease().orElseThrow(), "msg-" + (acceptedIds++), now));
        }
        for (Recipient recipient : store.claimForSending(campaignId, survivor, 1000, now)) {
            updates.add(new RecipientUpdate.Accepted(
                    recipient.key(), recipient.lease().orElseThrow(), "msg-" + (acceptedIds++), now));
        }
        if (!updates.isEmpty()) {
            store.apply(updates);
        }
        long sent = store.counts(campaignId).count(DeliveryState.SENT);
        check(sent == audience, "in the end " + sent + " of " + audience + " recipients were sent");
    }

    private void check(boolean condition, String message) {
        if (!condition) {
            throw new Violation(seed, step, message);
        }
    }
}
