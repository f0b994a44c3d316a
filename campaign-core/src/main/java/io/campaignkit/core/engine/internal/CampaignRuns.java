package io.campaignkit.core.engine.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.InboundQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the engine over the stored campaigns, under the engine's lock: scheduled ones that are due,
 * then each ACTIVE one in turn (a clean-up or preparation a crash interrupted, its end, its sending, its
 * queued replies, its idle conversations). One campaign's failure does not stop the others; a store
 * failure stops the run, since it fails for every campaign.
 */
final class CampaignRuns {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignRuns.class);
    private static final int CAMPAIGN_PAGE = 100;

    private final CampaignStore campaigns;
    private final InboundQueue inbound;
    private final Schedules schedules;
    private final Dispatcher dispatcher;
    private final Launcher launcher;
    private final Finisher finisher;
    private final Conversations conversations;
    private final Listeners listeners;
    private final Duration leaseDuration;

    CampaignRuns(
            CampaignStore campaigns,
            InboundQueue inbound,
            Schedules schedules,
            Dispatcher dispatcher,
            Launcher launcher,
            Finisher finisher,
            Conversations conversations,
            Listeners listeners,
            Duration leaseDuration) {
        this.campaigns = campaigns;
        this.inbound = inbound;
        this.schedules = schedules;
        this.dispatcher = dispatcher;
        this.launcher = launcher;
        this.finisher = finisher;
        this.conversations = conversations;
        this.listeners = listeners;
        this.leaseDuration = leaseDuration;
    }

    /**
     * Does everything due at {@code now}; answers the next instant with work, if any. Walks the ACTIVE
     * campaigns, which include those a crash left preparing or finishing.
     */
    Optional<Instant> runDue(Instant now) {
        Optional<Instant> next = schedules.runDue(now);
        conversations.recoverUnrouted(now);
        Optional<CampaignId> after = Optional.empty();
        List<Campaign> page;
        do {
            page = campaigns.findByState(CampaignState.ACTIVE, after, CAMPAIGN_PAGE);
            for (Campaign campaign : page) {
                try {
                    next = Dispatcher.earliest(next, runCampaign(campaign, now));
                } catch (RuntimeException e) {
                    if (isStoreFailure(e)) {
                        throw e; // the database is down for every campaign: the runner backs off
                    }
                    LOG.error("campaign {} failed in this run; it is retried at the next", campaign.id(), e);
                    listeners.failure(Optional.of(campaign.id()), EngineFailure.CAMPAIGN_RUN, e);
                }
            }
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1).id());
            }
        } while (page.size() == CAMPAIGN_PAGE);
        return next;
    }

    private static boolean isStoreFailure(RuntimeException failure) {
        return failure instanceof CampaignKitException known && CampaignStorage.STORE_FAILURE.equals(known.code());
    }

    private Optional<Instant> runCampaign(Campaign campaign, Instant now) {
        if (campaign.isFinishing()) {
            return finisher.resume(campaign); // a crash interrupted its clean-up
        }
        Optional<Instant> end = campaign.configuration().deliveryPlan().endAt();
        if (end.isPresent() && !now.isBefore(end.get())) {
            finisher.finish(campaign.id(), FinishReason.END_REACHED);
            return Optional.empty();
        }
        Optional<Instant> next = Optional.empty();
        if (campaign.isPreparing()) {
            campaign = launcher.resumeIfAbandoned(campaign, now);
            next = launcher.nextPreparationCheck(campaign);
            if (campaign.state() != CampaignState.ACTIVE || campaign.isFinishing()) {
                return Optional.empty();
            }
        }
        next = Dispatcher.earliest(next, dispatcher.run(campaign, now));
        ActiveHours hours = campaign.configuration().activeHours();
        if (inbound.countQueued(campaign.id()) > 0) {
            if (LocalTimes.isOn(campaign) || hours.isOpenAt(now)) {
                // local hours: each contact's own; the drain hands over the open ones and says when the rest open
                Optional<Instant> closedUntil = conversations.drainQueue(campaign, now);
                next = Dispatcher.earliest(next, closedUntil);
                if (closedUntil.isEmpty() && inbound.countQueued(campaign.id()) > 0) {
                    // held elsewhere (or by a slow bot here): what a dead engine held is taken over once its lease ran
                    // out
                    next = Dispatcher.earliest(next, Optional.of(now.plus(leaseDuration)));
                }
            } else {
                next = Dispatcher.earliest(next, hours.nextOpening(now));
            }
        }
        next = Dispatcher.earliest(next, conversations.closeIdle(campaign, now));
        return Dispatcher.earliest(next, end);
    }

    /**
     * Hands over the campaign's next queued messages once one was acknowledged, as a run would: one
     * contact's messages wait in the queue while an earlier one is with its bot.
     */
    void drainAfterHandOver(CampaignId id, Instant now) {
        campaigns
                .find(id)
                .filter(c -> c.state() == CampaignState.ACTIVE
                        && !c.isFinishing()
                        && (LocalTimes.isOn(c)
                                || c.configuration().activeHours().isOpenAt(now)))
                .ifPresent(c -> conversations.drainQueue(c, now)); // local hours: the drain holds the closed
    }
}
