package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finishes a campaign for good: FINISHED first (so nothing new is claimed), then every recipient
 * not yet sent becomes SKIPPED(CAMPAIGN_FINISHED), every open conversation is closed
 * (CAMPAIGN_FINISHED), queued inbound messages are dropped (their conversation is closed), and every
 * engagement is released. Sends already in flight complete and are recorded.
 */
final class Finisher {

    private final EngineContext context;
    private final Lifecycle lifecycle;
    private final Dispatcher dispatcher;
    private final Conversations conversations;

    Finisher(EngineContext context, Lifecycle lifecycle, Dispatcher dispatcher, Conversations conversations) {
        this.context = context;
        this.lifecycle = lifecycle;
        this.dispatcher = dispatcher;
        this.conversations = conversations;
    }

    Campaign finish(CampaignId id, FinishReason reason) {
        Instant now = context.now();
        Campaign finished = lifecycle.change(id, CampaignAction.FINISH, c -> c.finish(reason, now));
        cleanUp(finished, now);
        return finished;
    }

    private void cleanUp(Campaign campaign, Instant now) {
        skipAllPending(context, lifecycle, campaign.id(), now);
        List<Conversation> closed;
        do {
            closed = context.conversations.closeConversations(campaign.id(), Optional.empty(),
                    Conversation.CAMPAIGN_FINISHED, context.batchSize, now);
            closed.forEach(conversation -> conversations.notifyClosed(campaign, conversation, Conversation.CAMPAIGN_FINISHED));
        } while (closed.size() == context.batchSize);
        List<QueuedInbound> dropped;
        do {
            dropped = context.conversations.claimQueued(campaign.id(), context.newLease(now), context.batchSize, now);
            context.conversations.acknowledgeQueued(campaign.id(), dropped.stream().map(QueuedInbound::sequence).toList());
        } while (dropped.size() == context.batchSize);
        while (context.engagements.releaseEngagements(campaign.id(), context.batchSize) > 0) {
            // released batch by batch
        }
        dispatcher.forget(campaign.id());
    }

    static void skipAllPending(EngineContext context, Lifecycle lifecycle, CampaignId id, Instant now) {
        StatusReason reason = StatusReason.of(SkipReasons.CAMPAIGN_FINISHED, "the campaign finished before sending", true);
        List<RecipientChange> skipped;
        do {
            skipped = context.recipients.skipPending(id, reason, context.batchSize, now);
            lifecycle.emit(skipped);
        } while (!skipped.isEmpty());
    }
}
