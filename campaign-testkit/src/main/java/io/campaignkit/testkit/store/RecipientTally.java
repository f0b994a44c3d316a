package io.campaignkit.testkit.store;

import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A campaign's live {@link RecipientCounts}: a recipient is uncounted before it changes and counted
 * after, so counts stay exact without ever scanning the audience. Guarded by the book's lock.
 */
final class RecipientTally {

    private final long[] byState = new long[DeliveryState.values().length];
    private long accepted;
    private long delivered;
    private long read;
    private final Map<String, Long> skippedByReason = new HashMap<>();
    private final Map<String, Long> failedByCode = new HashMap<>();

    void count(MutableRecipient recipient) {
        add(recipient, 1);
    }

    void uncount(MutableRecipient recipient) {
        add(recipient, -1);
    }

    private void add(MutableRecipient recipient, long delta) {
        byState[recipient.state.ordinal()] += delta;
        if (recipient.sentAt != null) {
            accepted += delta;
        }
        if (recipient.deliveredAt != null) {
            delivered += delta;
        }
        if (recipient.readAt != null) {
            read += delta;
        }
        if (recipient.state == DeliveryState.SKIPPED) {
            skippedByReason.merge(recipient.outcome.code(), delta, RecipientTally::sumOrRemove);
        } else if (recipient.state == DeliveryState.FAILED) {
            failedByCode.merge(recipient.outcome.code(), delta, RecipientTally::sumOrRemove);
        }
    }

    private static Long sumOrRemove(Long current, Long delta) {
        long sum = current + delta;
        return sum == 0 ? null : sum;
    }

    RecipientCounts toCounts() {
        Map<DeliveryState, Long> states = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            states.put(state, byState[state.ordinal()]);
        }
        return new RecipientCounts(states, accepted, delivered, read, skippedByReason, failedByCode);
    }
}
