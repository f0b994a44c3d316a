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
import io.campaignkit.core.port.rules.CounterKey;
import io.campaignkit.core.port.rules.CounterValues;
import io.campaignkit.core.port.rules.RecipientCounting;
import io.campaignkit.core.port.rules.RecipientRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The recipients of one campaign. Every method holds the book's lock, so work on one campaign is
 * serialized while work on different campaigns runs in parallel; no method scans the audience. What
 * a change does to a recipient, and which counters it moves, are core's {@link RecipientRules} and
 * {@link RecipientCounting}; the book only finds, orders and replaces recipients.
 *
 * <p>PENDING recipients wait in claim order (due time, then sequence) in a {@link PendingQueue} per
 * local zone (one, keyed {@code ""}, for recipients without a zone): a claim of any recipient, and a
 * claim across some zones ({@link io.campaignkit.core.port.RecipientWindows}), merges the heads of the
 * queues it reads ({@link PendingMerge}). SENDING recipients are held by {@link LeaseBatch}es, queued by expiry for recovery.
 * Recipients are found by number through a {@link PhoneIndex} of their sequence numbers.
 */
final class RecipientBook {

    private static final String NO_ZONE = "";

    final CampaignId campaignId;
    private final ArrayList<RecipientEntry> bySequence = new ArrayList<>();
    private final PhoneIndex byPhone = new PhoneIndex(bySequence); // by E.164
    private final Map<String, PendingQueue> pending = new TreeMap<>(); // by zone key
    /** The one queue of {@link #pending} while it holds one (queues are never removed), else null. */
    private @Nullable PendingQueue onlyQueue;

    private final PriorityQueue<LeaseBatch> leases =
            new PriorityQueue<>(Comparator.comparing(batch -> batch.lease.expiresAt()));
    /** Per counter: recipients, accepted, delivered, read; summed in place, as every claim and outcome moves two. */
    private final Map<CounterKey, long[]> counters = new HashMap<>();
    /** The sums of {@link #counters} under this campaign's key without a code, per state ordinal, once known. */
    private final long[][] plainSums = new long[DeliveryState.values().length][];

    private final ProviderIdIndex providerIds;
    private final FoundEntries found;

    RecipientBook(CampaignId campaignId, ProviderIdIndex providerIds, FoundEntries found) {
        this.campaignId = campaignId;
        this.providerIds = providerIds;
        this.found = found;
    }

    synchronized List<Recipient> insert(List<NewRecipient> recipients, Instant now) {
        List<Recipient> added = new ArrayList<>(recipients.size());
        RecipientCounting counting = new RecipientCounting();
        for (NewRecipient recipient : recipients) {
            String phone = recipient.contact().phone().e164();
            if (byPhone.get(phone) != null) {
                continue;
            }
            RecipientEntry stored = new RecipientEntry(
                    this,
                    Recipient.of(campaignId, bySequence.size(), recipient, now),
                    recipient.localZone().orElse(NO_ZONE));
            bySequence.add(stored);
            byPhone.add(stored);
            if (stored.recipient.state() == DeliveryState.PENDING) {
                enqueuePending(stored);
            }
            counting.added(stored.recipient);
            added.add(stored.recipient);
        }
        count(counting);
        return added;
    }

    synchronized List<Recipient> claimForSending(Lease lease, int limit, Instant now) {
        return claimFrom(new PendingMerge(List.copyOf(pending.values())), lease, limit, now);
    }

    /** Claims due recipients of the local zones {@code zones}, by due time then sequence across them. */
    synchronized List<Recipient> claimDueIn(Set<String> zones, Lease lease, int limit, Instant now) {
        List<PendingQueue> queues = new ArrayList<>(Math.min(zones.size(), pending.size()));
        for (String zone : zones) {
            PendingQueue queue = pending.get(zone);
            if (queue != null) {
                queues.add(queue);
            }
        }
        return queues.isEmpty() ? List.of() : claimFrom(new PendingMerge(queues), lease, limit, now);
    }

    /** The earliest due time of each zone of {@code zones} that has PENDING recipients. */
    synchronized Map<String, Instant> nextDueIn(Set<String> zones) {
        Map<String, Instant> due = new HashMap<>();
        for (String zone : zones) {
            PendingQueue queue = pending.get(zone);
            RecipientEntry head = queue == null ? null : queue.head();
            if (head != null) {
                due.put(zone, head.recipient.dueAt());
            }
        }
        return due;
    }

    /** The zones that have PENDING recipients. */
    synchronized Set<String> pendingZones() {
        Set<String> zones = new TreeSet<>();
        pending.forEach((zone, queue) -> {
            if (!zone.isEmpty() && queue.head() != null) {
                zones.add(zone);
            }
        });
        return zones;
    }

    /** Claims from the queues of {@code merge}, in claim order across them. */
    private List<Recipient> claimFrom(PendingMerge merge, Lease lease, int limit, Instant now) {
        LeaseBatch batch = new LeaseBatch(lease);
        List<Recipient> claimed = new ArrayList<>(Math.min(limit, 256));
        while (claimed.size() < limit) {
            RecipientEntry next = merge.nextDue(now);
            if (next == null) {
                break;
            }
            merge.take();
            Recipient before = next.recipient;
            next.recipient = RecipientRules.claim(before, lease, now);
            found.remember(before.key(), next); // its send's answer comes next, by key
            next.holdBy(batch);
            batch.members.add(next);
            countChange(before, next.recipient);
            claimed.add(next.recipient);
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
                RecipientEntry member = expired.members.get(expired.recoveryCursor++);
                if (expired.holds(member)) {
                    member.recipient = RecipientRules.recover(member.recipient, lease, now); // counts unchanged
                    member.holdBy(batch);
                    batch.members.add(member);
                    recovered.add(member.recipient);
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

    /**
     * Applies one update to a recipient of this book; null when it changed nothing. {@code hint} is the
     * entry a lookup found for it just before, if any: used when it is that recipient's in this book.
     */
    synchronized @Nullable RecipientChange apply(RecipientUpdate update, @Nullable RecipientEntry hint) {
        RecipientEntry entry =
                hint != null && hint.book == this && hint.recipient.key().equals(update.key())
                        ? hint
                        : byPhone.get(update.key().phone().e164());
        if (entry == null) {
            return null;
        }
        Recipient before = entry.recipient;
        Optional<Recipient> after = RecipientRules.apply(before, update);
        if (after.isEmpty()) {
            return null;
        }
        RecipientChange change = new RecipientChange(before, after.get());
        replace(entry, change);
        countChange(before, change.after());
        return change;
    }

    synchronized List<RecipientChange> skipPending(StatusReason reason, int limit, Instant now) {
        List<RecipientChange> changes = new ArrayList<>(Math.min(limit, 256));
        RecipientCounting counting = new RecipientCounting();
        while (changes.size() < limit) {
            RecipientEntry next = nextPending();
            if (next == null) {
                break;
            }
            takePending(next);
            RecipientChange change =
                    new RecipientChange(next.recipient, RecipientRules.skip(next.recipient, reason, now));
            next.recipient = change.after();
            counting.changed(change);
            changes.add(change);
        }
        count(counting);
        return changes;
    }

    synchronized Optional<Recipient> find(String e164) {
        RecipientEntry entry = byPhone.get(e164);
        return entry == null ? Optional.empty() : Optional.of(entry.recipient);
    }

    synchronized Recipient recipientOf(RecipientEntry entry) {
        return entry.recipient;
    }

    synchronized List<Recipient> page(long afterSequence, int limit) {
        List<Recipient> page = new ArrayList<>(Math.min(limit, 256));
        for (long next = Math.max(0, afterSequence + 1); next < bySequence.size() && page.size() < limit; next++) {
            page.add(bySequence.get((int) next).recipient);
        }
        return page;
    }

    /** A page of SENT recipients on a binding below the query's, by sent time then sequence (a scan: a test store). */
    synchronized List<Recipient> awaitingDelivery(io.campaignkit.core.port.RecipientQuery.AwaitingDelivery query) {
        return bySequence.stream()
                .map(entry -> entry.recipient)
                .filter(r -> r.state() == DeliveryState.SENT
                        && r.binding() < query.belowBinding()
                        && query.isAfterPosition(r))
                .sorted(Comparator.comparing((Recipient r) -> r.sentAt().orElse(Instant.EPOCH))
                        .thenComparingLong(Recipient::sequence))
                .limit(query.limit())
                .toList();
    }

    /**
     * SENDING recipients whose lease had expired at {@code query.at()}, by expiry then sequence, read from the
     * lease batches (not the audience); no lease taken.
     */
    synchronized List<Recipient> leaseExpired(io.campaignkit.core.port.RecipientQuery.LeaseExpired query) {
        List<Recipient> expired = new ArrayList<>();
        for (LeaseBatch batch : leases) {
            if (batch.live > 0 && !batch.lease.isLiveAt(query.at())) {
                for (RecipientEntry member : batch.members) {
                    if (batch.holds(member) && query.matches(member.recipient)) {
                        expired.add(member.recipient);
                    }
                }
            }
        }
        expired.sort(
                Comparator.comparing((Recipient r) -> r.lease().orElseThrow().expiresAt())
                        .thenComparingLong(Recipient::sequence));
        return List.copyOf(expired.subList(0, Math.min(query.limit(), expired.size())));
    }

    /** As {@link #page}, only the recipients {@code query} matches. */
    synchronized List<Recipient> page(io.campaignkit.core.port.RecipientQuery.ByOutcome query) {
        List<Recipient> page = new ArrayList<>(Math.min(query.limit(), 256));
        for (long next = Math.max(0, query.afterSequence() + 1);
                next < bySequence.size() && page.size() < query.limit();
                next++) {
            Recipient recipient = bySequence.get((int) next).recipient;
            if (query.matches(recipient)) {
                page.add(recipient);
            }
        }
        return page;
    }

    synchronized Optional<Instant> nextDueAt() {
        RecipientEntry next = nextPending();
        return next == null ? Optional.empty() : Optional.of(next.recipient.dueAt());
    }

    /** Moves the members still held under {@code held} to a batch under {@code renewed}. */
    synchronized int renewLease(Lease held, Lease renewed) {
        LeaseBatch batch = new LeaseBatch(renewed);
        for (LeaseBatch old : List.copyOf(leases)) {
            if (!old.lease.equals(held) || old.live == 0) {
                continue;
            }
            for (RecipientEntry member : old.members) {
                if (old.holds(member)) {
                    member.recipient = member.recipient.withLease(Optional.of(renewed));
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
        return leases.isEmpty()
                ? Optional.empty()
                : Optional.of(leases.peek().lease.expiresAt());
    }

    synchronized RecipientCounts counts() {
        Map<CounterKey, CounterValues> values = new HashMap<>();
        counters.forEach((key, sums) -> values.put(key, new CounterValues(sums[0], sums[1], sums[2], sums[3])));
        return RecipientCounting.counts(values);
    }

    /** Removes the book's provider message ids from the index, when its campaign is deleted. */
    synchronized void forgetProviderIds(ProviderIdIndex index) {
        for (RecipientEntry entry : bySequence) {
            entry.recipient.providerMessageId().ifPresent(id -> index.remove(id, entry));
        }
    }

    /** Stores a change's result: back in the claim queue if it returned to PENDING, out of its batch if unleased. */
    private void replace(RecipientEntry entry, RecipientChange change) {
        Recipient before = change.before();
        Recipient after = change.after();
        entry.recipient = after;
        if (before.state() == DeliveryState.PENDING && after.state() != DeliveryState.PENDING) {
            queueOf(entry.zone).leftPending(); // still queued: dropped when it reaches the head
        }
        if (after.lease().isEmpty() && entry.heldBy != null) {
            entry.holdBy(null);
        }
        if (after.state() == DeliveryState.PENDING && before.state() != DeliveryState.PENDING) {
            enqueuePending(entry);
        }
        if (before.providerMessageId().isPresent()
                && !before.providerMessageId().equals(after.providerMessageId())) {
            providerIds.remove(before.providerMessageId().get(), entry); // a fallback left that message behind
        }
        if (after.providerMessageId().isPresent() && !after.providerMessageId().equals(before.providerMessageId())) {
            providerIds.put(after.providerMessageId().get(), entry);
        }
    }

    private void count(RecipientCounting counting) {
        counting.deltas().forEach((key, delta) -> add(key, delta, 1));
    }

    /** {@link RecipientCounting#changed} of one recipient, added to the counters in place. */
    private void countChange(Recipient before, Recipient after) {
        add(before, -1);
        add(after, 1);
    }

    /** {@link RecipientCounting#valuesOf} added to {@link RecipientCounting#keyOf}'s sums, without building either. */
    private void add(Recipient recipient, int sign) {
        long[] sums = sumsOf(recipient);
        sums[0] += sign;
        sums[1] += recipient.sentAt().isPresent() ? sign : 0;
        sums[2] += recipient.deliveredAt().isPresent() ? sign : 0;
        sums[3] += recipient.readAt().isPresent() ? sign : 0;
    }

    private void add(CounterKey key, CounterValues values, int sign) {
        long[] sums = counters.computeIfAbsent(key, k -> new long[4]);
        sums[0] += sign * values.recipients();
        sums[1] += sign * values.accepted();
        sums[2] += sign * values.delivered();
        sums[3] += sign * values.read();
    }

    /**
     * The sums of the recipient's counter: those of a state that keeps no code are kept per state (every
     * claim and every answer moves two), the rest looked up by {@link RecipientCounting#keyOf}.
     */
    private long[] sumsOf(Recipient recipient) {
        long[] plain = plainSums[recipient.state().ordinal()];
        if (plain != null) {
            return plain;
        }
        CounterKey key = RecipientCounting.keyOf(recipient);
        long[] sums = counters.computeIfAbsent(key, k -> new long[4]);
        if (recipient.state() != DeliveryState.SKIPPED && recipient.state() != DeliveryState.FAILED) {
            plainSums[recipient.state().ordinal()] = sums; // the same array the map holds: one sum per key
        }
        return sums;
    }

    private void enqueuePending(RecipientEntry entry) {
        PendingQueue queue = pending.get(entry.zone);
        if (queue == null) {
            queue = new PendingQueue();
            pending.put(entry.zone, queue);
            onlyQueue = pending.size() == 1 ? queue : null;
        }
        queue.enqueue(entry);
    }

    /** The PENDING recipient first in claim order over every zone, dropping stale entries; not removed. */
    private @Nullable RecipientEntry nextPending() {
        if (onlyQueue != null) {
            return onlyQueue.head(); // one zone (or none): asked several times every run, without an iterator
        }
        RecipientEntry first = null;
        for (PendingQueue queue : pending.values()) {
            RecipientEntry head = queue.head();
            if (head != null && (first == null || PendingQueue.CLAIM_ORDER.compare(head, first) < 0)) {
                first = head;
            }
        }
        return first;
    }

    private void takePending(RecipientEntry entry) {
        queueOf(entry.zone).take(entry);
    }

    /** The queue of a zone that has one (a PENDING entry was enqueued there). */
    private PendingQueue queueOf(String zone) {
        return java.util.Objects.requireNonNull(pending.get(zone), "a pending zone's queue");
    }
}
