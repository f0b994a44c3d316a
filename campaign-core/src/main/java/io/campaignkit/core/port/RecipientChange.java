package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;

/**
 * A change a store applied to one recipient: what it was and what it is now. Updates that changed
 * nothing produce none.
 */
public record RecipientChange(Recipient before, Recipient after) {

    public RecipientChange {
        Arguments.requireNonNull(before, "before");
        Arguments.requireNonNull(after, "after");
        Arguments.require(before.key().equals(after.key()), "after", "before and after must be the same recipient");
    }

    /** Whether the delivery state changed (and not only a timestamp or the provider id). */
    public boolean stateChanged() {
        return before.state() != after.state();
    }
}
