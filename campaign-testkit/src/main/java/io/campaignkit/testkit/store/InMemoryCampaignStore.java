package io.campaignkit.testkit.store;

import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.StoreArguments;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.SenderKey;
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
import java.util.HashMap;
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
 * across tenants, as the port requires.
 */
public final class InMemoryCampaignStore implements CampaignStore {

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

    // ================================================================ CampaignStore

    @Override
    public void insert(Campaign campaign) {
        Arguments.requireNonNull(campaign, "campaign");
        campaigns.insert(campaign);
    }

    @Override
    public void update(Campaign campaign, long expectedVersion) {
        Arguments.requireNonNull(campaign, "campaign");
        Arguments.require(campaign.version() > expectedVersion, "campaign", "campaign " + campaign.id()
                + " is at version " + campaign.version() + ", which must be above the expected version " + expectedVersion);
        campaigns.update(campaign, expectedVersion);
    }

    @Override
    public Optional<Campaign> find(CampaignId id) {
        return campaigns.find(Arguments.requireNonNull(id, "id"));
    }

    @Override
    public List<Campaign> findByState(CampaignState state, Optional<CampaignId> after, int limit) {
        Arguments.requireNonNull(state, "state");
        Arguments.requireNonNull(after, "after");
        return campaigns.findByState(state, after, StoreArguments.requireLimit(limit));
    }

    @Override
    public List<Campaign> findByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) {
        Arguments.requireNonBlank(tenantId, "tenantId");
        Arguments.requireNonBlank(projectId, "projectId");
        Arguments.requireNonNull(after, "after");
        return campaigns.findByProject(tenantId.strip(), projectId.strip(), after, StoreArguments.requireLimit(limit));
    }

    /** Deletes the campaign with its recipients, conversations, queued messages, funnel steps and engagements. */
    @Override
    public void delete(Campaign campaign) {
        Arguments.requireNonNull(campaign, "campaign");
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
    public List<Recipient> insertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireBatch(recipients, "recipients");
        Arguments.requireNonNull(now, "now");
        return book(campaignId).insert(recipients, now);
    }

    @Override
    public List<Recipient> claimForSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        checkClaim(campaignId, lease, limit, now);
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.claimForSending(lease, limit, now);
    }

    @Override
    public List<Recipient> claimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        checkClaim(campaignId, lease, limit, now);
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.claimExpiredSending(lease, limit, now);
    }

    @Override
    public List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        StoreArguments.requireBatch(updates, "updates");
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
    public List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(reason, "reason");
        StoreArguments.requireLimit(limit);
        Arguments.requireNonNull(now, "now");
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.skipPending(reason, limit, now);
    }

    @Override
    public Optional<Recipient> findRecipient(RecipientKey key) {
        Arguments.requireNonNull(key, "key");
        RecipientBook book = books.get(key.campaignId());
        return book == null ? Optional.empty() : book.find(key.phone().e164());
    }

    @Override
    public Optional<Recipient> findByProviderMessageId(String providerMessageId) {
        Arguments.requireNonBlank(providerMessageId, "providerMessageId");
        MutableRecipient recipient = providerIds.get(providerMessageId);
        if (recipient == null || books.get(recipient.book.campaignId) != recipient.book) {
            return Optional.empty();
        }
        return Optional.of(recipient.book.snapshotOf(recipient));
    }

    @Override
    public Optional<Recipient> findByCorrelationId(String correlationId) {
        Arguments.requireNonBlank(correlationId, "correlationId");
        int separator = correlationId.lastIndexOf(':'); // campaign ids may hold ':', digits never do
        if (separator <= 0 || separator == correlationId.length() - 1) {
            return Optional.empty();
        }
        String campaignPart = correlationId.substring(0, separator);
        RecipientBook book = campaignIdOf(campaignPart).map(books::get).orElse(null);
        return book == null ? Optional.empty() : book.find("+" + correlationId.substring(separator + 1));
    }

    @Override
    public List<Recipient> findRecipients(CampaignId campaignId, long afterSequence, int limit) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.require(afterSequence >= -1, "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
        StoreArguments.requireLimit(limit);
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.page(afterSequence, limit);
    }

    @Override
    public Optional<Instant> nextDueAt(CampaignId campaignId, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(now, "now");
        RecipientBook book = books.get(campaignId);
        return book == null ? Optional.empty() : book.nextDueAt();
    }

    @Override
    public Optional<Instant> nextLeaseExpiry(CampaignId campaignId) {
        Arguments.requireNonNull(campaignId, "campaignId");
        RecipientBook book = books.get(campaignId);
        return book == null ? Optional.empty() : book.nextLeaseExpiry();
    }

    @Override
    public RecipientCounts counts(CampaignId campaignId) {
        Arguments.requireNonNull(campaignId, "campaignId");
        RecipientBook book = books.get(campaignId);
        return book == null ? RecipientCounts.empty() : book.counts();
    }

    // ================================================================ EngagementStore

    @Override
    public Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireBatch(phones, "phones");
        return engagements.engage(sender, campaignId, phones);
    }

    @Override
    public Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        return engagements.engagedCampaign(sender, phone);
    }

    @Override
    public int releaseEngagements(CampaignId campaignId, int limit) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return engagements.release(campaignId, StoreArguments.requireLimit(limit));
    }

    // ================================================================ SuppressionList

    @Override
    public void suppress(Suppression suppression) {
        suppressions.suppress(Arguments.requireNonNull(suppression, "suppression"));
    }

    @Override
    public boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        return suppressions.lift(sender, phone);
    }

    @Override
    public Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        StoreArguments.requireUpToBatch(phones, "phones");
        return suppressions.suppressedAmong(sender, phones);
    }

    // ================================================================ ConversationStore

    @Override
    public Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant at) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(at, "at");
        return conversations.openOrContinue(campaignId, phone, at);
    }

    @Override
    public Optional<Conversation> findOpenConversation(CampaignId campaignId, PhoneNumber phone) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        return conversations.findOpen(campaignId, phone);
    }

    @Override
    public Optional<Conversation> findConversation(String conversationId) {
        return conversations.find(Arguments.requireNonBlank(conversationId, "conversationId"));
    }

    @Override
    public void touchConversation(String conversationId, Instant at) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(at, "at");
        conversations.touch(conversationId, at);
    }

    @Override
    public boolean tryMarkAutoReply(String conversationId, Instant periodStart, Instant now) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(periodStart, "periodStart");
        Arguments.requireNonNull(now, "now");
        return conversations.tryMarkAutoReply(conversationId, periodStart, now);
    }

    @Override
    public Optional<Conversation> closeConversation(String conversationId, String reason, Instant at) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonBlank(reason, "reason");
        Arguments.requireNonNull(at, "at");
        return conversations.close(conversationId, reason, at);
    }

    @Override
    public List<Conversation> closeConversations(CampaignId campaignId, Optional<Instant> idleSince, String reason,
            int limit, Instant at) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(idleSince, "idleSince");
        Arguments.requireNonBlank(reason, "reason");
        StoreArguments.requireLimit(limit);
        Arguments.requireNonNull(at, "at");
        return conversations.closeAll(campaignId, idleSince, reason, limit, at);
    }

    @Override
    public Optional<Instant> oldestActivity(CampaignId campaignId) {
        return conversations.oldestActivity(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public boolean enqueueInbound(String conversationId, CampaignId campaignId, PhoneNumber phone, InboundMessage message) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(message, "message");
        return inbound.computeIfAbsent(campaignId, id -> new InboundQueue()).enqueue(conversationId, campaignId, phone,
                message);
    }

    @Override
    public List<QueuedInbound> claimQueued(CampaignId campaignId, Lease lease, int limit, Instant now) {
        checkClaim(campaignId, lease, limit, now);
        InboundQueue queue = inbound.get(campaignId);
        return queue == null ? List.of() : queue.claim(lease, limit, now);
    }

    @Override
    public void acknowledgeQueued(CampaignId campaignId, List<Long> sequences) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNoNullElements(sequences, "sequences");
        InboundQueue queue = inbound.get(campaignId);
        if (queue != null) {
            queue.acknowledge(sequences);
        }
    }

    @Override
    public long countQueued(CampaignId campaignId) {
        InboundQueue queue = inbound.get(Arguments.requireNonNull(campaignId, "campaignId"));
        return queue == null ? 0 : queue.count();
    }

    // ================================================================ TrackingStore

    @Override
    public boolean markEventHandled(String eventKey, Instant at) {
        Arguments.requireNonBlank(eventKey, "eventKey");
        Arguments.requireNonNull(at, "at");
        return tracking.markEventHandled(eventKey, at);
    }

    @Override
    public boolean wasEventHandled(String eventKey) {
        return tracking.wasEventHandled(Arguments.requireNonBlank(eventKey, "eventKey"));
    }

    @Override
    public void keepUnmatchedStatus(UnmatchedStatus status) {
        tracking.keepUnmatched(Arguments.requireNonNull(status, "status"));
    }

    @Override
    public List<UnmatchedStatus> takeUnmatchedStatuses(String providerMessageId) {
        return tracking.takeUnmatched(Arguments.requireNonBlank(providerMessageId, "providerMessageId"));
    }

    @Override
    public Map<String, List<UnmatchedStatus>> takeUnmatchedStatuses(Collection<String> providerMessageIds) {
        Arguments.requireNoNullElements(providerMessageIds, "providerMessageIds");
        Map<String, List<UnmatchedStatus>> taken = new HashMap<>();
        for (String id : providerMessageIds) {
            List<UnmatchedStatus> statuses = tracking.takeUnmatched(id);
            if (!statuses.isEmpty()) {
                taken.put(id, statuses);
            }
        }
        return taken;
    }

    @Override
    public long countUnmatchedStatuses() {
        return tracking.countUnmatched();
    }

    @Override
    public void recordFunnelStep(FunnelStep step) {
        tracking.recordFunnelStep(Arguments.requireNonNull(step, "step"));
    }

    @Override
    public List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        return tracking.funnelSteps(campaignId, phone);
    }

    @Override
    public Map<String, Long> funnelCounts(CampaignId campaignId) {
        return tracking.funnelCounts(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    // ================================================================ internals

    private static void checkClaim(CampaignId campaignId, Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireLimit(limit);
        StoreArguments.requireLiveLease(lease, now);
    }

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
