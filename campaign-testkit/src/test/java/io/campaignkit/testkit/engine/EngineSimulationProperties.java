package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.OutcomeMix;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Deterministic simulation of the engine: from one seed, two or three campaigns on one sender with
 * random hours, paces and overlapping audiences, a channel with random outcomes (late, duplicate,
 * reordered statuses, transient, rate-limited, unknown and permanent failures), random pauses,
 * resumes and finishes, and replies in and out of hours. After every step the invariants of the
 * issue are checked; a failure names the seed, which replays the run exactly:
 * {@code mvn -pl campaign-testkit test -Dtest=EngineSimulationProperties -Dcampaignkit.simulation.seed=<seed>}.
 * {@code -Djqwik.tries.default=10000} runs more tries.
 */
class EngineSimulationProperties {

    private static final Instant WEEK_START = Instant.parse("2026-01-05T00:00:00Z");
    private static final int POOL = 10;

    @Property
    void theEngineKeepsEveryRuleUnderRandomCampaigns(@ForAll long seed) {
        try {
            new Simulation(seed).run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(
                    "simulation failed; replay with seed " + seed + ": " + failure.getMessage(), failure);
        }
    }

    @Example
    void replaysTheSeedGivenOnTheCommandLine() {
        String seed = System.getProperty("campaignkit.simulation.seed");
        Assume.that(seed != null && !seed.isBlank());
        theEngineKeepsEveryRuleUnderRandomCampaigns(Long.parseLong(seed.strip()));
    }

    /** One run; every decision comes from the seed. */
    private static final class Simulation {
        private final Random random;
        private final CampaignScenario scenario;
        private final RecordingBot bot = new RecordingBot();
        private final Map<CampaignId, Pace> paces = new HashMap<>();
        private final Map<CampaignId, ActiveHours> hours = new HashMap<>();
        private final Map<CampaignId, OutOfHoursPolicy> policies = new HashMap<>();
        private final Map<CampaignId, Integer> audienceSizes = new HashMap<>();
        /** The imported lists, read again at a scheduled start; the start of each campaign while scheduled. */
        private final Map<CampaignId, List<Contact>> audiences = new HashMap<>();

        private final Map<CampaignId, Instant> scheduledStarts = new HashMap<>();
        private final List<CampaignId> campaigns = new ArrayList<>();
        private final List<Injected> injected = new ArrayList<>();
        private final double senderLimit;
        private final DeliverySemantics semantics;
        // incremental checking state: sends already checked, per recipient what its sends showed
        private int checkedSends;
        private final Map<String, Boolean> finalSendSeen = new HashMap<>();
        private final Map<CampaignId, List<Instant>> campaignSendTimes = new HashMap<>();
        private final List<Instant> senderSendTimes = new ArrayList<>();
        private final Map<String, CampaignId> byCorrelation = new HashMap<>();
        /** When the channel last refused the sender's credentials (every campaign here is on one sender). */
        private Optional<Instant> credentialsRefusedAt = Optional.empty();
        /** Recipients seen FAILED: a reply never makes them REPLIED (issue 23). */
        private final Set<RecipientKey> seenFailed = new HashSet<>();
        /** With slow bots, the host's calls wait here and run a few at a time between steps. */
        private final boolean slowBots;

        private final ManualExecutor callbacks = new ManualExecutor();

        /** An inbound message the simulation sent, and where it was routed when it arrived. */
        private record Injected(String messageId, Instant at, Optional<CampaignId> campaign, PhoneNumber phone) {}

        Simulation(long seed) {
            this.random = new Random(seed);
            this.senderLimit = List.of(5.0, 10.0, 80.0).get(random.nextInt(3));
            this.semantics = random.nextBoolean() ? DeliverySemantics.AT_MOST_ONCE : DeliverySemantics.AT_LEAST_ONCE;
            this.slowBots = random.nextBoolean();
            ChannelCapabilities capabilities = ChannelCapabilities.custom()
                    .maxMessagesPerSecond(senderLimit)
                    .customerServiceWindow(Duration.ofHours(24))
                    .build();
            OutcomeMix mix = OutcomeMix.seeded(random.nextLong())
                    .with(3, Outcome.delivered(Duration.ofSeconds(1)))
                    .with(
                            2,
                            Outcome.delivered(Duration.ofSeconds(2))
                                    .readAfter(Duration.ofSeconds(5))
                                    .withDuplicateStatusEvents())
                    .with(
                            1,
                            Outcome.delivered(Duration.ofSeconds(1))
                                    .readAfter(Duration.ofSeconds(3))
                                    .withReorderedStatusEvents())
                    .with(1, Outcome.delivered(Duration.ofSeconds(1)).answeredAfter(Duration.ofSeconds(3)))
                    .with(1, Outcome.accepted())
                    .with(1, Outcome.failing(SendErrorClass.TRANSIENT))
                    .with(0.5, Outcome.failing(SendErrorClass.RATE_LIMITED))
                    .with(0.5, Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT))
                    .with(0.5, Outcome.failing(SendErrorClass.UNKNOWN_OUTCOME))
                    .with(
                            0.3,
                            Outcome.accepted()
                                    .sentAfter(Duration.ZERO)
                                    .failsAfter(Duration.ofSeconds(2), SendErrorClass.RECIPIENT_PERMANENT))
                    .with(0.2, Outcome.failing(SendErrorClass.CONTENT_PERMANENT))
                    .with(0.1, Outcome.failing(SendErrorClass.AUTHENTICATION));
            this.scenario = CampaignScenario.custom()
                    .startingAt(WEEK_START.plus(Duration.ofHours(random.nextInt(7 * 24))))
                    .capabilities(capabilities)
                    .outcomeMix(mix)
                    .bot(Fixtures.BOT, bot)
                    .seed(random.nextLong())
                    .deliverySemantics(semantics)
                    .retryPolicy(RetryPolicy.custom()
                            .maxAttempts(1 + random.nextInt(4))
                            .initialBackoff(Duration.ofSeconds(2))
                            .build())
                    .maxInFlight(1 + random.nextInt(8))
                    .conversationIdleTimeout(Duration.ofHours(1 + random.nextInt(30)))
                    .engine(engine -> {
                        engine.audienceSource((campaign, list) -> audiences.get(campaign.id()));
                        if (slowBots) {
                            engine.callbackExecutor(callbacks);
                        }
                    })
                    .build();
            bot.answering((received, reply) -> {
                if (random.nextInt(3) == 0) {
                    try {
                        reply.sendText("ok");
                    } catch (CampaignKitException windowOrClosed) {
                        // the bot learns the window closed; nothing else to do
                    }
                }
            });
        }

        void run() {
            scenario.afterEachStep(() -> {
                callbacks.runSome(random.nextInt(3), random); // bots that answer a few steps late
                checkInvariants();
            });
            Statistics.label("slow bots").collect(slowBots);
            int campaignCount = 2 + random.nextInt(2);
            for (int i = 0; i < campaignCount; i++) {
                createAndLaunch();
            }
            Instant begin = scenario.clock().instant();
            List<long[]> actions = new ArrayList<>();
            int actionCount = 4 + random.nextInt(10);
            for (int i = 0; i < actionCount; i++) {
                actions.add(new long[] {random.nextInt(36 * 3600), random.nextInt(6), random.nextInt(POOL)});
            }
            actions.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] action : actions) {
                scenario.runUntil(begin.plusSeconds(action[0]));
                act((int) action[1], (int) action[2]);
            }
            // until every schedule has opened once more (queued replies are handed over then)
            Instant now = scenario.clock().instant();
            Instant allOpened = now.plusSeconds(60);
            for (CampaignId id : campaigns) {
                Instant opening = hours.get(id)
                        .nextOpening(now.plusSeconds(1))
                        .orElse(now)
                        .plusSeconds(60);
                allOpened = opening.isAfter(allOpened) ? opening : allOpened;
            }
            scenario.runUntil(allOpened);
            callbacks.runAll();
            for (CampaignId id : campaigns) {
                if (scenario.campaign(id).state() == CampaignState.SCHEDULED) {
                    scenario.engine().unschedule(id); // its start is beyond the run
                }
                if (scenario.campaign(id).state() == CampaignState.ACTIVE) {
                    scenario.engine().finish(id);
                }
            }
            scenario.runFor(Duration.ofMinutes(10));
            callbacks.runAll();
            scenario.runFor(Duration.ofMinutes(10));
            checkFinalStates();
            checkEachContactsMessagesReachedTheBotInOrder();
            checkEveryMessageReachedTheBotOrTheFallbackOnce();
        }

        private void createAndLaunch() {
            ActiveHours schedule = randomHours();
            Pace pace = random.nextBoolean()
                    ? Pace.perSecond(1 + random.nextInt(20)).withBurst(random.nextInt(4))
                    : Pace.perHour(60 + random.nextInt(3000)).withBurst(random.nextInt(3));
            OutOfHoursPolicy policy = random.nextBoolean() ? OutOfHoursPolicy.queue() : OutOfHoursPolicy.close();
            if (random.nextBoolean()) {
                policy = policy.withAutoReply("fuera de horario");
            }
            OutOfHoursPolicy chosen = policy;
            CampaignId id = scenario.createCampaign(
                    CampaignKind.LIVE,
                    Fixtures.basic(pace)
                            .andThen(c -> c.activeHours(schedule)
                                    .outOfHoursPolicy(chosen)
                                    .deliveryPlan(
                                            DeliveryPlan.custom().pace(pace).build())));
            List<Contact> audience = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                if (random.nextInt(10) < 6) {
                    audience.add(Fixtures.contact(i));
                }
            }
            if (audience.isEmpty()) {
                audience.add(Fixtures.contact(random.nextInt(POOL)));
            }
            LaunchRequest request = LaunchRequest.importedContacts(audience);
            audiences.put(id, List.copyOf(audience));
            int start = random.nextInt(3);
            if (start == 0) {
                request = request.startAt(scenario.clock().instant().plus(Duration.ofMinutes(random.nextInt(180))));
            }
            if (start == 1) {
                schedule(id);
            } else {
                scenario.engine().launch(id, request);
            }
            campaigns.add(id);
            for (int i = 0; i < POOL; i++) {
                byCorrelation.put(new RecipientKey(id, Fixtures.contact(i).phone()).correlationId(), id);
            }
            campaignSendTimes.put(id, new ArrayList<>());
            paces.put(id, pace);
            hours.put(id, schedule);
            policies.put(id, chosen);
            audienceSizes.put(id, audience.size());
        }

        private ActiveHours randomHours() {
            int kind = random.nextInt(3);
            if (kind == 0) {
                return ActiveHours.alwaysOpen(ZoneOffset.UTC);
            }
            int from = random.nextInt(20);
            int to = from + 1 + random.nextInt(Math.min(12, 23 - from));
            ActiveHours.Builder builder = ActiveHours.builder(ZoneOffset.UTC);
            if (kind == 1) {
                builder.everyDay(LocalTime.of(from, 0), LocalTime.of(to, 0));
            } else {
                builder.on(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(from, 0), LocalTime.of(to, 0));
            }
            return builder.build();
        }

        private void act(int kind, int target) {
            CampaignId id = campaigns.get(target % campaigns.size());
            try {
                switch (kind) {
                    case 0 -> scenario.engine().pause(id);
                    case 1 -> scenario.engine().resume(id);
                    case 2 -> {
                        if (random.nextInt(3) == 0) {
                            scenario.engine().finish(id);
                        }
                    }
                    case 3 -> inbound(target);
                    case 5 -> retarget(id);
                    default -> {
                        if (random.nextInt(3) == 0 && scenario.campaign(id).state() == CampaignState.SCHEDULED) {
                            scenario.engine().unschedule(id);
                            scheduledStarts.remove(id);
                        } else {
                            schedule(id); // schedules a READY campaign again, moves a scheduled one; else refused
                        }
                    }
                }
            } catch (CampaignKitException refusedInThisState) {
                // pausing a finished campaign, resuming a running one...: refused, as it should be
            }
        }

        /**
         * Retargets a launched campaign: a new campaign for its recipients of a random outcome, launched
         * at once. Its audience is exactly those recipients at the launch (the ones still engaged in an
         * active source are skipped); then it runs under every invariant, like the others.
         */
        private void retarget(CampaignId source) {
            Campaign from = scenario.campaign(source);
            if (from.state() != CampaignState.ACTIVE && from.state() != CampaignState.FINISHED || from.isPreparing()) {
                return;
            }
            int pick = random.nextInt(4);
            io.campaignkit.core.campaign.OutcomeFilter filter = switch (pick) {
                case 0 -> io.campaignkit.core.campaign.OutcomeFilter.failed();
                case 1 ->
                    io.campaignkit.core.campaign.OutcomeFilter.custom()
                            .unknown()
                            .skipped()
                            .build();
                case 2 ->
                    io.campaignkit.core.campaign.OutcomeFilter.custom()
                            .notDelivered()
                            .build();
                default ->
                    io.campaignkit.core.campaign.OutcomeFilter.custom()
                            .notReplied()
                            .build();
            };
            java.util.function.Predicate<DeliveryState> taken = switch (pick) {
                case 0 -> state -> state == DeliveryState.FAILED;
                case 1 -> state -> state == DeliveryState.UNKNOWN || state == DeliveryState.SKIPPED;
                case 2 -> state -> !state.isDelivered();
                default -> state -> state != DeliveryState.REPLIED;
            };
            Set<PhoneNumber> expected = new HashSet<>();
            scenario.engine().recipients(source, -1, 1000).stream()
                    .filter(r -> taken.test(r.state()))
                    .forEach(r -> expected.add(r.phone()));
            Pace pace = Pace.perSecond(1 + random.nextInt(20));
            ActiveHours schedule = randomHours();
            OutOfHoursPolicy chosen = OutOfHoursPolicy.queue();
            CampaignId id = scenario.createCampaign(
                    CampaignKind.LIVE,
                    Fixtures.basic(pace)
                            .andThen(c -> c.activeHours(schedule)
                                    .outOfHoursPolicy(chosen)
                                    .deliveryPlan(
                                            DeliveryPlan.custom().pace(pace).build())
                                    .audience(io.campaignkit.core.campaign.AudienceReference.recipientsOf(
                                            source, filter))));
            scenario.engine().launch(id, LaunchRequest.fromDirectory());
            List<Recipient> added = scenario.engine().recipients(id, -1, 1000);
            assertThat(added.stream().map(Recipient::phone).collect(java.util.stream.Collectors.toSet()))
                    .as("the %s recipients of %s (%s) at the launch of %s", filter.toText(), source, from.state(), id)
                    .isEqualTo(expected);
            campaigns.add(id);
            for (int i = 0; i < POOL; i++) {
                byCorrelation.put(new RecipientKey(id, Fixtures.contact(i).phone()).correlationId(), id);
            }
            campaignSendTimes.put(id, new ArrayList<>());
            paces.put(id, pace);
            hours.put(id, schedule);
            policies.put(id, chosen);
            audienceSizes.put(id, added.size());
            Statistics.label("retargeted").collect(filter.toText(), from.state());
        }

        /** Schedules (or moves) the campaign to a random start up to 12 hours ahead. */
        private void schedule(CampaignId id) {
            Instant start = scenario.clock().instant().plusSeconds(1 + random.nextInt(12 * 3600));
            scenario.engine().schedule(id, io.campaignkit.core.campaign.Schedule.at(start));
            scheduledStarts.put(id, start);
            Statistics.label("scheduled").collect(true);
        }

        private void inbound(int contact) {
            PhoneNumber phone = Fixtures.contact(contact).phone();
            Optional<CampaignId> routed = scenario.engine()
                    .tenant(CampaignScenario.TENANT)
                    .engagedCampaign(
                            new io.campaignkit.core.campaign.SenderKey(
                                    CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                            phone)
                    .filter(id -> scenario.campaign(id).state() == CampaignState.ACTIVE);
            String messageId =
                    scenario.channel().scheduleInbound(phone.e164(), CampaignScenario.SENDER_ID, "hola", Duration.ZERO);
            injected.add(new Injected(messageId, scenario.clock().instant(), routed, phone));
            scenario.channel().deliverDueEvents();
        }

        // ------------------------------------------------------------ invariants

        /** Checks the sends made since the last check, and the engagement and bot invariants. */
        private void checkInvariants() {
            List<RecordedSend> sends = scenario.channel().sends();
            for (int i = checkedSends; i < sends.size(); i++) {
                RecordedSend send = sends.get(i);
                if (send.message().content() instanceof TemplateContent) {
                    checkFirstMessage(send);
                } else {
                    countReplyAgainstTheSender(send);
                }
            }
            checkedSends = sends.size();
            checkFinishedCampaignsAreSettled();
            checkARefusedSenderSendsNothingUntilResumed();
            checkAScheduledCampaignEngagesNoOneBeforeItsStart();
            for (int i = 0; i < POOL; i++) {
                PhoneNumber phone = Fixtures.contact(i).phone();
                for (CampaignId id : campaigns) {
                    scenario.store().findRecipient(new RecipientKey(id, phone)).ifPresent(this::checkReplyRules);
                }
                List<CampaignId> engaged = new ArrayList<>();
                for (CampaignId id : campaigns) {
                    if (scenario.campaign(id).state() != CampaignState.ACTIVE) {
                        continue;
                    }
                    // a recipient not skipped at launch is one the campaign engaged
                    scenario.store()
                            .findRecipient(new RecipientKey(id, phone))
                            .filter(r -> r.state() != DeliveryState.SKIPPED
                                    || r.outcome()
                                            .map(o -> o.code().equals("CAMPAIGN_FINISHED")
                                                    || o.code().equals("OPTED_OUT") && r.attempts() > 0)
                                            .orElse(false))
                            .ifPresent(r -> engaged.add(id));
                }
                assertThat(engaged).as("active campaigns engaging %s", phone).hasSizeLessThanOrEqualTo(1);
            }
            Set<String> seen = new HashSet<>();
            for (RecordingBot.Received received : bot.received()) {
                assertThat(seen.add(received.message().messageId()))
                        .as(
                                "message %s reached the bot twice",
                                received.message().messageId())
                        .isTrue();
            }
            for (io.campaignkit.channel.event.InboundMessage fallback : scenario.unroutedMessages()) {
                assertThat(seen.add(fallback.providerMessageId()))
                        .as("message %s reached the fallback after the bot, or twice", fallback.providerMessageId())
                        .isTrue();
            }
        }

        /**
         * A reply moves only a recipient whose message the provider accepted (it has the provider's id),
         * or an UNKNOWN one, which then has no sent, delivered or read time; a FAILED one stays FAILED.
         */
        private void checkReplyRules(Recipient recipient) {
            if (recipient.state() == DeliveryState.FAILED) {
                seenFailed.add(recipient.key());
            }
            if (recipient.state() != DeliveryState.REPLIED) {
                return;
            }
            assertThat(seenFailed)
                    .as("FAILED recipient %s became REPLIED", recipient)
                    .doesNotContain(recipient.key());
            if (recipient.providerMessageId().isEmpty()) {
                assertThat(List.of(recipient.sentAt(), recipient.deliveredAt(), recipient.readAt()))
                        .as("REPLIED recipient %s without an accepted message has times", recipient)
                        .containsOnly(Optional.empty());
                assertThat(semantics)
                        .as("only an UNKNOWN recipient is REPLIED unconfirmed: %s", recipient)
                        .isEqualTo(DeliverySemantics.AT_MOST_ONCE);
            }
        }

        /**
         * From the step it is FINISHED, a campaign has no PENDING recipient, and a SENDING one only while
         * this (the only) engine still waits for the channel's answer, which it records itself.
         */
        private void checkFinishedCampaignsAreSettled() {
            for (CampaignId id : campaigns) {
                if (scenario.campaign(id).state() == CampaignState.FINISHED) {
                    var counts = scenario.store().counts(id);
                    assertThat(counts.count(DeliveryState.PENDING))
                            .as("pending recipients of finished %s", id)
                            .isZero();
                    assertThat(counts.count(DeliveryState.SENDING))
                            .as("SENDING recipients of finished %s", id)
                            .isLessThanOrEqualTo(scenario.engine()
                                    .tenant(CampaignScenario.TENANT)
                                    .inFlight(id));
                }
            }
        }

        /**
         * Credentials are per sender: once the channel refused them, no campaign on the sender is still
         * sending on a resume older than the refusal (each is paused until the host resumes it).
         */
        private void checkARefusedSenderSendsNothingUntilResumed() {
            if (credentialsRefusedAt.isEmpty()) {
                return;
            }
            for (CampaignId id : campaigns) {
                Campaign campaign = scenario.campaign(id);
                if (campaign.state() == CampaignState.ACTIVE
                        && campaign.dispatch().orElse(null) instanceof DispatchState.Sending sending) {
                    assertThat(sending.since())
                            .as(
                                    "%s still sending after the sender's credentials were refused at %s",
                                    id, credentialsRefusedAt.get())
                            .isAfterOrEqualTo(credentialsRefusedAt.get());
                }
            }
        }

        /**
         * A campaign not launched (scheduled, or unscheduled back to READY) has no recipient and holds no
         * contact; a scheduled one is launched at or after its start, never before.
         */
        private void checkAScheduledCampaignEngagesNoOneBeforeItsStart() {
            for (CampaignId id : campaigns) {
                Campaign campaign = scenario.campaign(id);
                if (campaign.launchedAt().isEmpty()) {
                    assertThat(scenario.store().counts(id).total())
                            .as("recipients of %s, not launched", id)
                            .isZero();
                    for (int i = 0; i < POOL; i++) {
                        assertThat(scenario.store()
                                        .engagedCampaign(
                                                new io.campaignkit.core.campaign.SenderKey(
                                                        CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                                                Fixtures.contact(i).phone()))
                                .as("contact %d engaged by %s before its start", i, id)
                                .isNotEqualTo(Optional.of(id));
                    }
                } else if (scheduledStarts.containsKey(id)) {
                    assertThat(campaign.launchedAt().get())
                            .as("%s launched before its scheduled start", id)
                            .isAfterOrEqualTo(scheduledStarts.get(id));
                }
            }
        }

        private void checkFirstMessage(RecordedSend send) {
            if (send.outcome()
                    .failure()
                    .filter(f -> f.errorClass() == SendErrorClass.AUTHENTICATION)
                    .isPresent()) {
                credentialsRefusedAt = Optional.of(send.requestedAt());
            }
            String recipient = send.message().correlationId();
            CampaignId id = byCorrelation.get(recipient);
            assertThat(id).as("a send to an unknown recipient %s", recipient).isNotNull();
            assertThat(finalSendSeen.getOrDefault(recipient, false))
                    .as("recipient %s was sent again at %s (%s)", recipient, send.requestedAt(), semantics)
                    .isFalse();
            boolean accepted = send.providerMessageId().isPresent();
            boolean unknown = send.outcome()
                    .failure()
                    .map(f -> f.errorClass() == SendErrorClass.UNKNOWN_OUTCOME)
                    .orElse(false);
            finalSendSeen.put(recipient, accepted || (unknown && semantics == DeliverySemantics.AT_MOST_ONCE));
            assertThat(hours.get(id).isOpenAt(send.requestedAt()))
                    .as("send to %s at %s outside the hours of %s", recipient, send.requestedAt(), id)
                    .isTrue();
            scenario.campaign(id)
                    .finishedAt()
                    .ifPresent(finished -> assertThat(send.requestedAt())
                            .as("send to %s after %s finished", recipient, id)
                            .isBeforeOrEqualTo(finished));
            Pace pace = paces.get(id);
            RateLimit limit = new RateLimit(pace.messages(), pace.per().length(), pace.burst());
            List<Instant> times = campaignSendTimes.get(id);
            times.add(send.requestedAt());
            assertThat(countSince(times, send.requestedAt(), Duration.ofSeconds(1)))
                    .as("one-second window of %s at %s ending %s", id, pace, send.requestedAt())
                    .isLessThanOrEqualTo(limit.maxPermitsIn(Duration.ofSeconds(1)));
            assertThat(countSince(times, send.requestedAt(), pace.per().length()))
                    .as("window of %s at %s ending %s", id, pace, send.requestedAt())
                    .isLessThanOrEqualTo((long) pace.messages() + pace.burst());
            senderSendTimes.add(send.requestedAt());
            assertThat(countSince(senderSendTimes, send.requestedAt(), Duration.ofSeconds(1)))
                    .as("sender window ending %s", send.requestedAt())
                    .isLessThanOrEqualTo(
                            RateLimit.ofPermitsPerSecond(senderLimit).maxPermitsIn(Duration.ofSeconds(1)));
        }

        /**
         * Issue 23 item 3: replies are messages of the sender too. They are never held back (a reply without
         * a permit takes the next one in debt), so the sender's window is checked at each first message,
         * which goes only once every debt is paid: replies and first messages together stay within the limit.
         */
        private void countReplyAgainstTheSender(RecordedSend reply) {
            senderSendTimes.add(reply.requestedAt());
        }

        /** How many of the (time-ordered) instants fall in the window {@code (end - length, end]}. */
        private static long countSince(List<Instant> times, Instant end, Duration length) {
            Instant start = end.minus(length);
            long count = 0;
            for (int i = times.size() - 1; i >= 0 && times.get(i).isAfter(start); i--) {
                count++;
            }
            return count;
        }

        /**
         * Every inbound message reaches the bot or, if its campaign finished first (or it had none), the
         * host's fallback, exactly once; a message that arrived out of hours under the CLOSE policy
         * reaches the fallback (its conversation is closed, as the policy says, but it is not lost).
         */
        private void checkEveryMessageReachedTheBotOrTheFallbackOnce() {
            int handedOverAtFinish = 0;
            Map<String, Long> delivered = bot.received().stream()
                    .collect(Collectors.groupingBy(r -> r.message().messageId(), Collectors.counting()));
            Map<String, Long> fallback = scenario.unroutedMessages().stream()
                    .collect(Collectors.groupingBy(m -> m.providerMessageId(), Collectors.counting()));
            for (Injected message : injected) {
                long toBot = delivered.getOrDefault(message.messageId(), 0L);
                long toFallback = fallback.getOrDefault(message.messageId(), 0L);
                if (message.campaign().isEmpty()) {
                    assertThat(List.of(toBot, toFallback))
                            .as("unrouted message %s (bot, fallback)", message.messageId())
                            .containsExactly(0L, 1L);
                    continue;
                }
                CampaignId id = message.campaign().get();
                ActiveHours schedule = hours.get(id);
                boolean open = schedule.isOpenAt(message.at());
                Optional<Instant> finished = scenario.campaign(id).finishedAt();
                String described = String.format(
                        "message %s to %s at %s (open %s, policy %s, finished %s) (bot, fallback)",
                        message.messageId(),
                        id,
                        message.at(),
                        open,
                        policies.get(id).action(),
                        finished);
                if (!open && policies.get(id).action() == OutOfHoursPolicy.Action.CLOSE) {
                    assertThat(List.of(toBot, toFallback))
                            .as(described + ": closed, to the host")
                            .containsExactly(0L, 1L);
                    continue;
                }
                assertThat(toBot + toFallback)
                        .as(described + ": %s, %s", toBot, toFallback)
                        .isEqualTo(1L);
                Instant handOver =
                        open ? message.at() : schedule.nextOpening(message.at()).orElseThrow();
                if (finished.isPresent() && finished.get().isBefore(handOver)) {
                    assertThat(toFallback)
                            .as(described + ": the campaign finished before the opening")
                            .isEqualTo(1L);
                    handedOverAtFinish++;
                } else if (finished.isEmpty() || finished.get().isAfter(handOver)) {
                    if (toFallback == 1 && queuedBehindAnEarlierMessage(message)) {
                        // with slow bots, the contact's earlier message may still be on its way to the bot
                        // when this one arrives: this one waits in the queue behind it (one contact's
                        // messages reach the bot in order), and a finish hands what is still queued to the fallback
                        handedOverAtFinish++;
                        continue;
                    }
                    assertThat(toBot)
                            .as(described + ": the hours opened before the campaign finished")
                            .isEqualTo(1L);
                }
            }
            Statistics.label("queued messages the fallback got at finish").collect(handedOverAtFinish > 0);
        }

        /**
         * Whether, with slow bots, {@code message} may have waited in the queue behind an earlier message
         * of the same contact to the same campaign (every message for a bot goes through the queue).
         */
        private boolean queuedBehindAnEarlierMessage(Injected message) {
            return slowBots
                    && injected.subList(0, injected.indexOf(message)).stream()
                            .anyMatch(earlier -> earlier.campaign().equals(message.campaign())
                                    && earlier.phone().equals(message.phone()));
        }

        /** However late the bot runs, one contact's messages reach it in the order they arrived. */
        private void checkEachContactsMessagesReachedTheBotInOrder() {
            Map<String, Integer> arrival = new HashMap<>();
            for (int i = 0; i < injected.size(); i++) {
                arrival.put(injected.get(i).messageId(), i);
            }
            Map<PhoneNumber, Integer> last = new HashMap<>();
            for (RecordingBot.Received received : bot.received()) {
                int index = arrival.getOrDefault(received.message().messageId(), -1);
                PhoneNumber phone = received.context().contact().phone();
                assertThat(index)
                        .as(
                                "message %s of %s reached the bot after a later one",
                                received.message().messageId(), phone)
                        .isGreaterThan(last.getOrDefault(phone, -1));
                last.put(phone, index);
            }
        }

        private void checkFinalStates() {
            for (CampaignId id : campaigns) {
                var counts = scenario.store().counts(id);
                assertThat(counts.count(DeliveryState.PENDING) + counts.count(DeliveryState.SENDING))
                        .as("unsettled recipients of finished %s", id)
                        .isZero();
                long launched = scenario.campaign(id).launchedAt().isPresent() ? audienceSizes.get(id) : 0;
                assertThat(counts.total()).as("recipients of %s", id).isEqualTo(launched);
                long settled = 0;
                for (DeliveryState state : DeliveryState.values()) {
                    settled += counts.count(state);
                }
                assertThat(settled).isEqualTo(counts.total());
                for (Recipient recipient : scenario.engine().recipients(id, -1, 1000)) {
                    assertThat(recipient.state().isSettled())
                            .as("%s", recipient)
                            .isTrue();
                }
                var metrics = scenario.metrics(id);
                assertThat(metrics.delivered()).isLessThanOrEqualTo(metrics.sent());
                assertThat(metrics.read()).isLessThanOrEqualTo(metrics.delivered());
            }
        }
    }
}
