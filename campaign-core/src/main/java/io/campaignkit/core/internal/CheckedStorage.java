package io.campaignkit.core.internal;

import io.campaignkit.core.InvalidArgumentException;
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
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.port.UnmatchedStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The argument rules of every storage port, checked in one place: the engine wraps whatever
 * {@link CampaignStorage} it is given ({@link #wrap}), so every store refuses the same calls with the
 * same {@link InvalidArgumentException} naming the bad argument, before anything is read or written,
 * and no store checks arguments itself. The rules: objects are not null, ids and texts are not blank,
 * a batch holds 1 to {@link CampaignStore#MAX_BATCH} non-null elements (lists of keys or sequences at
 * most that many), a limit is from 1 to {@link CampaignStore#MAX_BATCH}, a claim's lease is live at
 * its {@code now}, a renewal keeps the lease's owner, a campaign update raises the version. (Queries
 * and changes check their own fields when built.) Not public API.
 */
public final class CheckedStorage
        implements CampaignStore,
                RecipientStore,
                ConversationStore,
                InboundQueue,
                EngagementStore,
                SuppressionList,
                TrackingStore {

    private final CampaignStorage storage;

    private CheckedStorage(CampaignStorage storage) {
        this.storage = storage;
    }

    /** {@code storage} with every port but pacing checking its arguments first. */
    public static CampaignStorage wrap(CampaignStorage storage) {
        Arguments.requireNonNull(storage, "storage");
        CheckedStorage checked = new CheckedStorage(storage);
        return new CampaignStorage(checked, checked, checked, checked, checked, checked, checked, storage.pacing());
    }

    // ================================================================ campaigns

    @Override
    public void save(Campaign campaign, OptionalLong expectedVersion) {
        Arguments.requireNonNull(campaign, "campaign");
        Arguments.requireNonNull(expectedVersion, "expectedVersion");
        expectedVersion.ifPresent(expected -> Arguments.require(
                campaign.version() > expected,
                "campaign",
                "campaign " + campaign.id() + " is at version " + campaign.version()
                        + ", which must be above the expected version " + expected));
        storage.campaigns().save(campaign, expectedVersion);
    }

    @Override
    public List<Campaign> findCampaigns(CampaignQuery query) {
        return storage.campaigns().findCampaigns(Arguments.requireNonNull(query, "query"));
    }

    @Override
    public void delete(Campaign campaign) {
        storage.campaigns().delete(Arguments.requireNonNull(campaign, "campaign"));
    }

    // ================================================================ recipients

    @Override
    public List<Recipient> insertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireBatch(recipients, "recipients");
        return storage.recipients().insertRecipients(campaignId, recipients, Arguments.requireNonNull(now, "now"));
    }

    @Override
    public List<Recipient> claim(ClaimKind kind, CampaignId campaignId, Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(kind, "kind");
        requireClaim(campaignId, lease, limit, now);
        return storage.recipients().claim(kind, campaignId, lease, limit, now);
    }

    @Override
    public int renewLease(CampaignId campaignId, Lease held, Lease renewed) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(held, "held");
        Arguments.requireNonNull(renewed, "renewed");
        if (!renewed.owner().equals(held.owner())) {
            throw new InvalidArgumentException(
                    "renewed",
                    "a lease is renewed by its own owner: renewed is " + renewed.owner() + "'s, held is " + held.owner()
                            + "'s");
        }
        return storage.recipients().renewLease(campaignId, held, renewed);
    }

    @Override
    public List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        return storage.recipients().apply(StoreArguments.requireBatch(updates, "updates"));
    }

    @Override
    public List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(reason, "reason");
        StoreArguments.requireLimit(limit);
        return storage.recipients().skipPending(campaignId, reason, limit, Arguments.requireNonNull(now, "now"));
    }

    @Override
    public List<Recipient> findRecipients(RecipientQuery query) {
        return storage.recipients().findRecipients(Arguments.requireNonNull(query, "query"));
    }

    @Override
    public RecipientWakeUps wakeUps(CampaignId campaignId, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return storage.recipients().wakeUps(campaignId, Arguments.requireNonNull(now, "now"));
    }

    @Override
    public Optional<Instant> nextLeaseExpiry(CampaignId campaignId, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return storage.recipients().nextLeaseExpiry(campaignId, Arguments.requireNonNull(now, "now"));
    }

    @Override
    public RecipientCounts counts(CampaignId campaignId) {
        return storage.recipients().counts(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    // ================================================================ conversations and their queue

    @Override
    public Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant inboundAt, Instant at) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(inboundAt, "inboundAt");
        return storage.conversations().openOrContinue(campaignId, phone, inboundAt, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public Optional<Conversation> findConversation(String conversationId) {
        return storage.conversations().findConversation(Arguments.requireNonBlank(conversationId, "conversationId"));
    }

    @Override
    public Optional<Conversation> changeConversation(String conversationId, ConversationChange change) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        return storage.conversations().changeConversation(conversationId, Arguments.requireNonNull(change, "change"));
    }

    @Override
    public ConversationSweep closeConversations(
            CampaignId campaignId, Optional<Instant> idleSince, String reason, int limit, Instant at) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(idleSince, "idleSince");
        Arguments.requireNonBlank(reason, "reason");
        StoreArguments.requireLimit(limit);
        return storage.conversations()
                .closeConversations(campaignId, idleSince, reason, limit, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public boolean enqueueInbound(
            String conversationId, CampaignId campaignId, PhoneNumber phone, ReceivedMessage message) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        return storage.inbound()
                .enqueueInbound(conversationId, campaignId, phone, Arguments.requireNonNull(message, "message"));
    }

    @Override
    public List<QueuedInbound> claimQueued(CampaignId campaignId, Lease lease, int limit, Instant now) {
        requireClaim(campaignId, lease, limit, now);
        return storage.inbound().claimQueued(campaignId, lease, limit, now);
    }

    @Override
    public void acknowledgeQueued(CampaignId campaignId, List<Long> sequences) {
        Arguments.requireNonNull(campaignId, "campaignId");
        storage.inbound().acknowledgeQueued(campaignId, StoreArguments.requireUpToBatch(sequences, "sequences"));
    }

    @Override
    public long countQueued(CampaignId campaignId) {
        return storage.inbound().countQueued(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public List<QueuedInbound> queuedInbound(CampaignId campaignId, long afterSequence, int limit) {
        Arguments.requireNonNull(campaignId, "campaignId");
        if (afterSequence < -1) {
            throw new InvalidArgumentException(
                    "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
        }
        if (limit < 1 || limit > CampaignStore.MAX_BATCH) {
            throw new InvalidArgumentException(
                    "limit", "limit must be from 1 to " + CampaignStore.MAX_BATCH + ", was " + limit);
        }
        return storage.inbound().queuedInbound(campaignId, afterSequence, limit);
    }

    // ================================================================ engagements and suppressions

    @Override
    public Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(campaignId, "campaignId");
        return storage.engagements().engage(sender, campaignId, StoreArguments.requireBatch(phones, "phones"));
    }

    @Override
    public Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        return storage.engagements().engagedCampaign(sender, Arguments.requireNonNull(phone, "phone"));
    }

    @Override
    public Map<PhoneNumber, CampaignId> engagedCampaigns(SenderKey sender, List<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        return storage.engagements().engagedCampaigns(sender, StoreArguments.requireBatch(phones, "phones"));
    }

    @Override
    public int releaseEngagements(CampaignId campaignId, int limit) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return storage.engagements().releaseEngagements(campaignId, StoreArguments.requireLimit(limit));
    }

    @Override
    public void suppress(Suppression suppression) {
        storage.suppressions().suppress(Arguments.requireNonNull(suppression, "suppression"));
    }

    @Override
    public boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        return storage.suppressions().lift(sender, Arguments.requireNonNull(phone, "phone"));
    }

    @Override
    public Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        return storage.suppressions().suppressedAmong(sender, StoreArguments.requireUpToBatch(phones, "phones"));
    }

    /** Checked here, so a null phone is named rather than failing inside a set. */
    @Override
    public boolean isSuppressed(SenderKey sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        return !storage.suppressions().suppressedAmong(sender, Set.of(phone)).isEmpty();
    }

    // ================================================================ tracking

    @Override
    public boolean eventHandledBefore(String eventKey, Optional<Instant> markAt) {
        Arguments.requireNonBlank(eventKey, "eventKey");
        return storage.tracking().eventHandledBefore(eventKey, Arguments.requireNonNull(markAt, "markAt"));
    }

    @Override
    public boolean markEventHandled(String eventKey, Instant at) {
        Arguments.requireNonNull(at, "at"); // named as the caller knows it, not as markAt
        return !eventHandledBefore(eventKey, Optional.of(at));
    }

    @Override
    public void keepUnmatchedStatus(UnmatchedStatus status) {
        storage.tracking().keepUnmatchedStatus(Arguments.requireNonNull(status, "status"));
    }

    @Override
    public Map<String, List<UnmatchedStatus>> takeUnmatchedStatuses(Collection<String> providerMessageIds) {
        StoreArguments.requireUpToBatch(providerMessageIds, "providerMessageIds");
        providerMessageIds.forEach(id -> Arguments.requireNonBlank(id, "providerMessageIds"));
        return storage.tracking().takeUnmatchedStatuses(providerMessageIds);
    }

    @Override
    public List<UnmatchedStatus> takeUnmatchedStatuses(String providerMessageId) {
        Arguments.requireNonBlank(providerMessageId, "providerMessageId");
        return TrackingStore.super.takeUnmatchedStatuses(providerMessageId);
    }

    @Override
    public void recordFunnelStep(FunnelStep step) {
        storage.tracking().recordFunnelStep(Arguments.requireNonNull(step, "step"));
    }

    @Override
    public List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return storage.tracking().funnelSteps(campaignId, Arguments.requireNonNull(phone, "phone"));
    }

    @Override
    public Map<String, Long> funnelCounts(CampaignId campaignId) {
        return storage.tracking().funnelCounts(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public String toString() {
        return "CheckedStorage[" + storage + "]";
    }

    private static void requireClaim(CampaignId campaignId, Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireLiveLease(lease, now);
        StoreArguments.requireLimit(limit);
    }
}
