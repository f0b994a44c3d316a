package io.campaignkit.core.engine;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.PhoneTimeZones;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.engine.internal.ContactRules;
import io.campaignkit.core.engine.internal.EngineCore;
import io.campaignkit.core.engine.internal.EngineSettings;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.CheckedBusyWaits;
import io.campaignkit.core.internal.CheckedProjectStore;
import io.campaignkit.core.internal.CheckedStorage;
import io.campaignkit.core.internal.CheckedUnroutedInbox;
import io.campaignkit.core.internal.CheckedWindows;
import io.campaignkit.core.port.AudienceSource;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.ContactDirectory;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.SuppressionRecords;
import io.campaignkit.core.port.TrackingStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link CampaignEngine}. Only the store and at least one channel are required; every
 * other setting has a default named by a {@code DEFAULT_*} constant of {@link CampaignEngine}.
 */
public final class CampaignEngineBuilder {
    private @Nullable CampaignStorage storage;
    private ChannelRegistry channels = ChannelRegistry.empty();
    private BotFlowRegistry botFlows = id -> Optional.empty();
    private @Nullable ContactDirectory directory;
    private @Nullable AudienceSource audienceSource;
    private Clock clock = Clock.systemUTC();
    private CampaignListener listener = CampaignListener.NONE;
    private UnroutedMessageHandler unrouted = UnroutedMessageHandler.LOG_WARNING;
    private String ownerId = "campaignkit-" + UUID.randomUUID();
    private Duration leaseDuration = CampaignEngine.DEFAULT_LEASE_DURATION;
    private int maxInFlight = CampaignEngine.DEFAULT_MAX_IN_FLIGHT;
    private int batchSize = CampaignEngine.DEFAULT_BATCH_SIZE;
    private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
    private DeliverySemantics semantics = CampaignEngine.DEFAULT_DELIVERY_SEMANTICS;
    private @Nullable RandomGenerator random;
    private Duration idleTimeout = CampaignEngine.DEFAULT_CONVERSATION_IDLE_TIMEOUT;
    private int senderBurst = CampaignEngine.DEFAULT_SENDER_BURST;
    private @Nullable PhoneTimeZones phoneTimeZones;
    private java.util.function.Predicate<String> optOutsAcrossChannels = tenant -> false;
    private @Nullable PacingStore pacing;
    private @Nullable Executor callbackExecutor;
    private ExclusivityPolicy exclusivity = ExclusivityPolicy.PER_SENDER;
    private ContactAvailability availability = ContactAvailability.EVERYONE_AVAILABLE;
    private Duration busyRecheck = CampaignEngine.DEFAULT_BUSY_CONTACT_RECHECK;
    private @Nullable ProjectStore projects;
    private @Nullable SuppressionRecords suppressionRecords;
    private boolean checkCredentialsAtLaunch = true;
    private boolean overlapLaunchBatches;

    CampaignEngineBuilder() {}

    /** Where everything is kept ({@link CampaignStorage}); the engine checks every argument before it reaches a port. */
    public CampaignEngineBuilder storage(CampaignStorage storage) {
        this.storage = Arguments.requireNonNull(storage, "storage");
        return this;
    }

    /** {@link #storage} of one store that implements every port but pacing ({@link CampaignStorage#of}). */
    public <
                    S extends
                            CampaignStore & RecipientStore & ConversationStore & InboundQueue & EngagementStore
                                    & SuppressionList & TrackingStore>
            CampaignEngineBuilder store(S store) {
        return storage(CampaignStorage.of(Arguments.requireNonNull(store, "store")));
    }

    /** Adds one channel adapter, found by its {@link ChannelAdapter#id()}. */
    public CampaignEngineBuilder channel(ChannelAdapter adapter) {
        Arguments.requireNonNull(adapter, "adapter");
        channels.register(adapter);
        return this;
    }

    /** Uses the adapters registered in {@code registry} (replacing those added before). */
    public CampaignEngineBuilder channels(ChannelRegistry registry) {
        this.channels = Arguments.requireNonNull(registry, "registry");
        return this;
    }

    public CampaignEngineBuilder botFlows(BotFlowRegistry registry) {
        this.botFlows = Arguments.requireNonNull(registry, "registry");
        return this;
    }

    public CampaignEngineBuilder contactDirectory(ContactDirectory directory) {
        this.directory = Arguments.requireNonNull(directory, "directory");
        return this;
    }

    /** The clock; {@link Clock#systemUTC()} by default. Tests pass a manual clock. */
    public CampaignEngineBuilder clock(Clock clock) {
        this.clock = Arguments.requireNonNull(clock, "clock");
        return this;
    }

    public CampaignEngineBuilder listener(CampaignListener listener) {
        this.listener = Arguments.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Where inbound messages no bot answers go (contacts in no active campaign, and messages queued
     * for closed hours whose campaign finished first, senders that are no phone number); by default
     * {@link UnroutedMessageHandler#LOG_WARNING}, one warning per message.
     */
    public CampaignEngineBuilder unroutedMessages(UnroutedMessageHandler handler) {
        this.unrouted = Arguments.requireNonNull(handler, "handler");
        return this;
    }

    /** This process's name on its leases; unique per process (a random one by default). */
    public CampaignEngineBuilder ownerId(String ownerId) {
        this.ownerId = Arguments.requireNonBlank(ownerId, "ownerId");
        return this;
    }

    public CampaignEngineBuilder leaseDuration(Duration duration) {
        this.leaseDuration = Arguments.requirePositive(duration, "duration");
        return this;
    }

    public CampaignEngineBuilder maxInFlight(int max) {
        this.maxInFlight = Arguments.requirePositive(max, "max");
        return this;
    }

    public CampaignEngineBuilder batchSize(int size) {
        Arguments.require(
                size >= 1 && size <= CampaignStore.MAX_BATCH,
                "size",
                "size must be from 1 to " + CampaignStore.MAX_BATCH + ", was " + size);
        this.batchSize = size;
        return this;
    }

    public CampaignEngineBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Arguments.requireNonNull(policy, "policy");
        return this;
    }

    public CampaignEngineBuilder deliverySemantics(DeliverySemantics semantics) {
        this.semantics = Arguments.requireNonNull(semantics, "semantics");
        return this;
    }

    /** The source of retry jitter; pass a seeded one for reproducible runs. */
    public CampaignEngineBuilder random(RandomGenerator random) {
        this.random = Arguments.requireNonNull(random, "random");
        return this;
    }

    public CampaignEngineBuilder conversationIdleTimeout(Duration timeout) {
        this.idleTimeout = Arguments.requirePositive(timeout, "timeout");
        return this;
    }

    /**
     * How many sends above its declared rate a sender's one-second window may hold (as a
     * campaign's {@code Pace} burst does for the campaign). With 0, the default, a sender never
     * sends two messages at the same instant; a burst lets one run of the engine send several.
     */
    public CampaignEngineBuilder senderBurst(int burst) {
        Arguments.require(
                burst >= 0 && burst <= io.campaignkit.core.dispatch.pacing.RateLimit.MAX_BURST,
                "burst",
                "burst must be from 0 to " + io.campaignkit.core.dispatch.pacing.RateLimit.MAX_BURST + ", was "
                        + burst);
        this.senderBurst = burst;
        return this;
    }

    /**
     * Whose opt-outs hold across a campaign's channels: for a tenant this accepts, a contact who opted
     * out on any sender of a campaign with several channel bindings (STOP by SMS) is not sent on its
     * other senders either (WhatsApp). By default no tenant's: an opt-out holds on its own sender, as
     * the providers keep them.
     *
     * @param tenants tests a campaign's tenant id
     */
    public CampaignEngineBuilder optOutsAcrossChannels(java.util.function.Predicate<String> tenants) {
        this.optOutsAcrossChannels = Arguments.requireNonNull(tenants, "tenants");
        return this;
    }

    /**
     * Replaces the storage's {@link CampaignStorage#pacing() pacing store}, where the campaigns' and
     * senders' token buckets live; set after {@link #storage}. Engines that share a database and its
     * senders share a database-backed one (such as {@code JdbcPacingStore}) so limits hold for all.
     */
    public CampaignEngineBuilder pacingStore(PacingStore pacing) {
        this.pacing = Arguments.requireNonNull(pacing, "pacing");
        return this;
    }

    /**
     * Reads an imported list again where no host call hands it over: at a scheduled campaign's start
     * and when resuming a launch a crashed process left half done. Optional; without it such a
     * scheduled campaign is unscheduled at its start with the reason.
     */
    public CampaignEngineBuilder audienceSource(AudienceSource source) {
        this.audienceSource = Arguments.requireNonNull(source, "source");
        return this;
    }

    /**
     * Where the host's code runs: bot flows, the listener and the unrouted-message handler. The engine
     * never calls them under its lock, so a slow bot delays neither sending nor a webhook's answer;
     * one contact's messages reach its bot one at a time and in order, and listener events keep their
     * order. By default a pool of {@value CampaignEngine#DEFAULT_CALLBACK_THREADS} daemon threads owned by the engine;
     * give a larger executor for bots that wait on slow systems, or {@code Runnable::run} to run every
     * call on the engine's calling thread right after it releases its lock (deterministic tests).
     */
    public CampaignEngineBuilder callbackExecutor(Executor executor) {
        this.callbackExecutor = Arguments.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * Each tenant's exclusivity scope: one active campaign per contact and sender (the default,
     * {@link ExclusivityPolicy#PER_SENDER}), per contact across the tenant's senders, or none (replies
     * then go to the campaign that most recently messaged the contact). See {@link ExclusivityScope}.
     */
    public CampaignEngineBuilder exclusivity(ExclusivityPolicy policy) {
        this.exclusivity = Arguments.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Where the tenants' projects are kept ({@link CampaignEngine#projects()}). Optional; with it, a
     * campaign is created only in an existing, unarchived project of its tenant, and without it a
     * campaign's project id is not checked.
     */
    public CampaignEngineBuilder projects(ProjectStore store) {
        this.projects = Arguments.requireNonNull(store, "store");
        return this;
    }

    /**
     * Which contacts are busy now (an open inbox case, a conversation with an agent): asked at launch
     * and before each send, one call per batch; a busy contact is skipped ({@link SkipReasons#CONTACT_BUSY})
     * or, when its campaign has a {@code busyContactWait}, waited for. By default nobody is busy.
     */
    public CampaignEngineBuilder contactAvailability(ContactAvailability availability) {
        this.availability = Arguments.requireNonNull(availability, "availability");
        return this;
    }

    /**
     * How often a busy contact that its campaign waits for is asked about again (and a batch whose
     * availability check failed); {@link CampaignEngine#DEFAULT_BUSY_CONTACT_RECHECK} by default.
     */
    public CampaignEngineBuilder busyContactRecheck(Duration interval) {
        this.busyRecheck = Arguments.requirePositive(interval, "interval");
        return this;
    }

    /**
     * Where the engine reads why a contact is suppressed ({@link CampaignEngine#suppression}); by default
     * the storage's suppression list, when it keeps records (the in-memory and JDBC stores do).
     */
    public CampaignEngineBuilder suppressionRecords(SuppressionRecords records) {
        this.suppressionRecords = Arguments.requireNonNull(records, "records");
        return this;
    }

    /**
     * Where a campaign whose hours are read in each recipient's local time
     * ({@link io.campaignkit.core.hours.LocalHours}) finds the zones of a phone number when the contact
     * has no zone field: campaign-import's {@code CountryTimeZones.ofDefaults()}, or the host's own. Without
     * it such campaigns are refused at launch (a contact's local hours cannot be known).
     */
    public CampaignEngineBuilder phoneTimeZones(PhoneTimeZones phoneTimeZones) {
        this.phoneTimeZones = Arguments.requireNonNull(phoneTimeZones, "phoneTimeZones");
        return this;
    }

    /**
     * Whether a launch (and a schedule) first asks each of the campaign's senders of its provider
     * ({@link io.campaignkit.channel.ChannelAdapter#checkCredentials}: WhatsApp's phone-number id and token in
     * one Graph call, Twilio's sender and account), on by default. The check runs before the engine takes its
     * lock and before anyone is engaged: a refusal refuses the launch with a {@link PreflightException} naming
     * what to fix (subject {@code CREDENTIALS} or {@code SENDER}); no answer within the adapter's timeout (or a
     * provider's 5xx) refuses it with code {@link PreflightException#CREDENTIALS_NOT_CHECKED}, retryable; an
     * adapter without an online check launches, logged as having no preflight. {@code false} launches without
     * asking (a host that checks itself, or cannot reach the provider's read endpoints).
     */
    public CampaignEngineBuilder checkCredentialsAtLaunch(boolean check) {
        this.checkCredentialsAtLaunch = check;
        return this;
    }

    /**
     * Whether a launch asks its questions about the next batch of contacts (opt-outs, busy contacts,
     * exclusivity, which engages them) on a thread of its own while it stores the current batch; off by
     * default (the Spring Boot starter, whose store is JDBC, turns it on: {@code
     * campaignkit.engine.overlap-launch-batches}). With a store across a network (the JDBC store) each half mostly waits on the database, and the
     * two then use two connections at once: on PostgreSQL a launch adds its recipients about 1.5 times as fast
     * (BENCHMARKS.md, "Session 13"). What a launch stores, and the order, are the same either way: one batch is
     * read ahead, batches are stored in order on the launching thread, and a launch that stops or fails leaves
     * nothing behind that a launch without overlap would not. The host's contact-availability check
     * ({@link #contactAvailability}) is then called on the launch's own thread. Off, the in-memory store and
     * the testkit's deterministic runs see one thread.
     */
    public CampaignEngineBuilder overlapLaunchBatches(boolean overlap) {
        this.overlapLaunchBatches = overlap;
        return this;
    }

    /**
     * @throws InvalidArgumentException without a storage or a channel
     */
    public CampaignEngine build() {
        Arguments.require(storage != null, "storage", "a storage is required: builder().storage(...)");
        Arguments.require(
                !channels.channelIds().isEmpty(),
                "channels",
                "at least one channel adapter is required: builder().channel(...)");
        RandomGenerator jitter = random != null ? random : new SplittableRandom();
        CampaignStorage base = Objects.requireNonNull(storage); // checked above
        CampaignStorage ports = CheckedStorage.wrap(pacing != null ? base.withPacing(pacing) : base);
        return new CampaignEngine(
                new EngineCore(
                        ports,
                        channels,
                        botFlows,
                        Optional.ofNullable(directory),
                        Optional.ofNullable(audienceSource),
                        clock,
                        listener,
                        unrouted,
                        new EngineSettings(
                                ownerId,
                                leaseDuration,
                                maxInFlight,
                                batchSize,
                                retryPolicy,
                                semantics,
                                idleTimeout,
                                senderBurst,
                                optOutsAcrossChannels,
                                checkCredentialsAtLaunch,
                                overlapLaunchBatches),
                        jitter,
                        callbackExecutor != null ? callbackExecutor : defaultCallbackExecutor(),
                        new ContactRules(exclusivity, availability, busyRecheck),
                        Optional.ofNullable(phoneTimeZones),
                        CheckedWindows.of(base.recipients()),
                        CheckedUnroutedInbox.of(base.inbound()),
                        CheckedBusyWaits.of(base.recipients())),
                ports,
                Optional.ofNullable(projects).map(CheckedProjectStore::wrap),
                Optional.ofNullable(projects).flatMap(ProjectStore::projectCampaigns),
                Optional.ofNullable(suppressionRecords)
                        .or(() -> Optional.of(base.suppressions())
                                .filter(SuppressionRecords.class::isInstance)
                                .map(SuppressionRecords.class::cast)));
    }

    private static Executor defaultCallbackExecutor() {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                CampaignEngine.DEFAULT_CALLBACK_THREADS,
                CampaignEngine.DEFAULT_CALLBACK_THREADS,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "campaignkit-callback-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true); // an idle engine keeps no thread
        return pool;
    }
}
