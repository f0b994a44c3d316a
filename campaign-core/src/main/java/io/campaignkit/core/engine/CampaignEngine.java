package io.campaignkit.core.engine;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.engine.internal.EngineCore;
import io.campaignkit.core.engine.internal.EngineSettings;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.internal.CheckedStorage;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.port.ContactDirectory;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.Suppression;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The campaign engine: launches campaigns, sends their first messages at a controlled pace inside
 * their active hours, tracks every delivery, routes replies to the campaign's bot, and finishes
 * campaigns. The one entry point of CampaignKit; build it with {@link #builder()}.
 *
 * <pre>{@code
 * CampaignEngine engine = CampaignEngine.builder()
 *         .storage(storage)                   // campaigns, recipients, conversations...
 *         .channel(whatsAppAdapter)            // or .channels(registry)
 *         .botFlows(BotFlowRegistry.of(Map.of("cobranza-v2", cobranzaBot)))
 *         .contactDirectory(directory)         // for segment and TEST audiences
 *         .listener(listener)
 *         .build();
 * engine.launch(campaignId, LaunchRequest.importedContacts(contacts));
 * CampaignRunner runner = CampaignRunner.start(engine, scheduler);   // or call engine.runDue() yourself
 * }</pre>
 *
 * <h2>Time</h2>
 * The engine never sleeps and never reads the system clock: {@link #runDue()} does what is due at
 * the injected clock's instant (start scheduled campaigns, finish those whose end passed, send due
 * recipients within pace and hours, retry failures whose backoff elapsed, recover sends of a
 * crashed process, resume launches and finishes a crashed process left half done, hand queued
 * replies to bots when hours open, close idle conversations) and
 * answers the next instant it has work. {@link CampaignRunner} calls it on a scheduler; tests call
 * it on a manual clock.
 *
 * <h2>Sending</h2>
 * A recipient is marked SENDING in the store before the channel is called. Channel answers are
 * recorded when their {@code CompletionStage} completes, on the completing thread. Failures follow
 * their class: RATE_LIMITED waits the retry-after (the whole sender waits); TRANSIENT retries with
 * the {@link RetryPolicy} and then fails; RECIPIENT_PERMANENT fails at once; CONTENT_PERMANENT and
 * AUTHENTICATION pause the campaign (the recipient stays pending); UNKNOWN_OUTCOME is recorded
 * UNKNOWN ({@link DeliverySemantics#AT_MOST_ONCE}) or retried ({@link DeliverySemantics#AT_LEAST_ONCE}).
 *
 * <h2>The host's code</h2>
 * Bot flows, the listener and the unrouted-message handler run on the {@link CampaignEngineBuilder#callbackExecutor
 * callback executor}, never under the engine's lock: a bot that waits on a slow system delays neither
 * sending nor a webhook's answer. One contact's messages reach its bot one at a time, in arrival order;
 * a queued message is acknowledged once the bot's call returned.
 *
 * <h2>Several processes</h2>
 * Engines of several processes may share one store: claims are leased and exclusivity is decided by
 * the store. Host operations on one campaign are best sent to one process. Thread-safe.
 */
public final class CampaignEngine {

    /** How long a process holds claimed recipients before another may recover them: 5 minutes. */
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofMinutes(5);
    /** Most sends awaiting the channel's answer at once, over all campaigns: 256. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    /** Most recipients claimed or updated in one store call: 500. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** A conversation without messages for this long is closed with reason INACTIVITY: 24 hours. */
    public static final Duration DEFAULT_CONVERSATION_IDLE_TIMEOUT = Duration.ofHours(24);
    /**
     * A sender's burst: none, so the sends of one sender are spread evenly and no one-second window
     * holds more than the channel's declared maximum per second.
     */
    public static final int DEFAULT_SENDER_BURST = 0;
    /** Threads of the default {@link CampaignEngineBuilder#callbackExecutor callback executor}. */
    public static final int DEFAULT_CALLBACK_THREADS = 8;
    /** At-most-once: a send with an unknown outcome is never repeated. */
    public static final DeliverySemantics DEFAULT_DELIVERY_SEMANTICS = DeliverySemantics.AT_MOST_ONCE;

    /** Code of the refusal to launch a campaign whose bot flow id the engine's {@link BotFlowRegistry} does not know. */
    public static final String UNKNOWN_BOT_FLOW = "UNKNOWN_BOT_FLOW";
    /** Code of the refusal to plan a campaign that is launched already or could not be launched. */
    public static final String NOT_PLANNABLE = "NOT_PLANNABLE";

    private final EngineCore core;
    /** The checked ports, for the read-only queries of one tenant's state. */
    private final CampaignStorage ports;

    CampaignEngine(EngineCore core, CampaignStorage ports) {
        this.core = core;
        this.ports = ports;
    }

    public static CampaignEngineBuilder builder() {
        return new CampaignEngineBuilder();
    }

    // ---------------------------------------------------------------- campaigns

    /** Creates and stores a campaign, DRAFT or READY by its configuration. */
    public Campaign create(CampaignId id, String tenantId, String projectId, CampaignKind kind,
            CampaignConfiguration configuration) {
        return core.create(id, tenantId, projectId, kind, configuration);
    }

    /**
     * Creates the campaign unless the store already has one with this id, for an idempotent start-up
     * (a host that creates its campaign at every start, or several instances starting at once): the
     * stored campaign wins, whatever its state and configuration.
     *
     * @return the stored campaign, or the one just created
     * @throws InvalidArgumentException {@code id} when the stored campaign of that id belongs to
     *     another tenant
     */
    public Campaign createIfAbsent(CampaignId id, String tenantId, String projectId, CampaignKind kind,
            CampaignConfiguration configuration) {
        Arguments.requireNonNull(id, "id");
        Optional<Campaign> stored = find(id);
        if (stored.isEmpty()) {
            try {
                return create(id, tenantId, projectId, kind, configuration);
            } catch (io.campaignkit.core.port.VersionConflictException createdMeanwhile) {
                stored = find(id); // another instance created it first
                if (stored.isEmpty()) {
                    throw createdMeanwhile;
                }
            }
        }
        Campaign campaign = stored.get();
        if (!campaign.tenantId().equals(tenantId)) {
            throw new InvalidArgumentException("id", "campaign '" + id.value() + "' exists for another tenant than '"
                    + tenantId + "'; pick another id");
        }
        return campaign;
    }

    /** Edits a DRAFT or READY campaign's configuration. */
    public Campaign edit(CampaignId id, Consumer<CampaignConfiguration.Builder> changes) {
        Arguments.requireNonNull(id, "id");
        Arguments.requireNonNull(changes, "changes");
        return core.edit(id, changes);
    }

    /**
     * Launches a READY campaign: ACTIVE, sending from now or its planned start. Its audience becomes
     * recipients, one per distinct phone: PENDING, or SKIPPED with the reason (a binding without a
     * value, opted out, engaged in another active campaign on the sender).
     *
     * <p>Crash-safe: the campaign is {@link io.campaignkit.core.campaign.DispatchState.Preparing
     * PREPARING} while its recipients are added and sends nothing until the last one is in. If the
     * launch is interrupted (the process dies, the store fails), call {@code launch} again with the same
     * request: it continues the preparation without adding anyone twice (an imported list lives only in
     * the host's memory, so the host must give it again). A segment or TEST audience is also resumed by
     * any engine's {@link #runDue()} once the launching process has shown no life for the lease
     * duration; an interrupted imported list is reported to the listener as
     * {@link io.campaignkit.core.port.EngineFailure#LAUNCH_INTERRUPTED}. Finishing a campaign that is
     * still preparing is allowed and releases what was added.
     *
     * @throws IncompleteAudienceException if complete custom data is required and contacts lack it,
     *     or test numbers are missing from the directory; the campaign stays READY
     * @throws io.campaignkit.core.CampaignKitException {@value #UNKNOWN_BOT_FLOW} if the campaign's bot
     *     flow id is not in the engine's bot flow registry; the campaign stays READY
     * @throws io.campaignkit.core.campaign.CampaignValidationException if the campaign is not valid
     * @throws io.campaignkit.core.campaign.IllegalCampaignActionException if it is neither READY nor
     *     ACTIVE and preparing
     */
    public Campaign launch(CampaignId id, LaunchRequest request) {
        Arguments.requireNonNull(id, "id");
        Arguments.requireNonNull(request, "request");
        return core.launch(id, request);
    }

    /**
     * A dry run of {@link #launch}: what launching the campaign now with {@code request} would do,
     * without sending, engaging or storing anything. It reads the audience as the launch would, asks
     * the same questions per contact (can the message be rendered, has the contact opted out, is it
     * engaged in another active campaign, does it have the custom data the schema requires), and
     * projects when the first messages would go out from the campaign's pace, the sender's limit, the
     * active hours and the delivery plan's start and end. It runs outside the engine's lock.
     *
     * @param id      a DRAFT or READY campaign
     * @param request the audience, as for {@link #launch} ({@link LaunchRequest#fromDirectory()} for a
     *                segment or TEST audience)
     * @return the plan
     * @throws io.campaignkit.core.CampaignKitException {@value #NOT_PLANNABLE} if the campaign is launched
     *     already or its configuration could not be launched, with the reasons; {@value #UNKNOWN_BOT_FLOW}
     *     or the channel's refusals as {@link #launch} would
     * @throws IncompleteAudienceException if test numbers are missing from the directory
     */
    public CampaignPlan plan(CampaignId id, LaunchRequest request) {
        Arguments.requireNonNull(id, "id");
        Arguments.requireNonNull(request, "request");
        return core.plan(id, request);
    }

    /**
     * Schedules a READY campaign to launch at {@code schedule}'s start (or moves a SCHEDULED one):
     * SCHEDULED, still editable, no contact engaged. At the start, any engine on the store launches it,
     * exactly once (the store's versioned update decides which), resolving its audience then: a segment
     * or TEST audience from the contact directory, an imported list from the
     * {@link CampaignEngineBuilder#audienceSource audience source}. A process that dies at the start
     * neither launches it twice nor loses it: before the launch is stored the campaign is still
     * SCHEDULED for the next run; after it, the launch is a preparation any engine resumes. A refused
     * launch, a missed {@linkplain io.campaignkit.core.campaign.Schedule#latestStart() latest start},
     * and an edit that makes the campaign invalid unschedule it; the listener hears why
     * ({@link io.campaignkit.core.port.CampaignListener#onUnscheduled}).
     *
     * @throws io.campaignkit.core.campaign.CampaignValidationException if not valid for a launch at the start
     * @throws io.campaignkit.core.campaign.IllegalCampaignActionException unless READY or SCHEDULED
     * @throws InvalidArgumentException if the start is not in the future
     */
    public Campaign schedule(CampaignId id, io.campaignkit.core.campaign.Schedule schedule) {
        Arguments.requireNonNull(id, "id");
        Arguments.requireNonNull(schedule, "schedule");
        return core.schedule(id, schedule);
    }

    /**
     * Takes a SCHEDULED campaign back to READY; nothing was engaged, so nothing is released.
     *
     * @throws io.campaignkit.core.campaign.IllegalCampaignActionException unless SCHEDULED
     */
    public Campaign unschedule(CampaignId id) {
        return core.unschedule(Arguments.requireNonNull(id, "id"));
    }

    /**
     * Sends the campaign's current message (in any state; the campaign is not changed) now to
     * {@code numbers}, through a new TEST campaign derived from it: same message, channel, bot flow and
     * pace, its audience the test numbers, open at every hour, ending after {@link TestSend#LIFETIME}.
     * The same rules hold: every number must be in the contact directory (else nothing is sent and
     * {@link IncompleteAudienceException} {@code UNKNOWN_TEST_NUMBER} names them), and a number engaged
     * in another active campaign on the sender is not sent to, reported in {@link TestSend#notSent()}.
     * The messages go at the engine's next run (a runner is woken at once).
     *
     * @throws io.campaignkit.core.campaign.CampaignValidationException if the derived TEST campaign is
     *     not valid (no message, no channel...); nothing is left behind
     */
    public TestSend sendTest(CampaignId id, List<PhoneNumber> numbers) {
        Arguments.requireNonNull(id, "id");
        Arguments.requireNoNullElements(numbers, "numbers");
        Arguments.require(!numbers.isEmpty(), "numbers", "give at least one test number");
        return core.sendTest(id, List.copyOf(numbers));
    }

    /** Pauses an ACTIVE campaign: no new sends; sends in flight complete and are recorded. */
    public Campaign pause(CampaignId id) {
        return core.pause(Arguments.requireNonNull(id, "id"));
    }

    /** Resumes a paused campaign. */
    public Campaign resume(CampaignId id) {
        return core.resume(Arguments.requireNonNull(id, "id"));
    }

    /**
     * Finishes an ACTIVE campaign for good: nothing is sent from the moment it returns (sends already
     * in flight complete and are recorded); recipients not yet sent become SKIPPED(CAMPAIGN_FINISHED),
     * inbound messages still queued for closed hours go to the {@link UnroutedMessageHandler} in arrival
     * order, open conversations close, engagements are released, and the campaign is FINISHED. The
     * listener hears what was done ({@link io.campaignkit.core.port.CampaignListener#onFinishCleanUp}).
     *
     * <p>Crash-safe: the campaign is first stored {@link io.campaignkit.core.campaign.DispatchState.Finishing
     * FINISHING}; a clean-up interrupted by a crash is completed by any engine's {@link #runDue()}, or by
     * calling {@code finish} again. The campaign returned is FINISHED, unless sends are still in flight
     * (this engine's or another process's) or queued messages are held under another process's lease:
     * then it stays FINISHING, sending nothing, and the engine's runs make it FINISHED as soon as the
     * answers are recorded (a send whose process died is recorded UNKNOWN once its lease ends), so no
     * recipient of a FINISHED campaign is left SENDING even if this process dies right after.
     *
     * @throws io.campaignkit.core.campaign.IllegalCampaignActionException if it is not ACTIVE (FINISHED
     *     is final)
     */
    public Campaign finish(CampaignId id) {
        return core.finish(Arguments.requireNonNull(id, "id"), FinishReason.BY_USER);
    }

    /** Deletes a DRAFT, READY or FINISHED campaign and everything stored for it. */
    public void delete(CampaignId id) {
        core.delete(Arguments.requireNonNull(id, "id"));
    }

    /** The stored campaign. */
    public Optional<Campaign> find(CampaignId id) {
        return core.campaigns().find(Arguments.requireNonNull(id, "id"));
    }

    // ---------------------------------------------------------------- running

    /**
     * Does everything due at the clock's current instant.
     *
     * @return the next instant at which something will be due, or empty when only an outside event
     *     (a launch, a resume, a webhook, a channel's answer) can make work
     */
    public Optional<Instant> runDue() {
        return core.runDue();
    }

    /** How many sends await the channel's answer. */
    public int inFlight() {
        return core.inFlight();
    }

    /** Runs {@code wakeUp} whenever work may have become due sooner than {@link #runDue()} last said. */
    public void onWakeUp(Runnable wakeUp) {
        core.addWakeUpListener(Arguments.requireNonNull(wakeUp, "wakeUp"));
    }

    /** The engine's clock. */
    public Clock clock() {
        return core.clock();
    }

    // ---------------------------------------------------------------- channel events

    /**
     * Passes a webhook call to the channel's adapter, applies the verified events (status reports,
     * replies, opt-outs and opt-ins), and returns the answer to write back to the provider.
     */
    public WebhookResult handleWebhook(String channelId, WebhookRequest request) {
        Arguments.requireNonBlank(channelId, "channelId");
        Arguments.requireNonNull(request, "request");
        return core.handleWebhook(channelId, request);
    }

    /** Applies events a host obtained from an adapter itself. Duplicates are harmless. */
    public void applyEvents(String channelId, List<ChannelEvent> events) {
        Arguments.requireNonBlank(channelId, "channelId");
        Arguments.requireNoNullElements(events, "events");
        core.applyEvents(channelId, events);
    }

    // ---------------------------------------------------------------- tracking

    /** The campaign's live metrics. */
    public CampaignMetrics metrics(CampaignId id) {
        return core.metrics(Arguments.requireNonNull(id, "id"));
    }

    /** A page of the campaign's recipients by sequence, after {@code afterSequence} (-1 first), for exports. */
    public List<Recipient> recipients(CampaignId id, long afterSequence, int limit) {
        Arguments.requireNonNull(id, "id");
        Arguments.require(limit >= 1 && limit <= CampaignStore.MAX_BATCH, "limit",
                "limit must be from 1 to " + CampaignStore.MAX_BATCH + ", was " + limit);
        return core.recipients().findRecipients(id, afterSequence, limit);
    }

    /**
     * A page of the campaign's per-contact export, by sequence after {@code afterSequence} (-1 for the
     * first page): each recipient with its funnel steps. Walk the pages to write a report of any size.
     */
    public List<RecipientReport> export(CampaignId id, long afterSequence, int limit) {
        List<RecipientReport> page = new java.util.ArrayList<>();
        List<Recipient> recipients = recipients(id, afterSequence, limit);
        Optional<Campaign> campaign = recipients.isEmpty() ? Optional.empty() : find(id);
        for (Recipient recipient : recipients) {
            List<io.campaignkit.core.port.FunnelStep> steps = core.tracking().funnelSteps(id, recipient.phone());
            page.add(campaign.map(c -> RecipientReport.of(c, recipient, steps))
                    .orElseGet(() -> new RecipientReport(recipient, steps)));
        }
        return page;
    }

    /**
     * The campaign's figures per channel binding, in binding order: how many recipients each one
     * reached or is to reach, sent, delivered, read, replied and failed, and how many fell back from
     * it. Each recipient counts on the one binding it is on now (so the figures add up to
     * {@link #metrics}), and once more in {@code fellBack} of each binding it left. It reads every
     * recipient, a page at a time: a report's query, not a live counter.
     */
    public List<ChannelMetrics> metricsByChannel(CampaignId id) {
        Campaign campaign = find(Arguments.requireNonNull(id, "id"))
                .orElseThrow(() -> new io.campaignkit.core.port.CampaignNotFoundException(id));
        ChannelMetrics.Tally tally = new ChannelMetrics.Tally(campaign.configuration().channels());
        long after = -1;
        List<Recipient> page;
        do {
            page = recipients(id, after, CampaignStore.MAX_BATCH);
            page.forEach(tally::add);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
            }
        } while (page.size() == CampaignStore.MAX_BATCH);
        return tally.metrics();
    }

    /**
     * Read-only queries of one tenant's campaigns: which campaign a contact is engaged in, which
     * inbound messages are queued, how many sends are in flight. Another tenant's campaigns are not
     * found through it.
     */
    public TenantView tenant(String tenantId) {
        return new TenantView(tenantId, core, ports);
    }

    /** Adds the phone to the suppression list: of one sender, or of every sender when empty. */
    public void suppress(PhoneNumber phone, Optional<SenderKey> sender) {
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(sender, "sender");
        core.suppressions().suppress(new Suppression(sender, phone, Suppression.HOST, clock().instant()));
    }

    /** Lifts a suppression added by {@link #suppress} or by a channel opt-out. */
    public boolean liftSuppression(PhoneNumber phone, Optional<SenderKey> sender) {
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(sender, "sender");
        return core.suppressions().lift(sender, phone);
    }
}
