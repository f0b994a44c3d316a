package io.campaignkit.core.engine;

import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.internal.EngineCore;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.ProjectCampaigns;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
 * <p>How it behaves (time, sending, the host's code, replies, who may be messaged, several processes):
 * see the {@linkplain io.campaignkit.core.engine package documentation}.
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
    /** A sender's burst: none, so its sends are spread evenly, never over the channel's maximum in a second. */
    public static final int DEFAULT_SENDER_BURST = 0;
    /** Threads of the default {@link CampaignEngineBuilder#callbackExecutor callback executor}. */
    public static final int DEFAULT_CALLBACK_THREADS = 8;
    /** How often a busy contact its campaign waits for is asked about again: 1 minute. */
    public static final Duration DEFAULT_BUSY_CONTACT_RECHECK = Duration.ofMinutes(1);
    /** At-most-once: a send with an unknown outcome is never repeated. */
    public static final DeliverySemantics DEFAULT_DELIVERY_SEMANTICS = DeliverySemantics.AT_MOST_ONCE;

    /** Code of the refusal to launch a campaign whose bot flow id the engine's {@link BotFlowRegistry} does not know. */
    public static final String UNKNOWN_BOT_FLOW = "UNKNOWN_BOT_FLOW";
    /** Code of the refusal to plan a campaign that is launched already or could not be launched. */
    public static final String NOT_PLANNABLE = "NOT_PLANNABLE";
    /** Code of the refusal to say why a contact is suppressed when the storage keeps no {@link SuppressionRecords}. */
    public static final String NO_SUPPRESSION_RECORDS = "NO_SUPPRESSION_RECORDS";

    private final EngineCore core;
    /** The checked ports, for the read-only queries of one tenant's state. */
    private final CampaignStorage ports;

    private final Exports exports;
    private final Optional<Projects> projects;
    /** The project store's atomic create, when it has one. */
    private final Optional<ProjectCampaigns> projectCampaigns;

    private final Optional<SuppressionRecords> suppressionRecords;

    CampaignEngine(
            EngineCore core,
            CampaignStorage ports,
            Optional<ProjectStore> projects,
            Optional<ProjectCampaigns> projectCampaigns,
            Optional<SuppressionRecords> suppressionRecords) {
        this.core = core;
        this.ports = ports;
        this.exports = new Exports(core);
        this.projects = projects.map(store -> new Projects(store, core.clock()));
        this.projectCampaigns = projectCampaigns;
        this.suppressionRecords = suppressionRecords;
    }

    public static CampaignEngineBuilder builder() {
        return new CampaignEngineBuilder();
    }

    /**
     * Creates and stores a campaign, DRAFT or READY by its configuration. With a {@link #projects()
     * project store}, only in an existing project of the tenant that is not archived; atomically so (a
     * project archived meanwhile never gets the campaign) when that store is a {@link ProjectCampaigns}.
     *
     * @throws ProjectException {@code PROJECT_NOT_FOUND} or {@code PROJECT_ARCHIVED}; nothing is stored
     */
    public Campaign create(
            CampaignId id, String tenantId, String projectId, CampaignKind kind, CampaignConfiguration configuration) {
        projects.ifPresent(known -> known.requireOpen(
                Arguments.requireNonBlank(tenantId, "tenantId"), Arguments.requireNonBlank(projectId, "projectId")));
        return core.create(id, tenantId, projectId, kind, configuration, projectCampaigns);
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
    public Campaign createIfAbsent(
            CampaignId id, String tenantId, String projectId, CampaignKind kind, CampaignConfiguration configuration) {
        return IdempotentCreate.createIfAbsent(this, id, tenantId, projectId, kind, configuration);
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
     * the host's memory, so the host must give it again). A segment, TEST or retargeted audience is also resumed by
     * any engine's {@link #runDue()} once the launching process has shown no life for the lease
     * duration; an interrupted imported list is reported to the listener as
     * {@link io.campaignkit.core.port.EngineFailure#LAUNCH_INTERRUPTED}. Finishing a campaign that is
     * still preparing is allowed and releases what was added.
     *
     * @throws IncompleteAudienceException if complete custom data is required and contacts lack it,
     *     test numbers are missing from the directory, or a retargeted audience's source is not a launched
     *     campaign of the tenant ({@code NO_AUDIENCE}); the campaign stays READY
     * @throws io.campaignkit.core.CampaignKitException {@value #UNKNOWN_BOT_FLOW} if the campaign's bot
     *     flow id is not in the engine's bot flow registry; the campaign stays READY
     * @throws PreflightException if the channel would refuse the campaign's message (its sender id's
     *     form, its template's name or language, an inline text where only templates go), every problem
     *     listed, before anyone is engaged; the campaign stays READY
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
     * Appends contacts to an ACTIVE campaign (a new import for a running campaign), under the rules of
     * a launch: every contact must have the custom data the campaign's schema requires, else nothing is
     * added and {@link IncompleteAudienceException} {@code INCOMPLETE_CUSTOM_DATA} names each one; each
     * new contact becomes a recipient, PENDING (due now, or at the start of a campaign still waiting for
     * it) or SKIPPED with the reason (engaged in another active campaign on the sender, opted out, a
     * binding without a value); a phone already in the campaign is not added again. Counts, metrics and
     * reports include them at once, and the campaign's sending picks them up (one that was done sending
     * sends again). After a failure part-way (the store failed), call again with the same contacts.
     *
     * @param contacts iterated twice (checked, then added)
     * @throws io.campaignkit.core.campaign.IllegalCampaignActionException unless the campaign is ACTIVE
     *     and waiting, sending, paused or done (not DRAFT, READY, SCHEDULED or FINISHED, nor still
     *     preparing its launch, nor finishing)
     */
    public AddedContacts addContacts(CampaignId id, Iterable<io.campaignkit.core.contact.Contact> contacts) {
        Arguments.requireNonNull(id, "id");
        Arguments.requireNonNull(contacts, "contacts");
        return core.addContacts(id, contacts);
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

    /**
     * Waits, at most {@code timeout} (zero only asks), until the host's code (bots, listener, unrouted handler;
     * a finish's closings too) ran every call handed to it on the callback executor; answers whether none was
     * left. A host stopping calls it before closing what they use; from such a call, {@link IllegalStateException}.
     */
    public boolean awaitCallbacks(Duration timeout) throws InterruptedException {
        return core.awaitCallbacks(Arguments.requireNonNegative(timeout, "timeout"));
    }

    /** Runs {@code wakeUp} whenever work may have become due sooner than {@link #runDue()} last said. */
    public void onWakeUp(Runnable wakeUp) {
        core.addWakeUpListener(Arguments.requireNonNull(wakeUp, "wakeUp"));
    }

    /** The engine's clock. */
    public Clock clock() {
        return core.clock();
    }

    /**
     * The way to answer in an open conversation from outside a bot's call, the same as the
     * {@link io.campaignkit.core.port.BotReply} its bot got (the channel's rules apply): for a host that
     * answers later, in another process, or after a restart, such as a human agent's desk. Empty when
     * the conversation is unknown or closed, or its campaign is no longer active.
     */
    public Optional<io.campaignkit.core.port.BotReply> replyTo(String conversationId) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        return core.replyTo(conversationId);
    }

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

    /** The campaign's live metrics. */
    public CampaignMetrics metrics(CampaignId id) {
        return core.metrics(Arguments.requireNonNull(id, "id"));
    }

    /** A page of the campaign's recipients by sequence, after {@code afterSequence} (-1 first), for exports. */
    public List<Recipient> recipients(CampaignId id, long afterSequence, int limit) {
        return exports.recipients(id, afterSequence, limit);
    }

    /**
     * A page of the campaign's per-contact export, by sequence after {@code afterSequence} (-1 for the
     * first page): each recipient with its funnel steps. Walk the pages to write a report of any size.
     */
    public List<RecipientReport> export(CampaignId id, long afterSequence, int limit) {
        return exports.export(id, afterSequence, limit);
    }

    /**
     * The campaign's figures per channel binding, in binding order: how many recipients each one
     * reached or is to reach, sent, delivered, read, replied and failed, and how many fell back from
     * it. Each recipient counts on the one binding it is on now (so the figures add up to
     * {@link #metrics}), and once more in {@code fellBack} of each binding it left. It reads every
     * recipient, a page at a time: a report's query, not a live counter.
     */
    public List<ChannelMetrics> metricsByChannel(CampaignId id) {
        return exports.metricsByChannel(id);
    }

    /**
     * Read-only queries of one tenant's campaigns: which campaign a contact is engaged in, which
     * inbound messages are queued, how many sends are in flight. Another tenant's campaigns are not
     * found through it.
     */
    public TenantView tenant(String tenantId) {
        return new TenantView(tenantId, core, ports, suppressionRecords);
    }

    /**
     * A page of one tenant's campaigns by ascending id, filtered by project, state, bot flow, channel type
     * and sender as the query says, with the query of the next page ({@link CampaignPage}). The store runs
     * the filters; no other tenant's campaign is ever returned.
     */
    public CampaignPage campaigns(CampaignQuery.Listing query) {
        return CampaignPage.read(core.campaigns(), Arguments.requireNonNull(query, "query"));
    }

    /** The tenants' {@link Projects}; {@link ProjectException} {@code NO_PROJECT_STORE} without a project store. */
    public Projects projects() {
        return projects.orElseThrow(() -> new ProjectException(
                ProjectException.NO_PROJECT_STORE,
                "this engine keeps no projects; give it a project store: CampaignEngineBuilder.projects(...)"));
    }

    /** Whether the contact is suppressed on the tenant's senders, and why: {@link TenantView#suppression}. */
    public SuppressionStatus suppression(String tenantId, PhoneNumber phone) {
        return tenant(tenantId).suppression(phone);
    }

    /** Adds the phone to the suppression list: of one sender, or of every sender when empty. */
    public void suppress(PhoneNumber phone, Optional<SenderKey> sender) {
        suppress(phone, sender, Optional.empty());
    }

    /** {@link #suppress(PhoneNumber, Optional)} with the reason to record (at most 1000 characters). */
    public void suppress(PhoneNumber phone, Optional<SenderKey> sender, Optional<String> reason) {
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(sender, "sender");
        core.suppressions().suppress(new Suppression(sender, phone, Suppression.HOST, clock().instant(), reason));
    }

    /** Lifts a suppression added by {@link #suppress} or by a channel opt-out. */
    public boolean liftSuppression(PhoneNumber phone, Optional<SenderKey> sender) {
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(sender, "sender");
        return core.suppressions().lift(sender, phone);
    }
}
