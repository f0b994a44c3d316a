package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationChange;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.ConversationSweep;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientWakeUps;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.SuppressionRecords;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.port.UnmatchedStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every storage port of the engine in memory, for tests, demos and benchmarks: campaigns
 * ({@link CampaignStore}), recipients ({@link RecipientStore}), exclusivity ({@link EngagementStore}),
 * the suppression list ({@link SuppressionList}, with its {@link SuppressionRecords}), conversations and queued inbound messages
 * ({@link ConversationStore}) and event tracking ({@link TrackingStore}). It passes the
 * {@link StorageContractKit}, so the engine behaves on it as on a database.
 *
 * <pre>{@code
 * InMemoryCampaignStore store = new InMemoryCampaignStore();
 * }</pre>
 *
 * <p>Thread-safe. Campaigns are written atomically per id; each campaign's recipients have their own
 * lock, so work on different campaigns runs in parallel. No dispatch or tracking operation scans a
 * campaign's audience: PENDING recipients wait in claim-order queues, SENDING ones in lease batches
 * queued by expiry, recipients are found by phone, provider message id and correlation id through
 * maps, and counts are kept live. (Deleting a campaign walks its recipients once; closing idle
 * conversations and claiming queued messages walk the campaign's open conversations and queued
 * messages.) A million recipients take about 250 MB besides their contacts. Nothing is persisted: a
 * new store is empty, and handled-event keys are kept for the store's life. Campaign ids are unique
 * across tenants, as the port requires. Arguments are checked by the engine before they reach it;
 * what a change does to a recipient is core's {@code RecipientRules}.
 */
public final class InMemoryCampaignStore
        implements CampaignStore,
                RecipientStore,
                ConversationStore,
                InboundQueue,
                EngagementStore,
                SuppressionList,
                SuppressionRecords,
                TrackingStore {

    private final CampaignTable campaigns = new CampaignTable();
    private final RecipientBooks recipients =
            new RecipientBooks(id -> campaigns.find(id).isPresent());
    private final Engagements engagements = new Engagements();
    private final Suppressions suppressions = new Suppressions();
    private final Conversations conversations = new Conversations();
    private final Map<CampaignId, QueuedMessages> inbound = new ConcurrentHashMap<>();
    private final Tracking tracking = new Tracking();
    private final InMemoryUnroutedInbox unrouted = new InMemoryUnroutedInbox();
    private final InMemoryBusyWaits busyWaits = new InMemoryBusyWaits();

    /** An empty store. */
    public InMemoryCampaignStore() {}

    // ================================================================ CampaignStore (arguments are checked by the
    // engine)

    @Override
    public void save(Campaign campaign, OptionalLong expectedVersion) {
        if (expectedVersion.isEmpty()) {
            campaigns.insert(campaign);
        } else {
            campaigns.update(campaign, expectedVersion.getAsLong());
        }
    }

    @Override
    public List<Campaign> findCampaigns(CampaignQuery query) {
        if (query instanceof CampaignQuery.ById byId) {
            return campaigns.find(byId.id()).stream().toList();
        }
        if (query instanceof CampaignQuery.ByState byState) {
            return campaigns.findByState(byState.state(), byState.after(), byState.limit());
        }
        if (query instanceof CampaignQuery.Listing listing) {
            return campaigns.findListing(listing);
        }
        CampaignQuery.ByProject byProject = (CampaignQuery.ByProject) query;
        return campaigns.findByProject(
                byProject.tenantId(), byProject.projectId(), byProject.after(), byProject.limit());
    }

    /** Deletes the campaign with its recipients, conversations, queued messages, funnel steps and engagements. */
    @Override
    public void delete(Campaign campaign) {
        campaigns.delete(campaign);
        CampaignId id = campaign.id();
        recipients.delete(id);
        conversations.deleteCampaign(id);
        inbound.remove(id);
        tracking.deleteCampaign(id);
        busyWaits.endAllBusyWaits(id);
        while (engagements.release(id, MAX_BATCH) > 0) {
            // released a batch; more may be left
        }
    }

    // ================================================================ RecipientStore

    @Override
    public List<Recipient> insertRecipients(CampaignId campaignId, List<NewRecipient> added, Instant now) {
        return recipients.insert(campaignId, added, now);
    }

    @Override
    public List<Recipient> claim(ClaimKind kind, CampaignId campaignId, Lease lease, int limit, Instant now) {
        return recipients.claim(kind, campaignId, lease, limit, now);
    }

    @Override
    public int renewLease(CampaignId campaignId, Lease held, Lease renewed) {
        return recipients.renewLease(campaignId, held, renewed);
    }

    @Override
    public List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        return recipients.apply(updates);
    }

    @Override
    public List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        return recipients.skipPending(campaignId, reason, limit, now);
    }

    @Override
    public List<Recipient> findRecipients(RecipientQuery query) {
        return recipients.find(query);
    }

    @Override
    public RecipientWakeUps wakeUps(CampaignId campaignId, Instant now) {
        return recipients.wakeUps(campaignId);
    }

    @Override
    public RecipientCounts counts(CampaignId campaignId) {
        return recipients.counts(campaignId);
    }

    @Override
    public Optional<io.campaignkit.core.port.UnroutedInbox> unroutedInbox() {
        return Optional.of(unrouted);
    }

    /** The busy waits, shared by every engine on this store. */
    @Override
    public Optional<io.campaignkit.core.port.BusyWaits> busyWaits() {
        return Optional.of(busyWaits);
    }

    /** Claims by local zone, from each campaign's per-zone pending queues. */
    @Override
    public Optional<RecipientWindows> windows() {
        return Optional.of(recipients.windows);
    }

    // ================================================================ EngagementStore

    @Override
    public Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        return engagements.engage(sender, campaignId, phones);
    }

    @Override
    public Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        return engagements.engagedCampaign(sender, phone);
    }

    @Override
    public int releaseEngagements(CampaignId campaignId, int limit) {
        return engagements.release(campaignId, limit);
    }

    // ================================================================ SuppressionList

    @Override
    public void suppress(Suppression suppression) {
        suppressions.suppress(suppression);
    }

    @Override
    public boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
        return suppressions.lift(sender, phone);
    }

    @Override
    public Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        return suppressions.suppressedAmong(sender, phones);
    }

    @Override
    public List<Suppression> suppressionsOf(PhoneNumber phone, Collection<SenderKey> senders) {
        return suppressions.suppressionsOf(phone, senders);
    }

    // ================================================================ ConversationStore

    @Override
    public Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant inboundAt, Instant at) {
        return conversations.openOrContinue(campaignId, phone, inboundAt, at);
    }

    @Override
    public Optional<Conversation> findConversation(String conversationId) {
        return conversations.find(conversationId);
    }

    @Override
    public Optional<Conversation> changeConversation(String conversationId, ConversationChange change) {
        if (change instanceof ConversationChange.Touch touch) {
            return conversations.touch(conversationId, touch.at());
        }
        if (change instanceof ConversationChange.MarkAutoReply mark) {
            return conversations.tryMarkAutoReply(conversationId, mark.periodStart(), mark.now());
        }
        ConversationChange.Close close = (ConversationChange.Close) change;
        return conversations.close(conversationId, close.reason(), close.at());
    }

    @Override
    public ConversationSweep closeConversations(
            CampaignId campaignId, Optional<Instant> idleSince, String reason, int limit, Instant at) {
        List<Conversation> closed = conversations.closeAll(campaignId, idleSince, reason, limit, at);
        return new ConversationSweep(closed, conversations.oldestActivity(campaignId));
    }

    // ================================================================ InboundQueue

    @Override
    public boolean enqueueInbound(
            String conversationId, CampaignId campaignId, PhoneNumber phone, ReceivedMessage message) {
        return inbound.computeIfAbsent(campaignId, id -> new QueuedMessages())
                .enqueue(conversationId, campaignId, phone, message);
    }

    @Override
    public List<QueuedInbound> claimQueued(CampaignId campaignId, Lease lease, int limit, Instant now) {
        QueuedMessages queue = inbound.get(campaignId);
        return queue == null ? List.of() : queue.claim(lease, limit, now);
    }

    @Override
    public void acknowledgeQueued(CampaignId campaignId, List<Long> sequences) {
        QueuedMessages queue = inbound.get(campaignId);
        if (queue != null) {
            queue.acknowledge(sequences);
        }
    }

    @Override
    public long countQueued(CampaignId campaignId) {
        QueuedMessages queue = inbound.get(campaignId);
        return queue == null ? 0 : queue.count();
    }

    @Override
    public List<QueuedInbound> queuedInbound(CampaignId campaignId, long afterSequence, int limit) {
        QueuedMessages queue = inbound.get(campaignId);
        return queue == null ? List.of() : queue.page(afterSequence, limit);
    }

    // ================================================================ TrackingStore

    @Override
    public boolean eventHandledBefore(String eventKey, Optional<Instant> markAt) {
        return markAt.isPresent()
                ? !tracking.markEventHandled(eventKey, markAt.get())
                : tracking.wasEventHandled(eventKey);
    }

    @Override
    public Map<String, List<UnmatchedStatus>> takeUnmatchedStatuses(Collection<String> providerMessageIds) {
        Map<String, List<UnmatchedStatus>> taken = Map.of(); // asked for every recorded batch; most find none
        for (String id : providerMessageIds) {
            List<UnmatchedStatus> statuses = tracking.takeUnmatched(id);
            if (!statuses.isEmpty()) {
                if (taken.isEmpty()) {
                    taken = new HashMap<>();
                }
                taken.put(id, statuses);
            }
        }
        return taken;
    }

    @Override
    public void keepUnmatchedStatus(UnmatchedStatus status) {
        tracking.keepUnmatched(status);
    }

    @Override
    public void recordFunnelStep(FunnelStep step) {
        tracking.recordFunnelStep(step);
    }

    @Override
    public List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone) {
        return tracking.funnelSteps(campaignId, phone);
    }

    @Override
    public Map<String, Long> funnelCounts(CampaignId campaignId) {
        return tracking.funnelCounts(campaignId);
    }

    // ================================================================ for tests (not part of any port)

    /** This store as the engine's storage, with pacing kept in this process. */
    public CampaignStorage storage() {
        return CampaignStorage.of(this);
    }

    /** The open conversation of the phone in the campaign, if any: for tests that look inside. */
    public Optional<Conversation> findOpenConversation(CampaignId campaignId, PhoneNumber phone) {
        return conversations.findOpen(campaignId, phone);
    }

    /** How many unmatched reports were ever kept (taken ones included): for tests that look inside. */
    public long countUnmatchedStatuses() {
        return tracking.countUnmatched();
    }
}
