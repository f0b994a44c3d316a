package io.campaignkit.core.port.rules;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.DeliveryState;
import java.util.Comparator;

/**
 * One counter of a campaign's {@link io.campaignkit.core.port.RecipientCounts}: the recipients in one
 * state with one outcome code. Only SKIPPED and FAILED keep their code (the counts report those per
 * code); every other state counts under {@link #NO_CODE}. {@link RecipientCounting#keyOf} says which
 * key a recipient is counted under.
 *
 * @param code the outcome code, or {@link #NO_CODE}
 */
public record CounterKey(CampaignId campaignId, DeliveryState state, String code) implements Comparable<CounterKey> {

    /** The code of a key whose recipients have no outcome code, or whose state keeps none. */
    public static final String NO_CODE = "";

    /**
     * By campaign id, state name, then code, as text: the order of a database's primary key on
     * (campaign, state, code), in which a store that locks counter rows must lock them.
     */
    private static final Comparator<CounterKey> ORDER = Comparator.<CounterKey, String>comparing(
                    key -> key.campaignId.value())
            .thenComparing(key -> key.state.name())
            .thenComparing(CounterKey::code);

    public CounterKey {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(state, "state");
        Arguments.requireNonNull(code, "code");
    }

    @Override
    public int compareTo(CounterKey other) {
        return ORDER.compare(this, other);
    }
}
