package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * A message an {@link UnroutedInbox} keeps until the host's handler had it.
 *
 * @param sequence the store's order of arrival, from 0; set by the store
 * @param inbound the message and why it is unrouted
 * @param lease who is handing it over, and until when; empty while waiting
 */
public record KeptUnrouted(long sequence, UnroutedInbound inbound, Optional<Lease> lease) {

    public KeptUnrouted {
        Arguments.require(sequence >= 0, "sequence", "sequence must not be negative, was " + sequence);
        Arguments.requireNonNull(inbound, "inbound");
        Arguments.requireNonNull(lease, "lease");
    }
}
