package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.RecipientClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CampaignStore} in memory, for tests, demos and benchmarks. It passes the
 * {@link CampaignStoreContractKit}, so the engine behaves on it as on a database.
 *
 * <pre>{@code
 * CampaignStore store = new InMemoryCampaignStore();
 * }</pre>
 *
 * <p>Thread-safe. Campaigns are written atomically per id; each campaign's recipients have their
 * own lock, so work on different campaigns runs in parallel. Every operation touches only the
 * recipients it concerns (queues of pending recipients in the order they were added, maps by
 * phone): no call scans a campaign's audience, and a million recipients claim and merge in
 * constant time each. Nothing is persisted: a new store is empty.
 */
public final class InMemoryCampaignStore implements CampaignStore {

    private final CampaignTable campaigns = new CampaignTable();
    private final Map<CampaignId, RecipientBook> books = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryCampaignStore() {
    }

    // ---------------------------------------------------------------- campaigns

    @Override
    public void insert(Campaign campaign) {
        Checks.notNull(campaign, "campaign");
        campaigns.insert(campaign);
    }

    @Override
    public void update(Campaign campaign, long expectedVersion) {
        Checks.notNull(campaign, "campaign");
        Checks.check(campaign.version() > expectedVersion, "campaign", "campaign " + campaign.id()
                + " is at version " + campaign.version() + ", which must be above the expected version " + expectedVersion);
        campaigns.update(campaign, expectedVersion);
    }

    @Override
    public Optional<Campaign> find(CampaignId id) {
        return campaigns.find(Checks.notNull(id, "id"));
    }

    @Override
    public List<Campaign> findByState(CampaignState state, Optional<CampaignId> after, int limit) {
        Checks.notNull(state, "state");
        Checks.notNull(after, "after");
        return campaigns.findByState(state, after, Checks.limit(limit));
    }

    @Override
    public List<Campaign> findByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) {
        Checks.notBlank(tenantId, "tenantId");
        Checks.notBlank(projectId, "projectId");
        Checks.notNull(after, "after");
        return campaigns.findByProject(tenantId.strip(), projectId.strip(), after, Checks.limit(limit));
    }

    @Override
    public void delete(Campaign campaign) {
        Checks.notNull(campaign, "campaign");
        campaigns.delete(campaign);
        books.remove(campaign.id());
    }

    // ---------------------------------------------------------------- recipients

    @Override
    public int addRecipients(CampaignId campaignId, List<Contact> contacts) {
        Checks.notNull(campaignId, "campaignId");
        Checks.batch(contacts, "contacts");
        return book(campaignId).add(contacts);
    }

    @Override
    public List<RecipientClaim> claimPending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        Checks.notNull(campaignId, "campaignId");
        Checks.notNull(lease, "lease");
        Checks.limit(limit);
        Checks.notNull(now, "now");
        Checks.check(lease.isLiveAt(now), "lease", "lease must expire after now (" + now + "), expires at "
                + lease.expiresAt());
        return book(campaignId).claim(lease, limit, InstantNanos.of(now));
    }

    @Override
    public List<RecipientClaim> renew(List<RecipientClaim> claims, Instant newExpiry, Instant now) {
        Checks.noNullElements(claims, "claims");
        Checks.notNull(newExpiry, "newExpiry");
        Checks.notNull(now, "now");
        Checks.check(newExpiry.isAfter(now), "newExpiry", "newExpiry (" + newExpiry + ") must be after now (" + now + ")");
        List<RecipientClaim> renewed = new ArrayList<>(claims.size());
        byCampaignAndOwner(claims).forEach((key, group) -> {
            RecipientBook book = books.get(key.campaignId());
            if (book != null) {
                renewed.addAll(book.renew(group, new Lease(key.owner(), newExpiry)));
            }
        });
        return renewed;
    }

    @Override
    public void release(List<RecipientClaim> claims) {
        Checks.noNullElements(claims, "claims");
        byCampaignAndOwner(claims).forEach((key, group) -> {
            RecipientBook book = books.get(key.campaignId());
            if (book != null) {
                book.release(group);
            }
        });
    }

    @Override
    public long countPending(CampaignId campaignId) {
        Checks.notNull(campaignId, "campaignId");
        return book(campaignId).countPending();
    }

    // ---------------------------------------------------------------- internals

    private record ClaimGroup(CampaignId campaignId, String owner) {}

    private static Map<ClaimGroup, List<RecipientClaim>> byCampaignAndOwner(List<RecipientClaim> claims) {
        Map<ClaimGroup, List<RecipientClaim>> groups = new LinkedHashMap<>();
        for (RecipientClaim claim : claims) {
            groups.computeIfAbsent(new ClaimGroup(claim.campaignId(), claim.lease().owner()), key -> new ArrayList<>())
                    .add(claim);
        }
        return groups;
    }

    /** The recipients of a stored campaign; created with its first use. */
    private RecipientBook book(CampaignId campaignId) {
        RecipientBook book = books.get(campaignId);
        if (book != null) {
            return book;
        }
        campaigns.require(campaignId);
        return books.computeIfAbsent(campaignId, RecipientBook::new);
    }
}
