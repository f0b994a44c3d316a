package io.campaignkit.core.port;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.StoreArguments;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link CampaignStore} whose argument rules are written once: every port method is {@code final},
 * checks its arguments (an {@link InvalidArgumentException} naming the bad one, before anything is
 * read or written) and hands them to a protected hook of the same name prefixed with {@code do}
 * ({@link #insert} calls {@link #doInsert}, {@link #claimForSending} calls {@link #doClaimForSending}...).
 * A store extends it and implements the hooks only, so every store refuses the same calls with the
 * same messages and a new store gets the rules for free:
 *
 * <pre>{@code
 * public final class MyStore extends AbstractCampaignStore {
 *     @Override
 *     protected void doInsert(Campaign campaign) { ... } // campaign is not null here
 *     ...
 * }
 * }</pre>
 *
 * <p>The rules: objects are not null, ids and texts are not blank, a batch holds 1 to
 * {@link #MAX_BATCH} non-null elements (lists of keys or sequences at most {@link #MAX_BATCH}), a
 * limit is from 1 to {@link #MAX_BATCH}, a claim's lease is live at its {@code now}, a campaign update
 * raises the version, a page starts after sequence -1 or more. Hooks receive the arguments as given,
 * except {@link #doFindByProject}, which receives the tenant and project ids stripped. What a hook
 * decides from the stored data (an unknown campaign, a version conflict) stays with the store.
 */
public abstract class AbstractCampaignStore implements CampaignStore {

    /** For subclasses. */
    protected AbstractCampaignStore() {
    }

    // ================================================================ CampaignStore

    @Override
    public final void insert(Campaign campaign) {
        doInsert(Arguments.requireNonNull(campaign, "campaign"));
    }

    @Override
    public final void update(Campaign campaign, long expectedVersion) {
        Arguments.requireNonNull(campaign, "campaign");
        Arguments.require(campaign.version() > expectedVersion, "campaign", "campaign " + campaign.id()
                + " is at version " + campaign.version() + ", which must be above the expected version " + expectedVersion);
        doUpdate(campaign, expectedVersion);
    }

    @Override
    public final Optional<Campaign> find(CampaignId id) {
        return doFind(Arguments.requireNonNull(id, "id"));
    }

    @Override
    public final List<Campaign> findByState(CampaignState state, Optional<CampaignId> after, int limit) {
        Arguments.requireNonNull(state, "state");
        Arguments.requireNonNull(after, "after");
        return doFindByState(state, after, StoreArguments.requireLimit(limit));
    }

    @Override
    public final List<Campaign> findByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) {
        Arguments.requireNonBlank(tenantId, "tenantId");
        Arguments.requireNonBlank(projectId, "projectId");
        Arguments.requireNonNull(after, "after");
        return doFindByProject(tenantId.strip(), projectId.strip(), after, StoreArguments.requireLimit(limit));
    }

    @Override
    public final void delete(Campaign campaign) {
        doDelete(Arguments.requireNonNull(campaign, "campaign"));
    }

    // ================================================================ RecipientStore

    @Override
    public final List<Recipient> insertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireBatch(recipients, "recipients");
        return doInsertRecipients(campaignId, recipients, Arguments.requireNonNull(now, "now"));
    }

    @Override
    public final List<Recipient> claimForSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        requireClaim(campaignId, lease, limit, now);
        return doClaimForSending(campaignId, lease, limit, now);
    }

    @Override
    public final List<Recipient> claimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        requireClaim(campaignId, lease, limit, now);
        return doClaimExpiredSending(campaignId, lease, limit, now);
    }

    @Override
    public final int renewLease(CampaignId campaignId, Lease held, Lease renewed) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(held, "held");
        Arguments.requireNonNull(renewed, "renewed");
        Arguments.require(renewed.owner().equals(held.owner()), "renewed",
                "a lease is renewed by its own owner: renewed is " + renewed.owner() + "'s, held is " + held.owner() + "'s");
        return doRenewLease(campaignId, held, renewed);
    }

    @Override
    public final List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        return doApply(StoreArguments.requireBatch(updates, "updates"));
    }

    @Override
    public final List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(reason, "reason");
        StoreArguments.requireLimit(limit);
        return doSkipPending(campaignId, reason, limit, Arguments.requireNonNull(now, "now"));
    }

    @Override
    public final Optional<Recipient> findRecipient(RecipientKey key) {
        return doFindRecipient(Arguments.requireNonNull(key, "key"));
    }

    @Override
    public final Optional<Recipient> findByProviderMessageId(String providerMessageId) {
        return doFindByProviderMessageId(Arguments.requireNonBlank(providerMessageId, "providerMessageId"));
    }

    @Override
    public final Optional<Recipient> findByCorrelationId(String correlationId) {
        return doFindByCorrelationId(Arguments.requireNonBlank(correlationId, "correlationId"));
    }

    @Override
    public final List<Recipient> findRecipients(CampaignId campaignId, long afterSequence, int limit) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.require(afterSequence >= -1, "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
        return doFindRecipients(campaignId, afterSequence, StoreArguments.requireLimit(limit));
    }

    @Override
    public final Optional<Instant> nextDueAt(CampaignId campaignId, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return doNextDueAt(campaignId, Arguments.requireNonNull(now, "now"));
    }

    @Override
    public final Optional<Instant> nextLeaseExpiry(CampaignId campaignId) {
        return doNextLeaseExpiry(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public final RecipientCounts counts(CampaignId campaignId) {
        return doCounts(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    // ================================================================ EngagementStore

    @Override
    public final Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(campaignId, "campaignId");
        return doEngage(sender, campaignId, StoreArguments.requireBatch(phones, "phones"));
    }

    @Override
    public final Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        return doEngagedCampaign(sender, Arguments.requireNonNull(phone, "phone"));
    }

    @Override
    public final int releaseEngagements(CampaignId campaignId, int limit) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return doReleaseEngagements(campaignId, StoreArguments.requireLimit(limit));
    }

    // ================================================================ SuppressionList

    @Override
    public final void suppress(Suppression suppression) {
        doSuppress(Arguments.requireNonNull(suppression, "suppression"));
    }

    @Override
    public final boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        return doLift(sender, Arguments.requireNonNull(phone, "phone"));
    }

    @Override
    public final Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        return doSuppressedAmong(sender, StoreArguments.requireUpToBatch(phones, "phones"));
    }

    /** {@inheritDoc} Checked here, so a null phone is named rather than failing inside a set. */
    @Override
    public final boolean isSuppressed(SenderKey sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        return !doSuppressedAmong(sender, Set.of(phone)).isEmpty();
    }

    // ================================================================ ConversationStore

    @Override
    public final Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant at) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        return doOpenOrContinue(campaignId, phone, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public final Optional<Conversation> findOpenConversation(CampaignId campaignId, PhoneNumber phone) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return doFindOpenConversation(campaignId, Arguments.requireNonNull(phone, "phone"));
    }

    @Override
    public final Optional<Conversation> findConversation(String conversationId) {
        return doFindConversation(Arguments.requireNonBlank(conversationId, "conversationId"));
    }

    @Override
    public final void touchConversation(String conversationId, Instant at) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        doTouchConversation(conversationId, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public final boolean tryMarkAutoReply(String conversationId, Instant periodStart, Instant now) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(periodStart, "periodStart");
        return doTryMarkAutoReply(conversationId, periodStart, Arguments.requireNonNull(now, "now"));
    }

    @Override
    public final Optional<Conversation> closeConversation(String conversationId, String reason, Instant at) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonBlank(reason, "reason");
        return doCloseConversation(conversationId, reason, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public final List<Conversation> closeConversations(CampaignId campaignId, Optional<Instant> idleSince, String reason,
            int limit, Instant at) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(idleSince, "idleSince");
        Arguments.requireNonBlank(reason, "reason");
        StoreArguments.requireLimit(limit);
        return doCloseConversations(campaignId, idleSince, reason, limit, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public final Optional<Instant> oldestActivity(CampaignId campaignId) {
        return doOldestActivity(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public final boolean enqueueInbound(String conversationId, CampaignId campaignId, PhoneNumber phone,
            InboundMessage message) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        return doEnqueueInbound(conversationId, campaignId, phone, Arguments.requireNonNull(message, "message"));
    }

    @Override
    public final List<QueuedInbound> claimQueued(CampaignId campaignId, Lease lease, int limit, Instant now) {
        requireClaim(campaignId, lease, limit, now);
        return doClaimQueued(campaignId, lease, limit, now);
    }

    @Override
    public final void acknowledgeQueued(CampaignId campaignId, List<Long> sequences) {
        Arguments.requireNonNull(campaignId, "campaignId");
        doAcknowledgeQueued(campaignId, StoreArguments.requireUpToBatch(sequences, "sequences"));
    }

    @Override
    public final long countQueued(CampaignId campaignId) {
        return doCountQueued(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    // ================================================================ TrackingStore

    @Override
    public final boolean markEventHandled(String eventKey, Instant at) {
        Arguments.requireNonBlank(eventKey, "eventKey");
        return doMarkEventHandled(eventKey, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public final boolean wasEventHandled(String eventKey) {
        return doWasEventHandled(Arguments.requireNonBlank(eventKey, "eventKey"));
    }

    @Override
    public final void keepUnmatchedStatus(UnmatchedStatus status) {
        doKeepUnmatchedStatus(Arguments.requireNonNull(status, "status"));
    }

    @Override
    public final List<UnmatchedStatus> takeUnmatchedStatuses(String providerMessageId) {
        return doTakeUnmatchedStatuses(Arguments.requireNonBlank(providerMessageId, "providerMessageId"));
    }

    @Override
    public final Map<String, List<UnmatchedStatus>> takeUnmatchedStatuses(Collection<String> providerMessageIds) {
        StoreArguments.requireUpToBatch(providerMessageIds, "providerMessageIds");
        providerMessageIds.forEach(id -> Arguments.requireNonBlank(id, "providerMessageIds"));
        return doTakeUnmatchedStatuses(providerMessageIds);
    }

    @Override
    public final long countUnmatchedStatuses() {
        return doCountUnmatchedStatuses();
    }

    @Override
    public final void recordFunnelStep(FunnelStep step) {
        doRecordFunnelStep(Arguments.requireNonNull(step, "step"));
    }

    @Override
    public final List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return doFunnelSteps(campaignId, Arguments.requireNonNull(phone, "phone"));
    }

    @Override
    public final Map<String, Long> funnelCounts(CampaignId campaignId) {
        return doFunnelCounts(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    // ================================================================ the hooks, arguments checked

    /** @see #insert */
    protected abstract void doInsert(Campaign campaign);

    /** @see #update */
    protected abstract void doUpdate(Campaign campaign, long expectedVersion);

    /** @see #find */
    protected abstract Optional<Campaign> doFind(CampaignId id);

    /** @see #findByState */
    protected abstract List<Campaign> doFindByState(CampaignState state, Optional<CampaignId> after, int limit);

    /** @see #findByProject the ids stripped */
    protected abstract List<Campaign> doFindByProject(String tenantId, String projectId, Optional<CampaignId> after,
            int limit);

    /** @see #delete */
    protected abstract void doDelete(Campaign campaign);

    /** @see #insertRecipients */
    protected abstract List<Recipient> doInsertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now);

    /** @see #claimForSending the lease live at {@code now} */
    protected abstract List<Recipient> doClaimForSending(CampaignId campaignId, Lease lease, int limit, Instant now);

    /** @see #claimExpiredSending the lease live at {@code now} */
    protected abstract List<Recipient> doClaimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now);

    /** @see #renewLease the same owner */
    protected abstract int doRenewLease(CampaignId campaignId, Lease held, Lease renewed);

    /** @see #apply */
    protected abstract List<RecipientChange> doApply(List<? extends RecipientUpdate> updates);

    /** @see #skipPending */
    protected abstract List<RecipientChange> doSkipPending(CampaignId campaignId, StatusReason reason, int limit,
            Instant now);

    /** @see #findRecipient */
    protected abstract Optional<Recipient> doFindRecipient(RecipientKey key);

    /** @see #findByProviderMessageId */
    protected abstract Optional<Recipient> doFindByProviderMessageId(String providerMessageId);

    /** @see #findByCorrelationId */
    protected abstract Optional<Recipient> doFindByCorrelationId(String correlationId);

    /** @see #findRecipients */
    protected abstract List<Recipient> doFindRecipients(CampaignId campaignId, long afterSequence, int limit);

    /** @see #nextDueAt */
    protected abstract Optional<Instant> doNextDueAt(CampaignId campaignId, Instant now);

    /** @see #nextLeaseExpiry */
    protected abstract Optional<Instant> doNextLeaseExpiry(CampaignId campaignId);

    /** @see #counts */
    protected abstract RecipientCounts doCounts(CampaignId campaignId);

    /** @see #engage */
    protected abstract Set<PhoneNumber> doEngage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones);

    /** @see #engagedCampaign */
    protected abstract Optional<CampaignId> doEngagedCampaign(SenderKey sender, PhoneNumber phone);

    /** @see #releaseEngagements */
    protected abstract int doReleaseEngagements(CampaignId campaignId, int limit);

    /** @see #suppress */
    protected abstract void doSuppress(Suppression suppression);

    /** @see #lift */
    protected abstract boolean doLift(Optional<SenderKey> sender, PhoneNumber phone);

    /** @see #suppressedAmong */
    protected abstract Set<PhoneNumber> doSuppressedAmong(SenderKey sender, Collection<PhoneNumber> phones);

    /** @see #openOrContinue */
    protected abstract Conversation doOpenOrContinue(CampaignId campaignId, PhoneNumber phone, Instant at);

    /** @see #findOpenConversation */
    protected abstract Optional<Conversation> doFindOpenConversation(CampaignId campaignId, PhoneNumber phone);

    /** @see #findConversation */
    protected abstract Optional<Conversation> doFindConversation(String conversationId);

    /** @see #touchConversation */
    protected abstract void doTouchConversation(String conversationId, Instant at);

    /** @see #tryMarkAutoReply */
    protected abstract boolean doTryMarkAutoReply(String conversationId, Instant periodStart, Instant now);

    /** @see #closeConversation */
    protected abstract Optional<Conversation> doCloseConversation(String conversationId, String reason, Instant at);

    /** @see #closeConversations */
    protected abstract List<Conversation> doCloseConversations(CampaignId campaignId, Optional<Instant> idleSince,
            String reason, int limit, Instant at);

    /** @see #oldestActivity */
    protected abstract Optional<Instant> doOldestActivity(CampaignId campaignId);

    /** @see #enqueueInbound */
    protected abstract boolean doEnqueueInbound(String conversationId, CampaignId campaignId, PhoneNumber phone,
            InboundMessage message);

    /** @see #claimQueued the lease live at {@code now} */
    protected abstract List<QueuedInbound> doClaimQueued(CampaignId campaignId, Lease lease, int limit, Instant now);

    /** @see #acknowledgeQueued */
    protected abstract void doAcknowledgeQueued(CampaignId campaignId, List<Long> sequences);

    /** @see #countQueued */
    protected abstract long doCountQueued(CampaignId campaignId);

    /** @see #markEventHandled */
    protected abstract boolean doMarkEventHandled(String eventKey, Instant at);

    /** @see #wasEventHandled */
    protected abstract boolean doWasEventHandled(String eventKey);

    /** @see #keepUnmatchedStatus */
    protected abstract void doKeepUnmatchedStatus(UnmatchedStatus status);

    /** @see #takeUnmatchedStatuses(String) */
    protected abstract List<UnmatchedStatus> doTakeUnmatchedStatuses(String providerMessageId);

    /**
     * {@link #takeUnmatchedStatuses(Collection)}, each id checked; by default one
     * {@link #doTakeUnmatchedStatuses(String)} per id: a database overrides it with one statement.
     *
     * @param providerMessageIds at most {@link #MAX_BATCH} ids, none blank
     * @return the kept reports per id, only for ids that had some
     */
    protected Map<String, List<UnmatchedStatus>> doTakeUnmatchedStatuses(Collection<String> providerMessageIds) {
        Map<String, List<UnmatchedStatus>> taken = new HashMap<>();
        for (String id : providerMessageIds) {
            List<UnmatchedStatus> statuses = doTakeUnmatchedStatuses(id);
            if (!statuses.isEmpty()) {
                taken.put(id, statuses);
            }
        }
        return taken;
    }

    /** @see #countUnmatchedStatuses */
    protected abstract long doCountUnmatchedStatuses();

    /** @see #recordFunnelStep */
    protected abstract void doRecordFunnelStep(FunnelStep step);

    /** @see #funnelSteps */
    protected abstract List<FunnelStep> doFunnelSteps(CampaignId campaignId, PhoneNumber phone);

    /** @see #funnelCounts */
    protected abstract Map<String, Long> doFunnelCounts(CampaignId campaignId);

    private static void requireClaim(CampaignId campaignId, Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireLiveLease(lease, now);
        StoreArguments.requireLimit(limit);
    }
}
