package io.campaignkit.core.port;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recipients of campaigns and their delivery states: the part of the storage port the engine
 * works on most. Every operation is batch-shaped (at most {@link CampaignStore#MAX_BATCH} items) and
 * none needs every recipient in memory, so a database implements each with one or two statements.
 *
 * <h2>Claims and at-most-once</h2>
 * {@link #claimForSending} atomically moves due PENDING recipients to SENDING under the caller's
 * {@link Lease} and counts the attempt, <em>before</em> the engine calls the channel. Two concurrent
 * claims never return the same recipient. A process that crashes mid-send leaves its recipients
 * SENDING under a lease that expires; {@link #claimExpiredSending} hands them to a survivor, which
 * records them UNKNOWN (at-most-once) or gives them back to PENDING (at-least-once).
 *
 * <h2>Updates and merges</h2>
 * {@link #apply} applies {@link RecipientUpdate}s, each only from the states it names (a claimed
 * recipient only under the lease it was claimed with), each atomically on its recipient; status reports merge monotonically by {@link DeliveryState#rank()}. Applying an
 * update twice, or in any order with later ones, leaves the same final state. The store returns the
 * changes it made, in the order of the updates, so the engine emits one event per real change.
 *
 * <p>Every method validates its arguments ({@link InvalidArgumentException} naming the argument) and
 * is thread-safe.
 */
public interface RecipientStore {

    /**
     * Adds recipients to a campaign. A phone already in the campaign is not added again (its first
     * entry stays), within the batch or across batches; sequences continue from the last one.
     *
     * @param recipients 1 to {@link CampaignStore#MAX_BATCH}
     * @return the recipients added, in the order given
     * @throws CampaignNotFoundException if no campaign has the id
     */
    List<Recipient> insertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now);

    /**
     * Atomically claims up to {@code limit} PENDING recipients of a campaign whose {@code dueAt} is at
     * or before {@code now}, by ascending {@code dueAt} then sequence: each becomes SENDING under
     * {@code lease}, with {@code attempts} one higher. Never returns a recipient another call returned
     * while that lease is live.
     *
     * @param lease its expiry must be after {@code now}
     * @param limit from 1 to {@link CampaignStore#MAX_BATCH}
     * @return the claimed recipients as they now are, possibly none
     */
    List<Recipient> claimForSending(CampaignId campaignId, Lease lease, int limit, Instant now);

    /**
     * Atomically takes up to {@code limit} SENDING recipients of a campaign whose lease expired at
     * {@code now} (their owner crashed or stalled), and puts them under {@code lease}, so only one
     * survivor recovers each. They stay SENDING: the caller then applies {@link RecipientUpdate.Unknown}
     * or {@link RecipientUpdate.RetryLater} under {@code lease}; from then on the stalled owner's
     * updates, which carry its old lease, change nothing.
     */
    List<Recipient> claimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now);

    /**
     * Extends a claim whose sends are still in flight: every SENDING recipient of the campaign held
     * under {@code held} (equal owner and expiry) is held under {@code renewed} instead. A recipient a
     * survivor took over is no longer under {@code held} and is left alone; so is every other state.
     * The engine renews a claim's lease while its sends are in flight, so that only a process that
     * stopped working loses its recipients to {@link #claimExpiredSending}.
     *
     * @param renewed the same owner as {@code held}
     * @return how many recipients are now held under {@code renewed}
     */
    int renewLease(CampaignId campaignId, Lease held, Lease renewed);

    /**
     * Applies updates, each atomically on its recipient, in order; an update for a recipient that
     * does not exist, or from a state it does not apply to, changes nothing.
     *
     * @param updates 1 to {@link CampaignStore#MAX_BATCH}
     * @return the changes made, in the order of the updates; none for updates that changed nothing
     */
    List<RecipientChange> apply(List<? extends RecipientUpdate> updates);

    /**
     * Atomically moves up to {@code limit} PENDING recipients of a campaign (claimed or not) to
     * SKIPPED with {@code reason}, by sequence. Finishing a campaign calls it until it returns none.
     * SENDING recipients are left alone: their send is in flight and will be recorded.
     *
     * @return the changes made
     */
    List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now);

    /** The recipient, if the campaign has that phone. */
    Optional<Recipient> findRecipient(RecipientKey key);

    /** The recipient whose accepted message has the provider id {@code providerMessageId}. */
    Optional<Recipient> findByProviderMessageId(String providerMessageId);

    /** The recipient whose {@link RecipientKey#correlationId()} is {@code correlationId}. */
    Optional<Recipient> findByCorrelationId(String correlationId);

    /**
     * A page of a campaign's recipients by ascending sequence, after {@code afterSequence}
     * (exclusive; -1 for the first page), for exports.
     *
     * @param limit from 1 to {@link CampaignStore#MAX_BATCH}
     */
    List<Recipient> findRecipients(CampaignId campaignId, long afterSequence, int limit);

    /** The earliest {@code dueAt} among the campaign's PENDING recipients not under a live lease. */
    Optional<Instant> nextDueAt(CampaignId campaignId, Instant now);

    /** The earliest lease expiry among the campaign's SENDING recipients, for recovery. */
    Optional<Instant> nextLeaseExpiry(CampaignId campaignId);

    /** The campaign's live counts; {@link RecipientCounts#empty()} for a campaign without recipients. */
    RecipientCounts counts(CampaignId campaignId);

    /** Whether the phone is a recipient of the campaign. */
    default boolean isRecipient(CampaignId campaignId, PhoneNumber phone) {
        return findRecipient(new RecipientKey(campaignId, phone)).isPresent();
    }
}
