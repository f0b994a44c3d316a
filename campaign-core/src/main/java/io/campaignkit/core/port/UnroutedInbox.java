package io.campaignkit.core.port;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The inbound messages on their way to the host's {@link io.campaignkit.core.engine.UnroutedMessageHandler}
 * (no campaign's bot takes them): each is kept here before its webhook is answered and stays until the
 * handler had it, as a campaign's replies are kept in its {@link InboundQueue}. A process that dies between
 * the webhook and the handler loses nothing: another engine (or this one, restarted) claims the message once
 * the dead one's lease ran out and hands it over.
 *
 * <p>A store offers it through {@link InboundQueue#unroutedInbox()}. Not counted in
 * {@link CampaignStorage#ABSTRACT_METHODS}: without it, an unrouted message goes to the handler at once and
 * a crash in between loses it.
 *
 * <h2>Atomicity</h2>
 * Keeping is idempotent by the channel and the message's id, also after the message was acknowledged (a
 * webhook redelivered later is no new message); a claim leases messages so each goes to one holder at a
 * time, oldest first. Messages belong to the store's scope (its tenant, or every tenant). Implementations
 * are thread-safe.
 */
public interface UnroutedInbox {

    /**
     * Keeps {@code message} under {@code lease} (its keeper hands it over now); the store assigns the
     * sequence.
     *
     * @return the sequence, or empty when a message of that id from that channel was kept before
     */
    OptionalLong keepUnrouted(UnroutedInbound message, Lease lease);

    /**
     * Atomically leases up to {@code limit} kept messages that are not acknowledged and not under a live
     * lease, oldest first (by sequence).
     *
     * @param lease live at {@code now}
     * @param limit 1 to {@link CampaignStore#MAX_BATCH}
     */
    List<KeptUnrouted> claimUnrouted(Lease lease, int limit, Instant now);

    /** The handler had the message: it is never handed out again. Idempotent. */
    void acknowledgeUnrouted(long sequence);
}
