package io.campaignkit.core.port;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.contact.Contact;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where campaigns and their recipients live, shaped for a real database shared by several
 * engine processes. Implementations: an in-memory store in {@code campaign-testkit}, JDBC in
 * {@code campaign-store-jdbc}; both must pass the same contract tests.
 *
 * <h2>Campaigns: optimistic versioning</h2>
 * A {@link Campaign} is immutable and carries its {@link Campaign#version() version}, which every
 * accepted action raises. {@link #update(Campaign, long)} stores a changed campaign only if the
 * stored one is still at the version the change was based on, else throws
 * {@link VersionConflictException}; so two processes that change one campaign at once cannot
 * silently lose either change. The usual loop: {@code find}, apply the action, {@code update}
 * with the version found, and on conflict start again.
 *
 * <h2>Recipients: leased batches (first cut)</h2>
 * Recipients are added in batches and handed out in batches: {@link #claimPending} atomically
 * gives up to {@code limit} pending recipients to one owner under a {@link Lease}. A recipient
 * under a live lease is never handed to anyone else; when the lease expires (its owner crashed)
 * the recipient is handed out again, so no claim is lost. No operation needs every recipient in
 * memory. These methods are a first cut: recipients' delivery states (sent, delivered, read,
 * replied, failed, skipped) with monotonic, idempotent merges and the recovery of crashed sends
 * belong to {@link RecipientStore}; exclusivity to {@link EngagementStore}; conversations and
 * their queued inbound messages to {@link ConversationStore}.
 *
 * <p>Every method validates its arguments ({@link InvalidArgumentException} naming the argument).
 * Implementations are thread-safe.
 */
public interface CampaignStore {

    /** Most recipients accepted by one {@link #addRecipients} call, and most claimed by one {@link #claimPending}. */
    int MAX_BATCH = 1000;

    // ---------------------------------------------------------------- campaigns

    /**
     * Stores a new campaign.
     *
     * @throws DuplicateCampaignException if a campaign with its id is stored
     */
    void insert(Campaign campaign);

    /**
     * Replaces the stored campaign by {@code campaign} if the stored one is at {@code expectedVersion}.
     *
     * @param expectedVersion the version of the campaign the change was made from
     * @throws VersionConflictException if the stored version is another
     * @throws CampaignNotFoundException if no campaign has its id
     * @throws InvalidArgumentException if {@code campaign.version()} is not above {@code expectedVersion}
     */
    void update(Campaign campaign, long expectedVersion);

    /** The stored campaign with {@code id}, if any. */
    Optional<Campaign> find(CampaignId id);

    /**
     * A page of the campaigns in {@code state}, by ascending id, after {@code after} (exclusive;
     * empty for the first page). The engine walks ACTIVE campaigns this way.
     *
     * @param limit at most this many, from 1 to {@link #MAX_BATCH}
     */
    List<Campaign> findByState(CampaignState state, Optional<CampaignId> after, int limit);

    /** A page of one tenant's project's campaigns, by ascending id, after {@code after} (exclusive). */
    List<Campaign> findByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit);

    /**
     * Deletes {@code campaign} and all of its recipients for good, if the stored campaign is still
     * at {@code campaign.version()} and may be deleted.
     *
     * @throws IllegalCampaignActionException if the campaign is ACTIVE ({@link Campaign#checkDeletable()})
     * @throws VersionConflictException if the stored version is another
     * @throws CampaignNotFoundException if no campaign has its id
     */
    void delete(Campaign campaign);

    // ---------------------------------------------------------------- recipients (first cut)

    /**
     * Adds contacts to a campaign as pending recipients. A phone already in the campaign is not
     * added again (its first entry stays), within the batch or across batches.
     *
     * @param contacts 1 to {@link #MAX_BATCH} contacts
     * @return how many were added
     * @throws CampaignNotFoundException if no campaign has the id
     */
    int addRecipients(CampaignId campaignId, List<Contact> contacts);

    /**
     * Atomically claims up to {@code limit} pending recipients of a campaign that are not under a
     * lease live at {@code now}, and puts them under {@code lease}. Recipients come in the order
     * they were added. Two concurrent calls never receive the same recipient while its lease is
     * live.
     *
     * @param lease the new lease; its expiry must be after {@code now}
     * @param limit from 1 to {@link #MAX_BATCH}
     * @return the claims, possibly empty
     */
    List<RecipientClaim> claimPending(CampaignId campaignId, Lease lease, int limit, Instant now);

    /**
     * Extends the lease of claims still held by their owner to {@code newExpiry}.
     *
     * @return the claims that were extended; a claim whose lease expired and was taken by another
     *     owner is missing, and its owner must stop working on it
     */
    List<RecipientClaim> renew(List<RecipientClaim> claims, Instant newExpiry, Instant now);

    /**
     * Gives claims back without handling them (the engine is shutting down, the hours closed): they
     * are pending and free at once. A claim no longer held by its owner is ignored.
     */
    void release(List<RecipientClaim> claims);

    /** How many recipients of the campaign are pending (claimed or not). */
    long countPending(CampaignId campaignId);
}
