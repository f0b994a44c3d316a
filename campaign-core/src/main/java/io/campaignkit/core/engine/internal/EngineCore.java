package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.PauseReason;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's parts wired together. Host operations, {@link #runDue()} and webhook handling run
 * under one lock, so in one process nothing is claimed after a campaign is paused or finished. The
 * host's code they call (bots, listener, unrouted handler) runs after the lock is released, through
 * {@link HostCalls}. Channel answers are recorded on the thread that completes them, outside the
 * lock, through the store's atomic updates.
 */
public final class EngineCore {

    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);
    private static final int CAMPAIGN_PAGE = 100;

    private final EngineContext context;
    private final Lifecycle lifecycle;
    private final Dispatcher dispatcher;
    private final Conversations conversations;
    private final Finisher finisher;
    private final Launcher launcher;
    private final ChannelEvents channelEvents;
    private final ReentrantLock lock;

    public EngineCore(EngineContext context) {
        this.context = context;
        this.lock = context.lock;
        this.lifecycle = new Lifecycle(context);
        this.dispatcher = new Dispatcher(context, lifecycle);
        this.conversations = new Conversations(context, lifecycle, new Replies(context));
        this.finisher = new Finisher(context, lifecycle, dispatcher, conversations);
        this.launcher = new Launcher(context, lifecycle);
        this.channelEvents = new ChannelEvents(context, lifecycle, conversations);
    }

    public EngineContext context() {
        return context;
    }

    public Campaign create(CampaignId id, String tenantId, String projectId, CampaignKind kind,
            CampaignConfiguration configuration) {
        Campaign campaign = Campaign.create(id, tenantId, projectId, kind, configuration, context.now());
        context.campaigns.insert(campaign);
        context.lifecycle(CampaignLifecycleEvent.of(CampaignAction.CREATE, campaign, campaign));
        return campaign;
    }

    public Campaign edit(CampaignId id, Consumer<CampaignConfiguration.Builder> changes) {
        return locked(() -> lifecycle.change(id, CampaignAction.EDIT, c -> c.edit(changes, context.now())));
    }

    public Campaign launch(CampaignId id, LaunchRequest request) {
        return locked(() -> launcher.launch(id, request));
    }

    public Campaign pause(CampaignId id) {
        return locked(() -> lifecycle.change(id, CampaignAction.PAUSE, c -> c.pause(PauseReason.BY_USER, context.now())));
    }

    public Campaign resume(CampaignId id) {
        Campaign resumed = locked(() -> lifecycle.change(id, CampaignAction.RESUME, c -> c.resume(context.now())));
        context.wakeUp();
        return resumed;
    }

    public Campaign finish(CampaignId id, FinishReason reason) {
        boolean[] resumed = {false};
        Campaign campaign = locked(() -> {
            resumed[0] = lifecycle.find(id).isFinishing();
            return finisher.finish(id, reason);
        });
        if (campaign.isFinishing()) {
            // the clean-up handed queued messages to the host once the lock was released; when the host has
            // them (at once with a direct executor) the campaign ends now rather than at a later run
            campaign = locked(() -> finisher.complete(id, resumed[0]));
        }
        return campaign;
    }

    public void delete(CampaignId id) {
        locked(() -> {
            Campaign campaign = lifecycle.find(id);
            campaign.checkDeletable();
            context.campaigns.delete(campaign);
            context.lifecycle(new CampaignLifecycleEvent(id, CampaignAction.DELETE, campaign.state(), campaign.state(),
                    Optional.empty(), campaign.version(), context.now()));
            return null;
        });
    }

    public CampaignMetrics metrics(CampaignId id) {
        lifecycle.find(id);
        return CampaignMetrics.of(id, context.recipients.counts(id), context.tracking.funnelCounts(id));
    }

    public int inFlight() {
        return dispatcher.inFlight();
    }

    /** How many sends of the campaign this engine awaits the answer of. */
    public int inFlight(CampaignId id) {
        return dispatcher.outstanding(id);
    }

    /**
     * Does everything due at the clock's instant; answers the next instant with work, if any. Walks
     * the ACTIVE campaigns, which include those a crash left preparing or finishing.
     */
    public Optional<Instant> runDue() {
        return locked(() -> {
            dispatcher.recordAnswers();
            Instant now = context.now();
            Optional<Instant> next = Optional.empty();
            Optional<CampaignId> after = Optional.empty();
            List<Campaign> page;
            do {
                page = context.campaigns.findByState(CampaignState.ACTIVE, after, CAMPAIGN_PAGE);
                for (Campaign campaign : page) {
                    try {
                        next = Dispatcher.earliest(next, runCampaign(campaign, now));
                    } catch (RuntimeException e) {
                        LOG.error("campaign {} failed in this run; it is retried at the next", campaign.id(), e);
                        context.failure(Optional.of(campaign.id()), io.campaignkit.core.port.EngineFailure.CAMPAIGN_RUN, e);
                    }
                }
                if (!page.isEmpty()) {
                    after = Optional.of(page.get(page.size() - 1).id());
                }
            } while (page.size() == CAMPAIGN_PAGE);
            return next;
        });
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
        if (context.inbound.countQueued(campaign.id()) > 0) {
            if (hours.isOpenAt(now)) {
                conversations.drainQueue(campaign, now);
            } else {
                next = Dispatcher.earliest(next, hours.nextOpening(now));
            }
        }
        next = Dispatcher.earliest(next, conversations.closeIdle(campaign, now));
        return Dispatcher.earliest(next, end);
    }

    public WebhookResult handleWebhook(String channelId, WebhookRequest request) {
        ChannelAdapter adapter = context.adapter(channelId);
        WebhookResult result = adapter.handleWebhook(request);
        if (result.accepted() && !result.events().isEmpty()) {
            applyEvents(channelId, result.events());
        }
        return result;
    }

    public void applyEvents(String channelId, List<ChannelEvent> events) {
        locked(() -> {
            channelEvents.apply(channelId, events);
            return null;
        });
        context.wakeUp();
    }

    /**
     * Runs {@code action} under the engine's lock; the host calls it made run once the outermost
     * locked section has released the lock (on the host's executor), never under it.
     */
    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        boolean failed = true;
        List<HostCalls.Call> made = List.of();
        try {
            T result = action.get();
            failed = false;
            return result;
        } finally {
            if (lock.getHoldCount() == 1) {
                made = context.host.takeOutbox(failed);
            }
            lock.unlock();
            context.host.submitAll(made);
        }
    }
}
