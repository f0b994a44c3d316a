package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
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
import io.campaignkit.testkit.channel.Outcome;
import io.campaignkit.testkit.channel.OutcomeMix;
import io.campaignkit.testkit.channel.RecordedSend;
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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Deterministic simulation of the engine: from one seed, two or three campaigns on one sender with
 * random hours, paces and overlapping audiences, a channel with random outcomes (late, duplicate,
 * reordered statuses, transient, rate-limited, unknown and permanent failures), random pauses,
 * resumes and finishes, and replies in and out of hours. After every step the invariants of the
 * issue are checked; a failure names the seed, which replays the run exactly.
 */
class EngineSimulationProperties {

    private static final Instant WEEK_START = Instant.parse("2026-01-05T00:00:00Z");
    private static final int POOL = 10;

    @Property
    void theEngineKeepsEveryRuleUnderRandomCampaigns(@ForAll long seed) {
        try {
            new Simulation(seed).run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError("simulation failed; replay with seed " + seed + ": " + failure.getMessage(), failure);
        }
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
        private final List<CampaignId> campaigns = new ArrayList<>();
        private final List<Injected> injected = new ArrayList<>();
        private final double senderLimit;

        /** An inbound message the simulation sent, and where it was routed when it arrived. */
        private record Injected(String messageId, Instant at, Optional<CampaignId> campaign) {
        }

        Simulation(long seed) {
            this.random = new Random(seed);
            this.senderLimit = List.of(5.0, 10.0, 80.0).get(random.nextInt(3));
            ChannelCapabilities capabilities = ChannelCapabilities.custom().maxMessagesPerSecond(senderLimit)
                    .customerServiceWindow(Duration.ofHours(24)).build();
            OutcomeMix mix = OutcomeMix.seeded(random.nextLong())
                    .with(3, Outcome.delivered(Duration.ofSeconds(1)))
                    .with(2, Outcome.delivered(Duration.ofSeconds(2)).readAfter(Duration.ofSeconds(5)).withDuplicateStatusEvents())
                    .with(1, Outcome.delivered(Duration.ofSeconds(1)).readAfter(Duration.ofSeconds(3)).withReorderedStatusEvents())
                    .with(1, Outcome.delivered(Duration.ofSeconds(1)).answeredAfter(Duration.ofSeconds(3)))
                    .with(1, Outcome.accepted())
                    .with(1, Outcome.failing(SendErrorClass.TRANSIENT))
                    .with(0.5, Outcome.failing(SendErrorClass.RATE_LIMITED))
                    .with(0.5, Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT))
                    .with(0.5, Outcome.failing(SendErrorClass.UNKNOWN_OUTCOME))
                    .with(0.3, Outcome.accepted().sentAfter(Duration.ZERO).failsAfter(Duration.ofSeconds(2), SendErrorClass.RECIPIENT_PERMANENT))
                    .with(0.2, Outcome.failing(SendErrorClass.CONTENT_PERMANENT));
            this.scenario = CampaignScenario.custom()
                    .startingAt(WEEK_START.plus(Duration.ofHours(random.nextInt(7 * 24))))
                    .capabilities(capabilities).outcomeMix(mix).bot(Fixtures.BOT, bot).seed(random.nextLong())
                    .deliverySemantics(random.nextBoolean() ? DeliverySemantics.AT_MOST_ONCE : DeliverySemantics.AT_LEAST_ONCE)
                    .retryPolicy(RetryPolicy.custom().maxAttempts(1 + random.nextInt(4)).initialBackoff(Duration.ofSeconds(2)).build())
                    .maxInFlight(1 + random.nextInt(8))
                    .conversationIdleTimeout(Duration.ofHours(1 + random.nextInt(30)))
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
            scenario.afterEachStep(this::checkInvariants);
            int campaignCount = 2 + random.nextInt(2);
            for (int i = 0; i < campaignCount; i++) {
                createAndLaunch();
            }
            Instant begin = scenario.clock().instant();
            List<long[]> actions = new ArrayList<>();
            int actionCount = 4 + random.nextInt(10);
            for (int i = 0; i < actionCount; i++) {
                actions.add(new long[] {random.nextInt(36 * 3600), random.nextInt(4), random.nextInt(POOL)});
            }
            actions.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] action : actions) {
                scenario.runUntil(begin.plusSeconds(action[0]));
                act((int) action[1], (int) action[2]);
            }
            scenario.runFor(Duration.ofDays(8)); // every schedule opens at least once more
            checkQueuedMessagesReachedTheBotOnce();
            for (CampaignId id : campaigns) {
                if (scenario.campaign(id).state() == CampaignState.ACTIVE) {
                    scenario.engine().finish(id);
                }
            }
            scenario.runFor(Duration.ofMinutes(10));
            checkFinalStates();
        }

        private void createAndLaunch() {
            ActiveHours schedule = randomHours();
            Pace pace = random.nextBoolean() ? Pace.perSecond(1 + random.nextInt(20)).withBurst(random.nextInt(4))
                    : Pace.perHour(60 + random.nextInt(3000)).withBurst(random.nextInt(3));
            OutOfHoursPolicy policy = random.nextBoolean() ? OutOfHoursPolicy.queue() : OutOfHoursPolicy.close();
            if (random.nextBoolean()) {
                policy = policy.withAutoReply("fuera de horario");
            }
            OutOfHoursPolicy chosen = policy;
            CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(pace).andThen(c -> c
                    .activeHours(schedule).outOfHoursPolicy(chosen)
                    .deliveryPlan(DeliveryPlan.custom().pace(pace).build())));
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
            if (random.nextBoolean()) {
                request = request.startAt(scenario.clock().instant().plus(Duration.ofMinutes(random.nextInt(180))));
            }
            scenario.engine().launch(id, request);
            campaigns.add(id);
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
                builder.on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(from, 0), LocalTime.of(to, 0));
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
                    default -> inbound(target);
                }
            } catch (CampaignKitException refusedInThisState) {
                // pausing a finished campaign, resuming a running one...: refused, as it should be
            }
        }

        private void inbound(int contact) {
            PhoneNumber phone = Fixtures.contact(contact).phone();
            Optional<CampaignId> routed = scenario.store().engagedCampaign(
                    new io.campaignkit.core.dispatch.pacing.SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                    phone).filter(id -> scenario.campaign(id).state() == CampaignState.ACTIVE);
            String messageId = scenario.channel().scheduleInbound(phone.e164(), CampaignScenario.SENDER_ID, "hola",
                    Duration.ZERO);
            injected.add(new Injected(messageId, scenario.clock().instant(), routed));
            scenario.channel().deliverDueEvents();
        }

        // ------------------------------------------------------------ invariants

        private void checkInvariants() {
            Map<String, CampaignId> byCorrelation = new HashMap<>();
            Map<String, PhoneNumber> phones = new HashMap<>();
            for (CampaignId id : campaigns) {
                for (int i = 0; i < POOL; i++) {
                    PhoneNumber phone = Fixtures.contact(i).phone();
                    String correlation = new RecipientKey(id, phone).correlationId();
                    byCorrelation.put(correlation, id);
                    phones.put(correlation, phone);
                }
            }
            Map<String, List<RecordedSend>> sendsByRecipient = new HashMap<>();
            List<Instant> allFirstMessages = new ArrayList<>();
            for (RecordedSend send : scenario.channel().sends()) {
                if (send.message().content() instanceof TemplateContent) {
                    sendsByRecipient.computeIfAbsent(send.message().correlationId(), k -> new ArrayList<>()).add(send);
                    allFirstMessages.add(send.requestedAt());
                }
            }
            for (Map.Entry<String, List<RecordedSend>> entry : sendsByRecipient.entrySet()) {
                CampaignId id = byCorrelation.get(entry.getKey());
                assertThat(id).as("a send to an unknown recipient %s", entry.getKey()).isNotNull();
                List<RecordedSend> sends = entry.getValue();
                // no recipient sent twice: after an accepted (or, at most once, unknown) send, none other
                for (int i = 0; i < sends.size() - 1; i++) {
                    RecordedSend send = sends.get(i);
                    boolean accepted = send.providerMessageId().isPresent();
                    boolean unknown = send.outcome().failure().map(f -> f.errorClass() == SendErrorClass.UNKNOWN_OUTCOME)
                            .orElse(false);
                    assertThat(accepted || (unknown && atMostOnce()))
                            .as("recipient %s was sent again after %s", entry.getKey(), send).isFalse();
                }
                Campaign campaign = scenario.campaign(id);
                for (RecordedSend send : sends) {
                    assertThat(hours.get(id).isOpenAt(send.requestedAt()))
                            .as("send to %s at %s outside the hours of %s", entry.getKey(), send.requestedAt(), id).isTrue();
                    campaign.finishedAt().ifPresent(finished -> assertThat(send.requestedAt())
                            .as("send to %s after %s finished", entry.getKey(), id).isBeforeOrEqualTo(finished));
                }
            }
            for (CampaignId id : campaigns) {
                List<Instant> times = sendsByRecipient.entrySet().stream().filter(e -> byCorrelation.get(e.getKey()).equals(id))
                        .flatMap(e -> e.getValue().stream()).map(RecordedSend::requestedAt).toList();
                Pace pace = paces.get(id);
                RateLimit limit = new RateLimit(pace.messages(), pace.per().length(), pace.burst());
                assertThat((long) SendWindows.maxInAnyWindow(times, Duration.ofSeconds(1)))
                        .as("one-second window of %s at %s", id, pace).isLessThanOrEqualTo(limit.maxPermitsIn(Duration.ofSeconds(1)));
                assertThat((long) SendWindows.maxInAnyWindow(times, pace.per().length()))
                        .as("window of %s at %s", id, pace).isLessThanOrEqualTo((long) pace.messages() + pace.burst());
                var counts = scenario.store().counts(id);
                assertThat(counts.total()).as("recipients of %s", id).isEqualTo((long) audienceSizes.get(id));
            }
            long senderWindow = RateLimit.ofPermitsPerSecond(senderLimit).maxPermitsIn(Duration.ofSeconds(1));
            assertThat((long) SendWindows.maxInAnyWindow(allFirstMessages, Duration.ofSeconds(1)))
                    .as("sender window").isLessThanOrEqualTo(senderWindow);
            for (int i = 0; i < POOL; i++) {
                PhoneNumber phone = Fixtures.contact(i).phone();
                List<CampaignId> engaged = new ArrayList<>();
                for (CampaignId id : campaigns) {
                    if (scenario.campaign(id).state() != CampaignState.ACTIVE) {
                        continue;
                    }
                    scenario.store().findRecipient(new RecipientKey(id, phone))
                            .filter(r -> !(r.state() == DeliveryState.SKIPPED && r.outcome().isPresent()
                                    && !r.outcome().get().code().equals("CAMPAIGN_FINISHED")))
                            .ifPresent(r -> engaged.add(id));
                }
                assertThat(engaged).as("active campaigns engaging %s", phone).hasSizeLessThanOrEqualTo(1);
            }
            Set<String> seen = new HashSet<>();
            for (RecordingBot.Received received : bot.received()) {
                assertThat(seen.add(received.message().messageId()))
                        .as("message %s reached the bot twice", received.message().messageId()).isTrue();
            }
        }

        private boolean atMostOnce() {
            return scenario.engine() != null && !scenarioIsAtLeastOnce();
        }

        private boolean scenarioIsAtLeastOnce() {
            // every resend after an unknown outcome is a recipient the store moved back to PENDING
            return scenario.channel().sends().stream()
                    .filter(s -> s.outcome().failure().map(f -> f.errorClass() == SendErrorClass.UNKNOWN_OUTCOME).orElse(false))
                    .anyMatch(s -> scenario.store().findByCorrelationId(s.message().correlationId())
                            .map(r -> r.state() != DeliveryState.UNKNOWN).orElse(false));
        }

        private void checkQueuedMessagesReachedTheBotOnce() {
            Map<String, Long> delivered = bot.received().stream()
                    .collect(Collectors.groupingBy(r -> r.message().messageId(), Collectors.counting()));
            for (Injected message : injected) {
                if (message.campaign().isEmpty()) {
                    assertThat(delivered).as("unrouted message %s", message.messageId()).doesNotContainKey(message.messageId());
                    continue;
                }
                CampaignId id = message.campaign().get();
                ActiveHours schedule = hours.get(id);
                boolean open = schedule.isOpenAt(message.at());
                Instant handOver = open ? message.at() : schedule.nextOpening(message.at()).orElseThrow();
                Optional<Instant> finished = scenario.campaign(id).finishedAt();
                boolean expected = (open || policies.get(id).action() == OutOfHoursPolicy.Action.QUEUE)
                        && (finished.isEmpty() || finished.get().isAfter(handOver));
                assertThat(delivered.getOrDefault(message.messageId(), 0L))
                        .as("message %s to %s at %s (open %s, finished %s)", message.messageId(), id, message.at(), open,
                                finished)
                        .isEqualTo(expected ? 1L : 0L);
            }
        }

        private void checkFinalStates() {
            for (CampaignId id : campaigns) {
                var counts = scenario.store().counts(id);
                assertThat(counts.count(DeliveryState.PENDING) + counts.count(DeliveryState.SENDING))
                        .as("unsettled recipients of finished %s", id).isZero();
                assertThat(counts.total()).isEqualTo((long) audienceSizes.get(id));
                long settled = 0;
                for (DeliveryState state : DeliveryState.values()) {
                    settled += counts.count(state);
                }
                assertThat(settled).isEqualTo(counts.total());
                for (Recipient recipient : scenario.engine().recipients(id, -1, 1000)) {
                    assertThat(recipient.state().isSettled()).as("%s", recipient).isTrue();
                }
                var metrics = scenario.metrics(id);
                assertThat(metrics.delivered()).isLessThanOrEqualTo(metrics.sent());
                assertThat(metrics.read()).isLessThanOrEqualTo(metrics.delivered());
            }
        }
    }
}
