package io.campaignkit.core.port;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where campaigns live, shaped for a database shared by several engine processes. One of the ports
 * of a {@link CampaignStorage}.
 *
 * <h2>Atomicity: optimistic versioning</h2>
 * A {@link Campaign} is immutable and carries its {@link Campaign#version() version}, which every
 * accepted action raises. {@link #save} stores a changed campaign only if the stored one is still at
 * the version the change was based on, else throws {@link VersionConflictException}; so two
 * processes that change one campaign at once cannot silently lose either change. The usual loop:
 * {@code find}, apply the action, {@code update} with the version found, and on conflict start
 * again. Deleting a campaign deletes everything every port stored for it.
 *
 * <p>Arguments are checked by the engine before they reach a store (see {@link CampaignStorage}).
 * Implementations are thread-safe.
 */
public interface CampaignStore {

    /** Most items one batch operation of any port takes or returns (recipients inserted, claimed, updated...). */
    int MAX_BATCH = 1000;

    /**
     * Stores {@code campaign}: a new one when {@code expectedVersion} is empty, else a replacement of
     * the stored campaign if that one is at {@code expectedVersion}.
     *
     * @throws DuplicateCampaignException if new and a campaign with its id is stored
     * @throws VersionConflictException if the stored version is another
     * @throws CampaignNotFoundException if a replacement and no campaign has its id
     */
    void save(Campaign campaign, OptionalLong expectedVersion);

    /** The campaigns {@code query} selects, by ascending id. */
    List<Campaign> findCampaigns(CampaignQuery query);

    /**
     * Deletes {@code campaign} and everything stored for it (recipients, conversations, queued
     * messages, funnel steps, engagements) for good, if the stored campaign is still at
     * {@code campaign.version()} and may be deleted.
     *
     * @throws IllegalCampaignActionException if the campaign is ACTIVE ({@link Campaign#checkDeletable()})
     * @throws VersionConflictException if the stored version is another
     * @throws CampaignNotFoundException if no campaign has its id
     */
    void delete(Campaign campaign);

    /** Stores a new campaign: {@link #save} without an expected version. */
    default void insert(Campaign campaign) {
        save(campaign, OptionalLong.empty());
    }

    /** Replaces the stored campaign at {@code expectedVersion}: {@link #save} with one. */
    default void update(Campaign campaign, long expectedVersion) {
        save(campaign, OptionalLong.of(expectedVersion));
    }

    /** The stored campaign with {@code id}, if any. */
    default Optional<Campaign> find(CampaignId id) {
        return findCampaigns(new CampaignQuery.ById(id)).stream().findFirst();
    }

    /** A page of the campaigns in {@code state}; see {@link CampaignQuery.ByState}. */
    default List<Campaign> findByState(CampaignState state, Optional<CampaignId> after, int limit) {
        return findCampaigns(new CampaignQuery.ByState(state, after, limit));
    }

    /** A page of one tenant's project's campaigns; see {@link CampaignQuery.ByProject}. */
    default List<Campaign> findByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) {
        return findCampaigns(new CampaignQuery.ByProject(tenantId, projectId, after, limit));
    }
}
