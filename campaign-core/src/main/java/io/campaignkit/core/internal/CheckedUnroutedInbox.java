package io.campaignkit.core.internal;

import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.KeptUnrouted;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.UnroutedInbound;
import io.campaignkit.core.port.UnroutedInbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link UnroutedInbox} checking its arguments first, as {@link CheckedStorage} does for the other ports:
 * the engine wraps the store's, when its inbound queue has one ({@link #of}).
 */
public final class CheckedUnroutedInbox implements UnroutedInbox {

    private final UnroutedInbox inbox;

    private CheckedUnroutedInbox(UnroutedInbox inbox) {
        this.inbox = inbox;
    }

    /** The checked {@link InboundQueue#unroutedInbox()} of {@code inbound}, when that store keeps one. */
    public static Optional<UnroutedInbox> of(InboundQueue inbound) {
        return inbound.unroutedInbox().map(CheckedUnroutedInbox::new);
    }

    @Override
    public OptionalLong keepUnrouted(UnroutedInbound message, Lease lease) {
        Arguments.requireNonNull(message, "message");
        Arguments.requireNonNull(lease, "lease");
        return inbox.keepUnrouted(message, lease);
    }

    @Override
    public List<KeptUnrouted> claimUnrouted(Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(now, "now");
        StoreArguments.requireLimit(limit);
        StoreArguments.requireLiveLease(lease, now);
        return inbox.claimUnrouted(lease, limit, now);
    }

    @Override
    public void acknowledgeUnrouted(long sequence) {
        Arguments.require(sequence >= 0, "sequence", "sequence must not be negative, was " + sequence);
        inbox.acknowledgeUnrouted(sequence);
    }
}
