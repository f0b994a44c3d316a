package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How many recipients of one campaign are in each state, kept live by the store.
 *
 * @param byState the recipients per current state; every state is present (0 when none)
 * @param accepted the recipients the provider accepted at some point ({@code sentAt} set), whatever
 *     they became afterwards: the "sent" of the metrics
 * @param delivered the recipients with {@code deliveredAt} set
 * @param read the recipients with {@code readAt} set
 * @param skippedByReason the SKIPPED recipients per reason code
 * @param failedByCode the FAILED recipients per reason code
 */
public record RecipientCounts(
        Map<DeliveryState, Long> byState,
        long accepted,
        long delivered,
        long read,
        Map<String, Long> skippedByReason,
        Map<String, Long> failedByCode) {

    public RecipientCounts {
        Arguments.requireNoNullEntries(byState, "byState");
        Map<DeliveryState, Long> all = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            all.put(state, byState.getOrDefault(state, 0L));
        }
        byState = Map.copyOf(all);
        skippedByReason = Map.copyOf(new TreeMap<>(Arguments.requireNoNullEntries(skippedByReason, "skippedByReason")));
        failedByCode = Map.copyOf(new TreeMap<>(Arguments.requireNoNullEntries(failedByCode, "failedByCode")));
    }

    /** No recipient at all. */
    public static RecipientCounts empty() {
        return new RecipientCounts(Map.of(), 0, 0, 0, Map.of(), Map.of());
    }

    /** How many recipients are in {@code state}. */
    public long count(DeliveryState state) {
        // every state is present: the constructor fills the missing ones with 0
        return Objects.requireNonNull(byState.get(Arguments.requireNonNull(state, "state")));
    }

    /** Every recipient of the campaign. */
    public long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }
}
