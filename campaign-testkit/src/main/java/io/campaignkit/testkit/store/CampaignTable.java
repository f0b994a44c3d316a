package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.DuplicateCampaignException;
import io.campaignkit.core.port.VersionConflictException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The campaigns of an {@link InMemoryCampaignStore}, with sorted indexes by state, by tenant and by
 * tenant's project for paging. Each write is atomic per campaign id ({@link ConcurrentHashMap#compute});
 * an index may briefly list a campaign under its old key too, so readers re-check the campaign.
 */
final class CampaignTable {

    private record ProjectKey(String tenantId, String projectId) {}

    private final Map<CampaignId, Campaign> campaigns = new ConcurrentHashMap<>();
    private final Map<CampaignState, NavigableSet<CampaignId>> byState = new EnumMap<>(CampaignState.class);
    private final Map<ProjectKey, NavigableSet<CampaignId>> byProject = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<CampaignId>> byTenant = new ConcurrentHashMap<>();

    CampaignTable() {
        for (CampaignState state : CampaignState.values()) {
            byState.put(state, new ConcurrentSkipListSet<>());
        }
    }

    void insert(Campaign campaign) {
        campaigns.compute(campaign.id(), (id, stored) -> {
            if (stored != null) {
                throw new DuplicateCampaignException(id);
            }
            index(campaign);
            return campaign;
        });
    }

    /** Replaces the campaign and returns the one it replaced. */
    Campaign update(Campaign campaign, long expectedVersion) {
        Campaign[] replaced = new Campaign[1];
        campaigns.compute(campaign.id(), (id, stored) -> {
            if (stored == null) {
                throw new CampaignNotFoundException(id);
            }
            if (stored.version() != expectedVersion) {
                throw new VersionConflictException(id, expectedVersion, stored.version());
            }
            index(campaign); // before unindexing, so a reader never misses the campaign
            unindex(stored, campaign);
            replaced[0] = stored;
            return campaign;
        });
        return replaced[0];
    }

    void delete(Campaign campaign) {
        campaigns.compute(campaign.id(), (id, stored) -> {
            if (stored == null) {
                throw new CampaignNotFoundException(id);
            }
            if (stored.version() != campaign.version()) {
                throw new VersionConflictException(id, campaign.version(), stored.version());
            }
            stored.checkDeletable();
            unindex(stored, null);
            return null;
        });
    }

    Optional<Campaign> find(CampaignId id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    List<Campaign> findByState(CampaignState state, Optional<CampaignId> after, int limit) {
        return page(Objects.requireNonNull(byState.get(state)), after, limit, campaign -> campaign.state() == state);
    }

    List<Campaign> findByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) {
        NavigableSet<CampaignId> ids = byProject.get(new ProjectKey(tenantId, projectId));
        if (ids == null) {
            return List.of();
        }
        return page(
                ids,
                after,
                limit,
                campaign -> campaign.tenantId().equals(tenantId)
                        && campaign.projectId().equals(projectId));
    }

    /** A page of one tenant's campaigns through its project's index, or its own, checking each filter. */
    List<Campaign> findListing(CampaignQuery.Listing listing) {
        NavigableSet<CampaignId> ids = listing.projectId().isPresent()
                ? byProject.get(
                        new ProjectKey(listing.tenantId(), listing.projectId().get()))
                : byTenant.get(listing.tenantId());
        return ids == null ? List.of() : page(ids, listing.after(), listing.limit(), listing::matches);
    }

    private List<Campaign> page(
            NavigableSet<CampaignId> ids, Optional<CampaignId> after, int limit, Predicate<Campaign> stillMatches) {
        List<Campaign> page = new ArrayList<>(); // most pages hold a campaign or two, asked twice every run
        for (CampaignId id : after.isPresent() ? ids.tailSet(after.get(), false) : ids) {
            Campaign campaign = campaigns.get(id);
            if (campaign != null && stillMatches.test(campaign)) {
                page.add(campaign);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    private void index(Campaign campaign) {
        Objects.requireNonNull(byState.get(campaign.state())).add(campaign.id()); // every state has a set
        byProject
                .computeIfAbsent(
                        new ProjectKey(campaign.tenantId(), campaign.projectId()), key -> new ConcurrentSkipListSet<>())
                .add(campaign.id());
        byTenant.computeIfAbsent(campaign.tenantId(), key -> new ConcurrentSkipListSet<>())
                .add(campaign.id());
    }

    /** Removes the index entries of {@code old} that {@code replacement} (null when deleted) does not share. */
    private void unindex(Campaign old, @Nullable Campaign replacement) {
        if (replacement == null || replacement.state() != old.state()) {
            Objects.requireNonNull(byState.get(old.state())).remove(old.id());
        }
        if (replacement == null
                || !replacement.tenantId().equals(old.tenantId())
                || !replacement.projectId().equals(old.projectId())) {
            NavigableSet<CampaignId> ids = byProject.get(new ProjectKey(old.tenantId(), old.projectId()));
            if (ids != null) {
                ids.remove(old.id());
            }
        }
        if (replacement == null || !replacement.tenantId().equals(old.tenantId())) {
            NavigableSet<CampaignId> ids = byTenant.get(old.tenantId());
            if (ids != null) {
                ids.remove(old.id());
            }
        }
    }
}
