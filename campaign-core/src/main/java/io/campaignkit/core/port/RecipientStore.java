package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.rules.RecipientCounting;
import io.campaignkit.core.port.rules.RecipientRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recipients of campaigns and their delivery states: the port the engine works on most. Every
 * operation is batch-shaped (at most {@link CampaignStore#MAX_BATCH} items) and none needs every
 * recipient in memory, so a database implements each with one or two statements.
 *
 * <h2>Atomicity</h2>
 * <ul>
 *   <li><b>Claims and at-most-once.</b> {@link #claim} with {@link ClaimKind#DUE} atomically moves due
 *       PENDING recipients to SENDING under the caller's {@link Lease} and counts the attempt,
 *       <em>before</em> the engine calls the channel. Two concurrent claims never return the same
 *       recipient. A process that crashes mid-send leaves its recipients SENDING under a lease that
 *       expires; {@link ClaimKind#EXPIRED} hands them to one survivor, which records them UNKNOWN
 *       (at-most-once) or gives them back to PENDING (at-least-once).</li>
 *   <li><b>Updates.</b> {@link #apply} applies each {@link RecipientUpdate} atomically on its recipient,
 *       by {@link RecipientRules} (the transitions, the lease guard, the monotonic merge: stated there
 *       once, for every store). Applying an update twice, or in any order with later ones, leaves the
 *       same final state. The store returns the changes it made, in the order of the updates, so the
 *       engine emits one event per real change.</li>
 *   <li><b>Counts</b> are live: every transaction that adds or changes recipients moves the counters
 *       {@link RecipientCounting} names, so {@link #counts} never scans a campaign.</li>
 * </ul>
 * Implementations are thread-safe; arguments are checked before they reach them.
 */
public interface RecipientStore {

    /** What {@link #claim} takes. */
    enum ClaimKind {
        /**
         * PENDING recipients whose {@code dueAt} is at or before {@code now}, by ascending {@code dueAt}
         * then sequence; each becomes SENDING under the lease with one more attempt
         * ({@link RecipientRules#claim}).
         */
        DUE,
        /**
         * SENDING recipients whose lease expired at {@code now} (their owner crashed or stalled), by
         * lease expiry then sequence; each stays SENDING, now under the lease ({@link RecipientRules#recover}),
         * so only one survivor recovers it. The caller then applies {@link RecipientUpdate.Unknown} or
         * {@link RecipientUpdate.RetryLater} under that lease; the stalled owner's updates, which carry its
         * old lease, change nothing from then on. The engine does not recover this way: it reads
         * {@link RecipientQuery.LeaseExpired} and applies the outcome under the expired lease itself, so an
         * answer of the owner that lands first is kept.
         */
        EXPIRED
    }

    /**
     * Adds recipients to a campaign. A phone already in the campaign is not added again (its first
     * entry stays), within the batch or across batches; sequences continue from the last one.
     *
     * @param recipients 1 to {@link CampaignStore#MAX_BATCH}
     * @return the recipients added ({@link Recipient#of}), in the order given
     * @throws CampaignNotFoundException if no campaign has the id
     */
    List<Recipient> insertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now);

    /**
     * Atomically claims up to {@code limit} recipients of a campaign of {@code kind} under
     * {@code lease}. Never returns a recipient another call returned while that lease is live.
     *
     * @param lease live at {@code now}
     * @param limit from 1 to {@link CampaignStore#MAX_BATCH}
     * @return the claimed recipients as they now are, possibly none
     */
    List<Recipient> claim(ClaimKind kind, CampaignId campaignId, Lease lease, int limit, Instant now);

    /**
     * Extends a claim whose sends are still in flight: every SENDING recipient of the campaign held
     * under {@code held} (equal owner and expiry) is held under {@code renewed} instead. A recipient a
     * survivor took over is no longer under {@code held} and is left alone; so is every other state.
     *
     * @param renewed the same owner as {@code held}
     * @return how many recipients are now held under {@code renewed}
     */
    int renewLease(CampaignId campaignId, Lease held, Lease renewed);

    /**
     * Applies updates by {@link RecipientRules#apply}, each atomically on its recipient, in order; an
     * update for a recipient that does not exist changes nothing.
     *
     * @param updates 1 to {@link CampaignStore#MAX_BATCH}
     * @return the changes made, in the order of the updates; none for updates that changed nothing
     */
    List<RecipientChange> apply(List<? extends RecipientUpdate> updates);

    /**
     * Atomically moves up to {@code limit} PENDING recipients of a campaign (claimed or not) to
     * SKIPPED with {@code reason} ({@link RecipientRules#skip}), by due time then sequence (a store that keeps
     * local zones apart may go zone by zone). Finishing a campaign calls it until it returns none. SENDING
     * recipients are left alone: their send is in flight.
     *
     * @return the changes made
     */
    List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now);

    /** The recipients {@code query} selects (a lookup finds none or one). */
    List<Recipient> findRecipients(RecipientQuery query);

    /**
     * When the campaign's recipients next need the engine: the earliest {@code dueAt} among its
     * PENDING recipients, and the earliest lease expiry among its SENDING ones (for recovery).
     */
    RecipientWakeUps wakeUps(CampaignId campaignId, Instant now);

    /** The campaign's live counts; {@link RecipientCounts#empty()} for a campaign without recipients. */
    RecipientCounts counts(CampaignId campaignId);

    // ---------------------------------------------------------------- shorthands

    /** {@link #claim} of {@link ClaimKind#DUE} recipients. */
    default List<Recipient> claimForSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        return claim(ClaimKind.DUE, campaignId, lease, limit, now);
    }

    /** {@link #claim} of {@link ClaimKind#EXPIRED} recipients. */
    default List<Recipient> claimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        return claim(ClaimKind.EXPIRED, campaignId, lease, limit, now);
    }

    /** The recipient, if the campaign has that phone. */
    default Optional<Recipient> findRecipient(RecipientKey key) {
        return findRecipients(new RecipientQuery.ByKey(key)).stream().findFirst();
    }

    /** The recipient whose accepted message has the provider id {@code providerMessageId}. */
    default Optional<Recipient> findByProviderMessageId(String providerMessageId) {
        return findRecipients(new RecipientQuery.ByProviderMessageId(providerMessageId)).stream()
                .findFirst();
    }

    /** The recipient whose {@link RecipientKey#correlationId()} is {@code correlationId}. */
    default Optional<Recipient> findByCorrelationId(String correlationId) {
        return findRecipients(new RecipientQuery.ByCorrelationId(correlationId)).stream()
                .findFirst();
    }

    /** A page of a campaign's recipients; see {@link RecipientQuery.Page}. */
    default List<Recipient> findRecipients(CampaignId campaignId, long afterSequence, int limit) {
        return findRecipients(new RecipientQuery.Page(campaignId, afterSequence, limit));
    }

    /**
     * {@link RecipientWakeUps#nextLeaseExpiry()} of {@link #wakeUps}, which the engine's recovery of expired
     * leases asks at every run; a store overrides it where the lease expiry alone is cheaper to read.
     */
    default Optional<Instant> nextLeaseExpiry(CampaignId campaignId, Instant now) {
        return wakeUps(campaignId, now).nextLeaseExpiry();
    }

    /** {@link RecipientWakeUps#nextDueAt()} of {@link #wakeUps}. */
    default Optional<Instant> nextDueAt(CampaignId campaignId, Instant now) {
        return wakeUps(campaignId, now).nextDueAt();
    }

    /**
     * How this store claims by local zone, for campaigns whose hours are read in each recipient's local
     * time; empty (the default, unless the store itself is a {@link RecipientWindows}) when it cannot, and
     * such campaigns are then refused at launch. Not an abstract method: a store need not support them.
     */
    default Optional<RecipientWindows> windows() {
        return this instanceof RecipientWindows windows ? Optional.of(windows) : Optional.empty();
    }

    /**
     * Where this store keeps when each waiting busy contact was first found busy, so every engine on it
     * counts a campaign's busy-contact wait from one instant: empty (the default, unless the store itself
     * is a {@link BusyWaits}) when it does not, and each engine then remembers the waits in its own memory
     * (a restart or another engine starts a wait again). Not an abstract method: a store need not keep them.
     */
    default Optional<BusyWaits> busyWaits() {
        return this instanceof BusyWaits waits ? Optional.of(waits) : Optional.empty();
    }

    /** Whether the phone is a recipient of the campaign. */
    default boolean isRecipient(CampaignId campaignId, PhoneNumber phone) {
        return findRecipient(new RecipientKey(campaignId, phone)).isPresent();
    }
}
