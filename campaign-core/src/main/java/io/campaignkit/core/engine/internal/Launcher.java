package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.HeaderMedia;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches a READY campaign, crash-safe: checks the channel, the bot flow and the audience (complete
 * custom data when required, test numbers in the directory), makes the campaign ACTIVE and
 * {@link DispatchState.Preparing PREPARING} (so nothing is sent yet), adds its recipients batch by
 * batch ({@link Admission}), each one PENDING on its channel binding or SKIPPED with its reason (no
 * channel reaches it, unresolved binding, opted out, busy, engaged in another campaign within the
 * tenant's {@link Exclusivity exclusivity scope}), and only then lets it wait for its start or send.
 *
 * <p>Adding is idempotent in the store (a phone already in the campaign is not added again, engaging
 * a phone again for the same campaign succeeds again, and the store returns only what it added), so
 * an interrupted preparation is resumed by running it again from the start of the audience: by the
 * host launching again with the same request, or, for audiences the engine reads itself (segments and
 * TEST audiences), by any engine's run once the preparer's heartbeat is older than the lease. After
 * every batch the preparer reads the campaign: it renews its heartbeat, and stops (undoing what it
 * may have added after the campaign began finishing) when the campaign is no longer preparing.
 */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    /** Code of the refusal to launch a campaign whose message its channel cannot send. */
    static final String CHANNEL_CANNOT_CARRY = "CHANNEL_CANNOT_CARRY";
    /** The preparer renews its heartbeat when a third of the lease has passed since the last one. */
    private static final int HEARTBEATS_PER_LEASE = 3;

    private final RecipientStore recipients;
    private final EngagementStore engagements;
    private final BotFlowRegistry botFlows;
    private final ChannelAdapters adapters;
    private final Leases leases;
    private final int batchSize;
    /** Whether a launch admits its next batch while it stores the current one ({@link LaunchBatches}). */
    private final boolean overlapBatches;

    private final Clock clock;
    private final Listeners listeners;
    private final Lifecycle lifecycle;
    private final PendingSkips pendingSkips;
    private final LaunchAudiences audiences;
    private final Admission admission;
    private final Preflight preflight;
    private final LocalTimes localTimes;
    /** Campaigns whose interrupted launch only the host can resume, already reported by this engine. */
    private final Set<CampaignId> reportedInterrupted = ConcurrentHashMap.newKeySet();

    Launcher(
            RecipientStore recipients,
            EngagementStore engagements,
            Exclusivity exclusivity,
            BusyContacts busy,
            SuppressionList suppressions,
            BotFlowRegistry botFlows,
            ChannelAdapters adapters,
            Leases leases,
            int batchSize,
            boolean overlapBatches,
            Clock clock,
            Listeners listeners,
            Lifecycle lifecycle,
            PendingSkips pendingSkips,
            LaunchAudiences audiences,
            ChannelRoutes routes,
            LocalTimes localTimes) {
        this.recipients = recipients;
        this.engagements = engagements;
        this.botFlows = botFlows;
        this.adapters = adapters;
        this.leases = leases;
        this.batchSize = batchSize;
        this.overlapBatches = overlapBatches;
        this.clock = clock;
        this.listeners = listeners;
        this.lifecycle = lifecycle;
        this.pendingSkips = pendingSkips;
        this.audiences = audiences;
        this.admission = new Admission(recipients, exclusivity, busy, suppressions, routes, lifecycle, localTimes);
        this.preflight = new Preflight(adapters);
        this.localTimes = localTimes;
    }

    /** Launches a READY campaign, or continues the interrupted preparation of a PREPARING one. */
    Campaign launch(CampaignId id, LaunchRequest request) {
        Campaign campaign = lifecycle.find(id);
        if (campaign.isPreparing()) {
            return continuePreparation(campaign, request);
        }
        if (!campaign.state().allowsEdit()) {
            campaign.launchPreparing(leases.ownerId(), clock.instant()); // refuses: launched already, or finished
        }
        checkChannelCarries(campaign);
        checkBotFlowKnown(campaign);
        preflight.check(campaign);
        localTimes.checkSupported(campaign);
        LaunchAudiences.Audience contacts = audiences.readChecked(campaign, request);
        Instant now = clock.instant();
        Campaign launched = lifecycle.change(id, CampaignAction.LAUNCH, stored -> {
            Campaign planned = request.startAt()
                    .map(start -> stored.reconfigure(
                            stored.configuration().toBuilder()
                                    .deliveryPlan(
                                            withStart(stored.configuration().deliveryPlan(), start))
                                    .build(),
                            now))
                    .orElse(stored);
            return planned.launchPreparing(leases.ownerId(), now);
        });
        return prepare(launched, contacts);
    }

    /**
     * Launches a SCHEDULED campaign whose start has come, at most once over every engine on the store:
     * the audience is read, then the campaign becomes ACTIVE and PREPARING by this engine only if it is
     * still SCHEDULED with the same schedule (the store's versioned update is the claim; an engine that
     * loses the race finds it launched, moved or unscheduled and does nothing).
     *
     * @return the campaign as it now is
     * @throws CampaignKitException a refusal of the launch (audience, bot flow, channel, validation)
     */
    Campaign launchScheduled(Campaign scheduled, Instant now) {
        Optional<io.campaignkit.core.campaign.Schedule> schedule = scheduled.schedule();
        checkChannelCarries(scheduled);
        checkBotFlowKnown(scheduled);
        preflight.check(scheduled);
        localTimes.checkSupported(scheduled);
        LaunchAudiences.Audience contacts = audiences.readChecked(scheduled, LaunchRequest.fromDirectory());
        Campaign launched = lifecycle.change(
                scheduled.id(),
                CampaignAction.LAUNCH,
                stored -> stored.state() == CampaignState.SCHEDULED
                                && stored.schedule().equals(schedule)
                        ? stored.launchPreparing(leases.ownerId(), now)
                        : stored);
        if (!(launched.dispatch().orElse(null) instanceof DispatchState.Preparing preparing
                && preparing.preparer().equals(leases.ownerId())
                && preparing.since().equals(now))) {
            return launched; // another engine launched it first, or it was moved or unscheduled meanwhile
        }
        LOG.info(
                "campaign {} launched at its scheduled start {}",
                scheduled.id(),
                schedule.get().startAt());
        return prepare(launched, contacts);
    }

    private Campaign continuePreparation(Campaign campaign, LaunchRequest request) {
        LaunchAudiences.Audience contacts = audiences.readChecked(campaign, request);
        LOG.info(
                "campaign {} is still preparing; the host launched it again, adding the rest of its audience",
                campaign.id());
        Instant now = clock.instant();
        Campaign renewed = lifecycle.change(
                campaign.id(),
                CampaignAction.PREPARE,
                c -> c.isPreparing() ? c.renewPreparation(leases.ownerId(), now) : c);
        if (!renewed.isPreparing()) {
            return renewed; // completed or finishing meanwhile
        }
        reportedInterrupted.remove(campaign.id());
        return prepare(renewed, contacts);
    }

    /**
     * Resumes, at a run of the engine, the preparation of a campaign whose preparer stopped showing
     * life (its heartbeat older than the lease), when the engine can read the audience itself; an
     * imported list is reported once instead. Answers the campaign as it now is.
     */
    Campaign resumeIfAbandoned(Campaign campaign, Instant now) {
        DispatchState.Preparing preparing =
                (DispatchState.Preparing) campaign.dispatch().orElseThrow();
        if (now.isBefore(abandonedAt(preparing))) {
            return campaign;
        }
        AudienceReference audience = campaign.configuration().audience().orElse(null);
        if (!audiences.readableByEngine(audience)) {
            if (reportedInterrupted.add(campaign.id())) {
                listeners.failure(
                        Optional.of(campaign.id()),
                        EngineFailure.LAUNCH_INTERRUPTED,
                        new CampaignKitException(
                                EngineFailure.LAUNCH_INTERRUPTED,
                                "the launch of campaign " + campaign.id() + " stopped at "
                                        + preparing.heartbeat()
                                        + " before its whole audience was added, and nothing is sent until it is:"
                                        + " launch it again with the same contacts (LaunchRequest.importedContacts), or finish it"));
            }
            return campaign;
        }
        Campaign taken = lifecycle.change(
                campaign.id(),
                CampaignAction.PREPARE,
                c -> c.dispatch().orElse(null) instanceof DispatchState.Preparing p && !now.isBefore(abandonedAt(p))
                        ? c.renewPreparation(leases.ownerId(), now)
                        : c);
        if (!(taken.dispatch().orElse(null) instanceof DispatchState.Preparing p
                && p.preparer().equals(leases.ownerId())
                && p.heartbeat().equals(now))) {
            return taken; // another engine took it over first, or it is no longer preparing
        }
        LOG.info(
                "campaign {} was left preparing by {} (last seen {}); resuming its preparation",
                campaign.id(),
                preparing.preparer(),
                preparing.heartbeat());
        return prepare(taken, audiences.read(taken, LaunchRequest.fromDirectory(), true));
    }

    /**
     * When the engine should look at a preparing campaign again: when its preparation would be
     * abandoned (to resume it, or to report an imported list once).
     */
    Optional<Instant> nextPreparationCheck(Campaign campaign) {
        if (!(campaign.dispatch().orElse(null) instanceof DispatchState.Preparing preparing)
                || !audiences.readableByEngine(
                                campaign.configuration().audience().orElse(null))
                        && reportedInterrupted.contains(campaign.id())) {
            return Optional.empty();
        }
        return Optional.of(abandonedAt(preparing));
    }

    private Instant abandonedAt(DispatchState.Preparing preparing) {
        return preparing.heartbeat().plus(leases.duration());
    }

    /** Adds the audience to a PREPARING campaign, then lets it wait or send. */
    private Campaign prepare(Campaign campaign, LaunchAudiences.Audience contacts) {
        DispatchState.Preparing preparing =
                (DispatchState.Preparing) campaign.dispatch().orElseThrow();
        Instant dueAt = campaign.configuration().deliveryPlan().effectiveStart(preparing.since());
        Preparation preparation = new Preparation(campaign.id(), preparing.heartbeat());
        try {
            addRecipients(campaign, contacts, dueAt, preparation);
        } catch (PreparationStopped stopped) {
            return stopped.campaign;
        }
        Campaign prepared = lifecycle.change(
                campaign.id(),
                CampaignAction.COMPLETE_PREPARATION,
                c -> c.isPreparing() ? c.completePreparation(clock.instant()) : c);
        reportedInterrupted.remove(campaign.id());
        listeners.wakeUp();
        return prepared;
    }

    /** The preparer's view of its campaign between batches. */
    private final class Preparation {
        private final CampaignId id;
        private Instant heartbeat;

        Preparation(CampaignId id, Instant heartbeat) {
            this.id = id;
            this.heartbeat = heartbeat;
        }

        /** After a batch: renews the heartbeat when due; stops when the campaign is no longer preparing. */
        void afterBatch() {
            Campaign current = lifecycle.find(id);
            if (!current.isPreparing()) {
                if (current.state() != CampaignState.ACTIVE || current.isFinishing()) {
                    // it began finishing while this batch went in: what this batch added is not left behind
                    pendingSkips.skipAll(id, clock.instant());
                    while (engagements.releaseEngagements(id, batchSize) > 0) {
                        // released batch by batch
                    }
                }
                throw new PreparationStopped(current);
            }
            Instant now = clock.instant();
            if (!now.isBefore(heartbeat.plus(leases.duration().dividedBy(HEARTBEATS_PER_LEASE)))) {
                Campaign renewed = lifecycle.change(
                        id,
                        CampaignAction.PREPARE,
                        c -> c.isPreparing() ? c.renewPreparation(leases.ownerId(), now) : c);
                heartbeat = now;
                if (!renewed.isPreparing()) {
                    afterBatch();
                }
            }
        }
    }

    /** Thrown out of the audience walk when the campaign stopped preparing under the preparer. */
    private static final class PreparationStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Campaign campaign;

        PreparationStopped(Campaign campaign) {
            super(null, null, false, false);
            this.campaign = campaign;
        }
    }

    /** A campaign whose bot flow the registry does not know would leave every reply unanswered. */
    void checkBotFlowKnown(Campaign campaign) {
        Optional<String> botFlowId = campaign.configuration().botFlowId();
        if (botFlowId.isPresent() && botFlows.find(botFlowId.get()).isEmpty()) {
            throw new CampaignKitException(
                    CampaignEngine.UNKNOWN_BOT_FLOW,
                    "campaign " + campaign.id()
                            + " names bot flow '" + botFlowId.get()
                            + "', which the engine's bot flow registry does not have;"
                            + " register it (CampaignEngine.builder().botFlows(...)) or choose another");
        }
    }

    /** What the campaign's channels would refuse of their messages: the launch refuses these, the dry run lists them. */
    List<io.campaignkit.channel.PreflightProblem> preflightProblems(Campaign campaign) {
        return preflight.problems(campaign);
    }

    /** Each of the campaign's channels must be known to the engine and able to carry its message. */
    void checkChannelCarries(Campaign campaign) {
        for (ChannelBinding binding : ChannelRoutes.bindings(campaign)) {
            checkChannelCarries(
                    campaign, binding); // none while incomplete: launching reports the incomplete configuration
        }
    }

    private void checkChannelCarries(Campaign campaign, ChannelBinding binding) {
        String channelType = binding.sender().channelType();
        ChannelCapabilities capabilities = adapters.adapter(channelType).capabilities();
        boolean template = binding.message().template() instanceof ChannelTemplate;
        if (template ? !capabilities.templates() : !capabilities.freeFormText()) {
            throw new CampaignKitException(
                    CHANNEL_CANNOT_CARRY,
                    "campaign " + campaign.id() + " sends "
                            + (template ? "a channel template" : "an inline text") + ", which channel '"
                            + channelType + "' cannot send");
        }
        // refused here rather than at the first send, where it would pause the campaign
        Optional<HeaderMedia> media = binding.message().headerMedia();
        if (template && media.isPresent() && !capabilities.mediaKinds().contains(MessageContents.kindOf(media.get()))) {
            throw new CampaignKitException(
                    CHANNEL_CANNOT_CARRY,
                    "campaign " + campaign.id() + " sends a template with "
                            + media.get().type() + " header media, which channel '" + channelType
                            + "' cannot carry (header media it accepts: "
                            + (capabilities.mediaKinds().isEmpty()
                                    ? "none"
                                    : capabilities.mediaKinds().stream()
                                            .map(Enum::name)
                                            .sorted()
                                            .collect(Collectors.joining(", ")))
                            + "); remove the header media or choose another channel");
        }
    }

    private static DeliveryPlan withStart(DeliveryPlan plan, Instant start) {
        DeliveryPlan.Builder builder = DeliveryPlan.custom().pace(plan.pace()).startAt(start);
        plan.endAt().ifPresent(builder::endAt);
        return builder.build();
    }

    private void addRecipients(
            Campaign campaign, LaunchAudiences.Audience contacts, Instant dueAt, Preparation preparation) {
        List<Contact> batch = new ArrayList<>(batchSize);
        Set<PhoneNumber> batchPhones = new HashSet<>();
        try (LaunchBatches batches =
                new LaunchBatches(admission, campaign, dueAt, clock, preparation::afterBatch, overlapBatches)) {
            contacts.forEach(contact -> {
                if (!batchPhones.add(contact.phone())) {
                    return; // the store drops duplicates across batches; within one, drop them here
                }
                batch.add(contact);
                if (batch.size() == batchSize) {
                    batches.add(batch);
                    batch.clear();
                    batchPhones.clear();
                }
            });
            if (!batch.isEmpty()) {
                batches.add(batch);
            }
            batches.finish();
        }
    }

    /** Adds one batch of contacts as recipients, PENDING or SKIPPED with the reason; answers those the store added. */
    List<Recipient> insertBatch(Campaign campaign, List<Contact> batch, Instant dueAt, Instant now) {
        return admission.insertBatch(campaign, batch, dueAt, now);
    }
}
