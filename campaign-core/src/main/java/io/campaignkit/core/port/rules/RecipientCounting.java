package io.campaignkit.core.port.rules;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.StatusReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How a store keeps {@link RecipientCounts} live without scanning the audience: every recipient is
 * counted under one {@link CounterKey}; a change uncounts what the recipient was and counts what it
 * became. A store collects the net changes of a batch here ({@link #added}, {@link #changed}) and adds
 * {@link #deltas()} to its counters; {@link #counts} turns a campaign's counters into its counts.
 * Not thread-safe: one instance per batch (or per campaign, under its lock).
 */
public final class RecipientCounting {

    // Running sums per key (recipients, accepted, delivered, read), turned into CounterValues by deltas(): a
    // batch of 500 changes would otherwise allocate a key and three values per recipient and side.
    private final SortedMap<CounterKey, long[]> deltas = new TreeMap<>();
    // The keys without a code of the campaign counted last: nearly every change of a batch uses one of them.
    private final Map<DeliveryState, CounterKey> plainKeys = new EnumMap<>(DeliveryState.class);
    private @Nullable CampaignId plainKeysCampaign;

    /** The counter {@code recipient} is counted under: its outcome code only for SKIPPED and FAILED. */
    public static CounterKey keyOf(Recipient recipient) {
        DeliveryState state = Arguments.requireNonNull(recipient, "recipient").state();
        String code = state == DeliveryState.SKIPPED || state == DeliveryState.FAILED
                ? recipient.outcome().map(StatusReason::code).orElse(CounterKey.NO_CODE)
                : CounterKey.NO_CODE;
        return new CounterKey(recipient.campaignId(), state, code);
    }

    /** What {@code recipient} adds to its counter: itself, and each of its times that is set. */
    public static CounterValues valuesOf(Recipient recipient) {
        return new CounterValues(
                1,
                recipient.sentAt().isPresent() ? 1 : 0,
                recipient.deliveredAt().isPresent() ? 1 : 0,
                recipient.readAt().isPresent() ? 1 : 0);
    }

    /** Counts a recipient that was added. */
    public RecipientCounting added(Recipient recipient) {
        count(recipient, 1);
        return this;
    }

    /** Moves a recipient from what it was to what it became (a change of neither key nor times cancels out). */
    public RecipientCounting changed(Recipient before, Recipient after) {
        count(before, -1);
        count(after, 1);
        return this;
    }

    /** {@link #changed(Recipient, Recipient)} for a store's change. */
    public RecipientCounting changed(RecipientChange change) {
        return changed(change.before(), change.after());
    }

    /** The net change per counter, in {@link CounterKey} order; counters whose changes cancel out are left out. */
    public SortedMap<CounterKey, CounterValues> deltas() {
        SortedMap<CounterKey, CounterValues> nonZero = new TreeMap<>();
        deltas.forEach((key, sums) -> {
            CounterValues values = new CounterValues(sums[0], sums[1], sums[2], sums[3]);
            if (!values.isZero()) {
                nonZero.put(key, values);
            }
        });
        return Collections.unmodifiableSortedMap(nonZero);
    }

    private void count(Recipient recipient, int sign) {
        CounterKey key = keyFor(recipient);
        long[] sums = deltas.get(key);
        if (sums == null) {
            sums = new long[4];
            deltas.put(key, sums);
        }
        sums[0] += sign;
        sums[1] += recipient.sentAt().isPresent() ? sign : 0;
        sums[2] += recipient.deliveredAt().isPresent() ? sign : 0;
        sums[3] += recipient.readAt().isPresent() ? sign : 0;
    }

    /** {@link #keyOf}, reusing the keys without a code of the campaign counted last. */
    private CounterKey keyFor(Recipient recipient) {
        DeliveryState state = recipient.state();
        if (state == DeliveryState.SKIPPED || state == DeliveryState.FAILED) {
            return keyOf(recipient);
        }
        if (!recipient.campaignId().equals(plainKeysCampaign)) {
            plainKeys.clear();
            plainKeysCampaign = recipient.campaignId();
        }
        CounterKey key = plainKeys.get(state);
        if (key == null) {
            key = new CounterKey(recipient.campaignId(), state, CounterKey.NO_CODE);
            plainKeys.put(state, key);
        }
        return key;
    }

    /**
     * One campaign's counts from its counters. A code whose counter is down to 0 recipients is not
     * reported; neither is {@link CounterKey#NO_CODE}.
     */
    public static RecipientCounts counts(Map<CounterKey, CounterValues> counters) {
        Map<DeliveryState, Long> byState = new EnumMap<>(DeliveryState.class);
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, Long> failed = new TreeMap<>();
        long accepted = 0;
        long delivered = 0;
        long read = 0;
        for (Map.Entry<CounterKey, CounterValues> counter : counters.entrySet()) {
            CounterKey key = counter.getKey();
            CounterValues values = counter.getValue();
            byState.merge(key.state(), values.recipients(), Long::sum);
            accepted += values.accepted();
            delivered += values.delivered();
            read += values.read();
            if (values.recipients() == 0 || key.code().equals(CounterKey.NO_CODE)) {
                continue;
            }
            if (key.state() == DeliveryState.SKIPPED) {
                skipped.merge(key.code(), values.recipients(), Long::sum);
            } else if (key.state() == DeliveryState.FAILED) {
                failed.merge(key.code(), values.recipients(), Long::sum);
            }
        }
        return new RecipientCounts(byState, accepted, delivered, read, skipped, failed);
    }
}
