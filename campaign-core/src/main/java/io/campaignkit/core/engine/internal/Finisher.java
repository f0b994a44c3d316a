package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.FinishCleanUp;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.RecipientStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a campaign for good, in two stored steps so a crash in between loses nothing:
 * <ol>
 *   <li>FINISHING (still ACTIVE): nothing is claimed or sent from then on;</li>
 *   <li>the clean-up: every recipient not yet sent becomes SKIPPED(CAMPAIGN_FINISHED), inbound
 *       messages still queued for closed hours go to the host's fallback in arrival order, every open
 *       conversation is closed (CAMPAIGN_FINISHED), every engagement is released;</li>
 *   <li>FINISHED.</li>
 * </ol>
 * Every clean-up step is idempotent in the store (each call returns only what it changed), so a
 * clean-up interrupted by a crash is simply run again, by the next run of any engine (which walks
 * ACTIVE campaigns) or by finishing the campaign again, and every event and count still happens once.
 * A queued message is acknowledged right after the fallback got it: a crash in between hands that
 * one message over again once its lease ends (as the queue does for bots), and the campaign stays
 * FINISHING while any queued message is held under another process's lease, so none is stranded.
 *
 * <p>Sends in flight: no engine walks a FINISHED campaign, so a send left SENDING then would stay
 * SENDING for good if its process died. The campaign therefore stays FINISHING while any recipient is
 * SENDING: this engine renews the leases of its own sends and records their answers (its runner is
 * woken by each one, and the next run makes the campaign FINISHED); a send another process holds is
 * recorded by that process or, once its lease expires, UNKNOWN, in both delivery semantics. A send
 * whose answer never came may have reached the contact: UNKNOWN says so, where SKIPPED would claim
 * it was not sent, and sending it again would break "nothing is sent once finishing began".
 */
final class Finisher {

    private static final Logger LOG = LoggerFactory.getLogger(Finisher.class);

    private final RecipientStore recipients;
    private final ConversationStore conversationStore;
    private final EngagementStore engagements;
    private final InboundQueue inbound;
    private final Duration leaseDuration;
    private final int batchSize;
    private final Clock clock;
    private final Lifecycle lifecycle;
    private final PendingSkips pendingSkips;
    private final SendsInFlight sends;
    private final Conversations conversations;
    /** Queued messages handed to the host by passes that stayed FINISHING, per campaign, for the report. */
    private final Map<CampaignId, Long> handedOverEarlier = new ConcurrentHashMap<>();
    /** Whether the {@link #finish} that stayed FINISHING resumed an interrupted clean-up, for {@link #complete}. */
    private final Map<CampaignId, Boolean> resumedEarlier = new ConcurrentHashMap<>();

    Finisher(
            RecipientStore recipients,
            ConversationStore conversationStore,
            EngagementStore engagements,
            InboundQueue inbound,
            Duration leaseDuration,
            int batchSize,
            Clock clock,
            Lifecycle lifecycle,
            PendingSkips pendingSkips,
            SendsInFlight sends,
            Conversations conversations) {
        this.recipients = recipients;
        this.conversationStore = conversationStore;
        this.engagements = engagements;
        this.inbound = inbound;
        this.leaseDuration = leaseDuration;
        this.batchSize = batchSize;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.pendingSkips = pendingSkips;
        this.sends = sends;
        this.conversations = conversations;
    }

    /**
     * Finishes an ACTIVE campaign; a campaign already finishing (an interrupted clean-up) is cleaned
     * up and finished with its first reason. A FINISHED one is refused.
     */
    Campaign finish(CampaignId id, FinishReason reason) {
        Instant now = clock.instant();
        Campaign before = lifecycle.find(id);
        Campaign finishing = lifecycle.change(id, CampaignAction.START_FINISHING, c -> c.startFinishing(reason, now));
        Campaign after = cleanUpAndFinish(finishing, before.isFinishing());
        if (after.isFinishing()) {
            resumedEarlier.put(id, before.isFinishing());
        }
        return after;
    }

    /**
     * Completes the clean-up of a {@link #finish} that stayed FINISHING while it handed queued messages
     * to the host (they are acknowledged once the host has them, after the lock is released). Does
     * nothing otherwise: a campaign waiting for sends in flight is finished by a later run.
     */
    Campaign complete(CampaignId id) {
        Campaign campaign = lifecycle.find(id);
        Boolean resumed = resumedEarlier.remove(id);
        if (!campaign.isFinishing() || resumed == null || handedOverEarlier.getOrDefault(id, 0L) == 0) {
            return campaign;
        }
        return cleanUpAndFinish(campaign, resumed);
    }

    /**
     * Resumes the clean-up of a campaign left FINISHING (by a crash, or waiting for queued messages
     * another process held); answers when to try again if it still cannot be FINISHED.
     */
    Optional<Instant> resume(Campaign finishing) {
        LOG.debug("campaign {} was left finishing; completing its clean-up", finishing.id());
        Campaign after = cleanUpAndFinish(finishing, true);
        return after.isFinishing() ? Optional.of(nextLook(after.id())) : Optional.empty();
    }

    /**
     * When a campaign left finishing is looked at again (besides at once when an answer of this engine
     * is recorded): when the next lease of a send held elsewhere expires, before this engine's own
     * claims need renewing, and at the latest after one lease (queued messages held elsewhere are free
     * again by then).
     */
    private Instant nextLook(CampaignId id) {
        Instant now = clock.instant();
        Instant next = now.plus(sends.outstanding(id) > 0 ? leaseDuration.dividedBy(2) : leaseDuration);
        Optional<Instant> expiry = recipients.nextLeaseExpiry(id, now);
        return expiry.filter(at -> at.isAfter(now) && at.isBefore(next)).orElse(next);
    }

    private Campaign cleanUpAndFinish(Campaign campaign, boolean resumed) {
        CampaignId id = campaign.id();
        Instant now = clock.instant();
        long skipped = pendingSkips.skipAll(id, now);
        // handed to the host after the lock is released and acknowledged once it has them, so an earlier
        // pass's count is added to the report of the pass that finishes
        long handedOver = handedOverEarlier.merge(id, conversations.handQueuedToFallback(campaign, now), Long::sum);
        long closed = 0;
        List<Conversation> closedBatch;
        do {
            closedBatch = conversationStore
                    .closeConversations(id, Optional.empty(), Conversation.CAMPAIGN_FINISHED, batchSize, now)
                    .closed();
            closedBatch.forEach(c -> conversations.notifyClosed(campaign, c, Conversation.CAMPAIGN_FINISHED));
            closed += closedBatch.size();
        } while (closedBatch.size() == batchSize);
        long released = 0;
        int releasedBatch;
        while ((releasedBatch = engagements.releaseEngagements(id, batchSize)) > 0) {
            released += releasedBatch;
        }
        long stillQueued = inbound.countQueued(id);
        if (stillQueued > 0) {
            // queued messages not yet acknowledged: handed to the host by this engine and awaiting its
            // call's return, or under another process's lease (one that crashed handing them over, or one
            // handing them over right now): FINISHED would strand them, so stay FINISHING
            LOG.debug(
                    "campaign {} stays finishing: {} queued message(s) not yet acknowledged; finished once they "
                            + "are, or their lease ends and a later run hands them over",
                    id,
                    stillQueued);
            return lifecycle.find(id);
        }
        long inFlight = sends.settle(id, now);
        if (inFlight > 0) {
            // no engine walks a FINISHED campaign: these would stay SENDING for good if their process died
            LOG.debug(
                    "campaign {} stays finishing: {} send(s) in flight; recorded when answered, or UNKNOWN once "
                            + "their lease expires",
                    id,
                    inFlight);
            return lifecycle.find(id);
        }
        boolean[] finishedHere = {false};
        Campaign finished = lifecycle.change(id, CampaignAction.FINISH, c -> {
            finishedHere[0] = c.isFinishing();
            return c.isFinishing()
                    ? c.finish(((DispatchState.Finishing) c.dispatch().orElseThrow()).reason(), clock.instant())
                    : c;
        });
        // a send answered meanwhile may have given its recipient back to PENDING: once FINISHED, the
        // dispatcher skips such recipients itself; those given back before, this call skips
        skipped += pendingSkips.skipAll(id, clock.instant());
        sends.forget(id);
        handedOverEarlier.remove(id);
        resumedEarlier.remove(id);
        if (finishedHere[0] && finished.state() == CampaignState.FINISHED) {
            report(finished, skipped, closed, handedOver, released, resumed);
        }
        return finished;
    }

    private void report(Campaign finished, long skipped, long closed, long handedOver, long released, boolean resumed) {
        if (handedOver > 0) {
            LOG.info(
                    "campaign {} finished with {} queued inbound message(s) its bot never got; handed to the "
                            + "unrouted-message handler",
                    finished.id(),
                    handedOver);
        }
        lifecycle.report(new FinishCleanUp(
                finished.id(),
                finished.finishReason().orElseThrow(),
                skipped,
                closed,
                handedOver,
                released,
                resumed,
                finished.updatedAt())); // the FINISH change, not finishedAt: see FinishCleanUp.at
    }
}
