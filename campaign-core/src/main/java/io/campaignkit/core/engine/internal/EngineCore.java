package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.PauseReason;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.contact.PhoneTimeZones;
import io.campaignkit.core.engine.AddedContacts;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.TestSend;
import io.campaignkit.core.engine.UnroutedMessageHandler;
import io.campaignkit.core.port.AudienceSource;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.BusyWaits;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ContactDirectory;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.port.UnroutedInbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
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

    private final CampaignStore campaigns;
    private final RecipientStore recipients;
    private final TrackingStore tracking;
    private final SuppressionList suppressions;
    private final ChannelAdapters adapters;
    private final Clock clock;
    private final HostCalls host;
    private final Listeners listeners;
    private final Lifecycle lifecycle;
    private final Dispatcher dispatcher;
    private final Conversations conversations;
    private final Finisher finisher;
    private final Launcher launcher;
    private final LaunchCredentials credentials;
    private final Planner planner;
    private final Schedules schedules;
    private final TestSends testSends;
    private final ContactAdditions additions;
    private final ChannelEvents channelEvents;
    private final Exclusivity exclusivity;
    private final ReentrantLock lock;
    private final Replies replies;
    private final CampaignRuns runs;

    /** Wires the parts, each with the ports and settings it uses. */
    public EngineCore(
            CampaignStorage storage,
            ChannelRegistry channels,
            BotFlowRegistry botFlows,
            Optional<ContactDirectory> directory,
            Optional<AudienceSource> audienceSource,
            Clock clock,
            CampaignListener listener,
            UnroutedMessageHandler unrouted,
            EngineSettings settings,
            RandomGenerator random,
            Executor callbackExecutor,
            ContactRules contactRules,
            Optional<PhoneTimeZones> phoneTimeZones,
            Optional<RecipientWindows> recipientWindows,
            Optional<UnroutedInbox> unroutedInbox,
            Optional<BusyWaits> busyWaits) {
        this.campaigns = storage.campaigns();
        this.recipients = storage.recipients();
        this.tracking = storage.tracking();
        this.suppressions = storage.suppressions();
        InboundQueue inbound = storage.inbound();
        this.clock = clock;
        this.lock = new ReentrantLock();
        this.host = new HostCalls(callbackExecutor, lock);
        this.listeners = new Listeners(listener, host, clock);
        this.adapters = new ChannelAdapters(channels);
        this.credentials = new LaunchCredentials(settings.checkCredentialsAtLaunch(), campaigns, channels);
        this.lifecycle = new Lifecycle(campaigns, listeners);
        int batchSize = settings.batchSize();
        Leases leases = new Leases(settings.ownerId(), settings.leaseDuration());
        BusyContacts busy =
                new BusyContacts(contactRules.availability(), contactRules.busyRecheck(), listeners, busyWaits);
        PendingSkips pendingSkips = new PendingSkips(recipients, lifecycle, batchSize, busy);
        Pacing pacing = new Pacing(storage.pacing(), adapters, settings.senderBurst());
        Claims claims = new Claims();
        this.exclusivity = new Exclusivity(contactRules.exclusivity(), storage.engagements(), campaigns, recipients);
        LocalTimes localTimes = new LocalTimes(phoneTimeZones, recipientWindows);
        AnswerRecorder answers = new AnswerRecorder(
                recipients,
                tracking,
                campaigns,
                pacing,
                settings.retryPolicy(),
                settings.semantics(),
                random,
                batchSize,
                clock,
                lifecycle,
                listeners,
                claims,
                pendingSkips);
        ChannelRoutes routes = new ChannelRoutes(settings.optOutsAcrossChannels());
        Fallbacks fallbacks = new Fallbacks(campaigns, recipients, lifecycle, batchSize);
        Sender sender = new Sender(
                recipients,
                suppressions,
                pacing,
                adapters,
                leases,
                settings.maxInFlight(),
                batchSize,
                lifecycle,
                claims,
                answers,
                busy,
                routes,
                localTimes);
        LeaseKeeper leaseKeeper = new LeaseKeeper(recipients, leases, batchSize, lifecycle, claims, answers);
        CompletionCheck completion = new CompletionCheck(recipients, lifecycle, claims, leaseKeeper);
        this.dispatcher = new Dispatcher(
                lifecycle, settings.semantics(), claims, pacing, sender, answers, leaseKeeper, completion, fallbacks);
        ConversationChannels conversationChannels = new ConversationChannels(recipients);
        this.replies = new Replies(
                storage.conversations(), tracking, adapters, pacing, clock, listeners, conversationChannels);
        HandOvers handOvers = new HandOvers(tracking, inbound, settings.semantics(), clock, listeners);
        HandingOver handingOver = new HandingOver(inbound, listeners);
        UnroutedMessages fallback = new UnroutedMessages(
                recipients,
                inbound,
                unrouted,
                host,
                leases,
                batchSize,
                listeners,
                handOvers,
                handingOver,
                unroutedInbox);
        this.conversations = new Conversations(
                recipients,
                exclusivity,
                storage.conversations(),
                inbound,
                botFlows,
                fallback,
                handingOver,
                host,
                leases,
                batchSize,
                settings.conversationIdleTimeout(),
                clock,
                listeners,
                lifecycle,
                replies,
                handOvers,
                new ReplyHours(recipients, inbound, localTimes, batchSize));
        conversations.afterHandOver(this::drainAfterHandOver);
        this.finisher = new Finisher(
                recipients,
                storage.conversations(),
                storage.engagements(),
                inbound,
                settings.leaseDuration(),
                batchSize,
                clock,
                lifecycle,
                pendingSkips,
                dispatcher,
                conversations);
        LaunchAudiences audiences = new LaunchAudiences(directory, audienceSource, campaigns, recipients, batchSize);
        this.launcher = new Launcher(
                recipients,
                storage.engagements(),
                exclusivity,
                busy,
                suppressions,
                botFlows,
                adapters,
                leases,
                batchSize,
                settings.overlapLaunchBatches(),
                clock,
                listeners,
                lifecycle,
                pendingSkips,
                audiences,
                routes,
                localTimes);
        this.planner = new Planner(
                lifecycle,
                audiences,
                launcher,
                suppressions,
                exclusivity,
                busy,
                pacing,
                routes,
                batchSize,
                clock,
                localTimes);
        this.schedules = new Schedules(campaigns, lifecycle, launcher, listeners, clock);
        this.runs = new CampaignRuns(
                campaigns,
                inbound,
                schedules,
                dispatcher,
                launcher,
                finisher,
                conversations,
                listeners,
                settings.leaseDuration());
        this.additions = new ContactAdditions(
                launcher, audiences, lifecycle, pendingSkips, storage.engagements(), listeners, batchSize, clock);
        this.testSends = new TestSends(campaigns, recipients, lifecycle, launcher, listeners, clock, directory);
        this.channelEvents = new ChannelEvents(
                recipients, tracking, suppressions, batchSize, clock, listeners, lifecycle, conversations, fallbacks);
    }

    public CampaignStore campaigns() {
        return campaigns;
    }

    public RecipientStore recipients() {
        return recipients;
    }

    public TrackingStore tracking() {
        return tracking;
    }

    public SuppressionList suppressions() {
        return suppressions;
    }

    public Clock clock() {
        return clock;
    }

    /** Registers a callback run whenever new work may be due sooner than the last answer of runDue. */
    public void addWakeUpListener(Runnable wakeUp) {
        listeners.addWakeUpListener(wakeUp);
    }

    /** See {@link Lifecycle#create}. */
    public Campaign create(
            CampaignId id,
            String tenantId,
            String projectId,
            CampaignKind kind,
            CampaignConfiguration configuration,
            Optional<io.campaignkit.core.port.ProjectCampaigns> inOpenProject) {
        return lifecycle.create(id, tenantId, projectId, kind, configuration, inOpenProject, clock.instant());
    }

    public Campaign edit(CampaignId id, Consumer<CampaignConfiguration.Builder> changes) {
        return locked(() -> {
            Campaign[] before = new Campaign[1];
            Campaign after = lifecycle.change(id, CampaignAction.EDIT, c -> {
                before[0] = c;
                return c.edit(changes, clock.instant());
            });
            schedules.afterEdit(before[0], after);
            return after;
        });
    }

    public Campaign schedule(CampaignId id, Schedule schedule) {
        credentials.check(id); // its start launches under the lock, so the provider is asked now
        return locked(() -> schedules.schedule(id, schedule));
    }

    public Campaign unschedule(CampaignId id) {
        return locked(() -> schedules.unschedule(id));
    }

    public TestSend sendTest(CampaignId id, List<PhoneNumber> numbers) {
        return locked(() -> testSends.send(id, numbers));
    }

    public AddedContacts addContacts(CampaignId id, Iterable<Contact> contacts) {
        return locked(() -> additions.add(id, contacts));
    }

    /** The online credentials check first, outside the lock: a slow provider must not hold up sending. */
    public Campaign launch(CampaignId id, LaunchRequest request) {
        credentials.check(id);
        return locked(() -> launcher.launch(id, request));
    }

    /** Not under the lock: it only reads, and a large audience must not hold up sending. */
    public CampaignPlan plan(CampaignId id, LaunchRequest request) {
        return planner.plan(id, request);
    }

    public Campaign pause(CampaignId id) {
        return locked(
                () -> lifecycle.change(id, CampaignAction.PAUSE, c -> c.pause(PauseReason.BY_USER, clock.instant())));
    }

    public Campaign resume(CampaignId id) {
        Campaign resumed = locked(() -> lifecycle.change(id, CampaignAction.RESUME, c -> c.resume(clock.instant())));
        listeners.wakeUp();
        return resumed;
    }

    public Campaign finish(CampaignId id, FinishReason reason) {
        Campaign campaign = locked(() -> finisher.finish(id, reason));
        if (campaign.isFinishing()) {
            // the clean-up handed queued messages to the host once the lock was released; when the host has
            // them (at once with a direct executor) the campaign ends now rather than at a later run
            campaign = locked(() -> finisher.complete(id));
        }
        return campaign;
    }

    public void delete(CampaignId id) {
        locked(() -> {
            lifecycle.delete(id, clock.instant());
            return null;
        });
    }

    public CampaignMetrics metrics(CampaignId id) {
        lifecycle.find(id);
        return CampaignMetrics.of(id, recipients.counts(id), tracking.funnelCounts(id));
    }

    /**
     * The ACTIVE campaign a message from {@code phone} to {@code sender} would be routed to now (by
     * engagement, or under the NONE scope the one that most recently messaged the contact).
     */
    public Optional<CampaignId> replyCampaign(io.campaignkit.core.campaign.SenderKey sender, PhoneNumber phone) {
        return exclusivity.replyCampaign(sender, phone, Optional.empty()).map(Campaign::id);
    }

    public int inFlight() {
        return dispatcher.inFlight();
    }

    public boolean awaitCallbacks(java.time.Duration timeout) throws InterruptedException {
        return host.awaitIdle(timeout);
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
            return runs.runDue(clock.instant());
        });
    }

    /** The reply handle of an open conversation of an active campaign, as its bot got it. */
    public Optional<io.campaignkit.core.port.BotReply> replyTo(String conversationId) {
        return replies.replyTo(conversationId, campaigns);
    }

    /** See {@link CampaignRuns#drainAfterHandOver}; outside the lock, so it takes it. */
    private void drainAfterHandOver(CampaignId id) {
        try {
            locked(() -> {
                runs.drainAfterHandOver(id, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not hand over the next queued messages of campaign {}; the next run does", id, e);
        }
    }

    public WebhookResult handleWebhook(String channelId, WebhookRequest request) {
        ChannelAdapter adapter = adapters.adapter(channelId);
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
        listeners.wakeUp();
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
                made = host.takeOutbox(failed);
            }
            lock.unlock();
            host.submitAll(made);
        }
    }
}
