package io.campaignkit.testkit.store;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import io.campaignkit.core.port.AbstractCampaignStore;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.InboundMessage;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.port.UnmatchedStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every storage port of the engine in memory, for tests, demos and benchmarks: campaigns
 * ({@link CampaignStore}), recipients ({@link RecipientStore}), exclusivity ({@link EngagementStore}),
 * the suppression list ({@link SuppressionList}), conversations and queued inbound messages
 * ({@link ConversationStore}) and event tracking ({@link TrackingStore}). It passes the
 * {@link CampaignStoreContractKit}, so the engine behaves on it as on a database.
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
 * across tenants, as the port requires. Arguments are checked by {@link AbstractCampaignStore}.
 */
public final class InMemoryCampaignStore extends AbstractCampaignStore {

    private final CampaignTable campaigns = new CampaignTable();
    private final Map<CampaignId, RecipientBook> books = new ConcurrentHashMap<>();
    private final ProviderIdIndex providerIds = new ProviderIdIndex();
    private final Engagements engagements = new Engagements();
    private final Suppressions suppressions = new Suppressions();
    private final Conversations conversations = new Conversations();
    private final Map<CampaignId, InboundQueue> inbound = new ConcurrentHashMap<>();
    private final Tracking tracking = new Tracking();

    /** An empty store. */
    public InMemoryCampaignStore() {
    }

    // ================================================================ CampaignStore (arguments checked by the base class)

    @Override
    protected void doInsert(Campaign campaign) {
        campaigns.insert(campaign);
    }

    @Override
    protected void doUpdate(Campaign campaign, long expectedVersion) {
        campaigns.update(campaign, expectedVersion);
    }

    @Override
    protected Optional<Campaign> doFind(CampaignId id) {
        return campaigns.find(id);
    }

    @Override
    protected List<Campaign> doFindByState(CampaignState state, Optional<CampaignId> after, int limit) {
        return campaigns.findByState(state, after, limit);
    }

    @Override
    protected List<Campaign> doFindByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) {
        return campaigns.findByProject(tenantId, projectId, after, limit);
    }

    /** Deletes the campaign with its recipients, conversations, queued messages, funnel steps and engagements. */
    @Override
    protected void doDelete(Campaign campaign) {
        campaigns.delete(campaign);
        CampaignId id = campaign.id();
        RecipientBook book = books.remove(id);
        if (book != null) {
            book.forgetProviderIds(providerIds);
        }
        conversations.deleteCampaign(id);
        inbound.remove(id);
        tracking.deleteCampaign(id);
        while (engagements.release(id, MAX_BATCH) > 0) {
            // released a batch; more may be left
        }
    }

    // ================================================================ RecipientStore

    @Override
    protected List<Recipient> doInsertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        return book(campaignId).insert(recipients, now);
    }

    @Override
    protected List<Recipient> doClaimForSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.claimForSending(lease, limit, now);
    }

    @Override
    protected List<Recipient> doClaimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.claimExpiredSending(lease, limit, now);
    }

    @Override
    protected int doRenewLease(CampaignId campaignId, Lease held, Lease renewed) {
        RecipientBook book = books.get(campaignId);
        return book == null ? 0 : book.renewLease(held, renewed);
    }

    @Override
    protected List<RecipientChange> doApply(List<? extends RecipientUpdate> updates) {
        List<RecipientChange> changes = new ArrayList<>(updates.size());
        for (RecipientUpdate update : updates) {
            RecipientBook book = books.get(update.key().campaignId());
            RecipientChange change = book == null ? null : book.apply(update);
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    @Override
    protected List<RecipientChange> doSkipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.skipPending(reason, limit, now);
    }

    @Override
    protected Optional<Recipient> doFindRecipient(RecipientKey key) {
        RecipientBook book = books.get(key.campaignId());
        return book == null ? Optional.empty() : book.find(key.phone().e164());
    }

    @Override
    protected Optional<Recipient> doFindByProviderMessageId(String providerMessageId) {
        RecipientEntry entry = providerIds.get(providerMessageId);
        if (entry == null || books.get(entry.book.campaignId) != entry.book) {
            return Optional.empty();
        }
        return Optional.of(entry.book.recipientOf(entry));
    }

    @Override
    protected Optional<Recipient> doFindByCorrelationId(String correlationId) {
        int separator = correlationId.lastIndexOf(':'); // campaign ids may hold ':', digits never do
        if (separator <= 0 || separator == correlationId.length() - 1) {
            return Optional.empty();
        }
        String campaignPart = correlationId.substring(0, separator);
        RecipientBook book = campaignIdOf(campaignPart).map(books::get).orElse(null);
        return book == null ? Optional.empty() : book.find("+" + correlationId.substring(separator + 1));
    }

    @Override
    protected List<Recipient> doFindRecipients(CampaignId campaignId, long afterSequence, int limit) {
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.page(afterSequence, limit);
    }

    @Override
    protected Optional<Instant> doNextDueAt(CampaignId campaignId, Instant now) {
        RecipientBook book = books.get(campaignId);
        return book == null ? Optional.empty() : book.nextDueAt();
    }

    @Override
    protected Optional<Instant> doNextLeaseExpiry(CampaignId campaignId) {
        RecipientBook book = books.get(campaignId);
        return book == null ? Optional.empty() : book.nextLeaseExpiry();
    }

    @Override
    protected RecipientCounts doCounts(CampaignId campaignId) {
        RecipientBook book = books.get(campaignId);
        return book == null ? RecipientCounts.empty() : book.counts();
    }

    // ================================================================ EngagementStore

    @Override
    protected Set<PhoneNumber> doEngage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        return engagements.engage(sender, campaignId, phones);
    }

    @Override
    protected Optional<CampaignId> doEngagedCampaign(SenderKey sender, PhoneNumber phone) {
        return engagements.engagedCampaign(sender, phone);
    }

    @Override
    protected int doReleaseEngagements(CampaignId campaignId, int limit) {
        return engagements.release(campaignId, limit);
    }

    // ================================================================ SuppressionList

    @Override
    protected void doSuppress(Suppression suppression) {
        suppressions.suppress(suppression);
    }

    @Override
    protected boolean doLift(Optional<SenderKey> sender, PhoneNumber phone) {
        return suppressions.lift(sender, phone);
    }

    @Override
    protected Set<PhoneNumber> doSuppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        return suppressions.suppressedAmong(sender, phones);
    }

    // ================================================================ ConversationStore

    @Override
    protected Conversation doOpenOrContinue(CampaignId campaignId, PhoneNumber phone, Instant at) {
        return conversations.openOrContinue(campaignId, phone, at);
    }

    @Override
    protected Optional<Conversation> doFindOpenConversation(CampaignId campaignId, PhoneNumber phone) {
        return conversations.findOpen(campaignId, phone);
    }

    @Override
    protected Optional<Conversation> doFindConversation(String conversationId) {
        return conversations.find(conversationId);
    }

    @Override
    protected void doTouchConversation(String conversationId, Instant at) {
        conversations.touch(conversationId, at);
    }

    @Override
    protected boolean doTryMarkAutoReply(String conversationId, Instant periodStart, Instant now) {
        return conversations.tryMarkAutoReply(conversationId, periodStart, now);
    }

    @Override
    protected Optional<Conversation> doCloseConversation(String conversationId, String reason, Instant at) {
        return conversations.close(conversationId, reason, at);
    }

    @Override
    protected List<Conversation> doCloseConversations(CampaignId campaignId, Optional<Instant> idleSince, String reason,
            int limit, Instant at) {
        return conversations.closeAll(campaignId, idleSince, reason, limit, at);
    }

    @Override
    protected Optional<Instant> doOldestActivity(CampaignId campaignId) {
        return conversations.oldestActivity(campaignId);
    }

    @Override
    protected boolean doEnqueueInbound(String conversationId, CampaignId campaignId, PhoneNumber phone,
            InboundMessage message) {
        return inbound.computeIfAbsent(campaignId, id -> new InboundQueue()).enqueue(conversationId, campaignId, phone,
                message);
    }

    @Override
    protected List<QueuedInbound> doClaimQueued(CampaignId campaignId, Lease lease, int limit, Instant now) {
        InboundQueue queue = inbound.get(campaignId);
        return queue == null ? List.of() : queue.claim(lease, limit, now);
    }

    @Override
    protected void doAcknowledgeQueued(CampaignId campaignId, List<Long> sequences) {
        InboundQueue queue = inbound.get(campaignId);
        if (queue != null) {
            queue.acknowledge(sequences);
        }
    }

    @Override
    protected long doCountQueued(CampaignId campaignId) {
        InboundQueue queue = inbound.get(campaignId);
        return queue == null ? 0 : queue.count();
    }

    // ================================================================ TrackingStore

    @Override
    protected boolean doMarkEventHandled(String eventKey, Instant at) {
        return tracking.markEventHandled(eventKey, at);
    }

    @Override
    protected boolean doWasEventHandled(String eventKey) {
        return tracking.wasEventHandled(eventKey);
    }

    @Override
    protected void doKeepUnmatchedStatus(UnmatchedStatus status) {
        tracking.keepUnmatched(status);
    }

    @Override
    protected List<UnmatchedStatus> doTakeUnmatchedStatuses(String providerMessageId) {
        return tracking.takeUnmatched(providerMessageId);
    }

    @Override
    protected long doCountUnmatchedStatuses() {
        return tracking.countUnmatched();
    }

    @Override
    protected void doRecordFunnelStep(FunnelStep step) {
        tracking.recordFunnelStep(step);
    }

    @Override
    protected List<FunnelStep> doFunnelSteps(CampaignId campaignId, PhoneNumber phone) {
        return tracking.funnelSteps(campaignId, phone);
    }

    @Override
    protected Map<String, Long> doFunnelCounts(CampaignId campaignId) {
        return tracking.funnelCounts(campaignId);
    }

    // ================================================================ internals

    /** The campaign id {@code value}, or empty when it is not a valid id (so no campaign has it). */
    private static Optional<CampaignId> campaignIdOf(String value) {
        try {
            return Optional.of(CampaignId.of(value));
        } catch (InvalidArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** The recipients of a stored campaign; created with its first use. */
    private RecipientBook book(CampaignId campaignId) {
        RecipientBook book = books.get(campaignId);
        if (book != null) {
            return book;
        }
        if (campaigns.find(campaignId).isEmpty()) {
            throw new CampaignNotFoundException(campaignId);
        }
        return books.computeIfAbsent(campaignId, id -> new RecipientBook(id, providerIds));
    }
}
