package io.campaignkit.core.port;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
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
 * <h2>Everything else the engine keeps</h2>
 * A store also implements the parts the engine works on, each documented on its interface:
 * {@link RecipientStore} (recipients, leased claims before sending, monotonic status merges, live
 * counts), {@link EngagementStore} (one active campaign per contact and sender, decided atomically),
 * {@link SuppressionList} (opted-out phones), {@link ConversationStore} (conversations and the inbound
 * messages queued while hours are closed) and {@link TrackingStore} (handled webhook events, status
 * reports for unknown messages, funnel steps). Every operation is batch-shaped and none needs every
 * recipient in memory, so a relational database implements each with a statement or two. Deleting
 * a campaign deletes everything stored for it.
 *
 * <p>Every method validates its arguments ({@link InvalidArgumentException} naming the argument):
 * an implementation extends {@link AbstractCampaignStore}, which checks them all in one place.
 * Implementations are thread-safe.
 */
public interface CampaignStore
        extends RecipientStore, EngagementStore, SuppressionList, ConversationStore, TrackingStore {

    /** Most items one batch operation takes or returns (recipients inserted, claimed, updated...). */
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
     * Deletes {@code campaign} and everything stored for it (recipients, conversations, queued
     * messages, funnel steps, engagements) for good, if the stored campaign is still
     * at {@code campaign.version()} and may be deleted.
     *
     * @throws IllegalCampaignActionException if the campaign is ACTIVE ({@link Campaign#checkDeletable()})
     * @throws VersionConflictException if the stored version is another
     * @throws CampaignNotFoundException if no campaign has its id
     */
    void delete(Campaign campaign);
}
