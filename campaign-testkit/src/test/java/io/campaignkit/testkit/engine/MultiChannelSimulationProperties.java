package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.ContactCondition;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The deterministic simulation's multi-channel part: random campaigns with one to three channel
 * bindings (some limited to flagged contacts), random answers per channel and contact ("not on this
 * channel" at once or as a later FAILED status, delivered soon or late, never delivered, refused), with
 * or without a timed fallback. It checks: no contact receives the campaign's message on two channels
 * unless the campaign asked for the timed fallback; no channel sends one contact twice; each
 * recipient ends on the binding the rules choose; counts never count a contact twice; the campaign's
 * pace holds across its channels.
 */
class MultiChannelSimulationProperties {

    private static final List<String> CHANNELS = List.of(CampaignScenario.CHANNEL_ID, "sim-sms", "sim-rcs");
    private static final SendFailure NOT_ON_CHANNEL = SendFailure.notOnChannel("131026", "Message undeliverable");

    @Property(tries = 100)
    void noContactGetsTheMessageOnTwoChannelsUnlessAsked(@ForAll long seed) {
        try {
            new Run(seed).run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(
                    "multi-channel simulation failed; replay with seed " + seed + ": " + failure.getMessage(), failure);
        }
    }

    @Example
    void replaysTheSeedGivenOnTheCommandLine() {
        String seed = System.getProperty("campaignkit.simulation.seed");
        Assume.that(seed != null && !seed.isBlank());
        noContactGetsTheMessageOnTwoChannelsUnlessAsked(Long.parseLong(seed.strip()));
    }

    /** What one channel does with one contact's message. */
    enum Answer {
        DELIVERED,
        NOT_ON_CHANNEL_AT_ONCE,
        NOT_ON_CHANNEL_LATER,
        NEVER_DELIVERED,
        DELIVERED_LATE,
        REFUSED;

        boolean notOnChannel() {
            return this == NOT_ON_CHANNEL_AT_ONCE || this == NOT_ON_CHANNEL_LATER;
        }

        /** Whether the contact may get the message on this channel (it was accepted and not failed). */
        boolean mayArrive() {
            return this == DELIVERED || this == NEVER_DELIVERED || this == DELIVERED_LATE;
        }
    }

    /** One campaign of the run: its bindings' channels, conditions, and timed fallback. */
    private record Plan(
            CampaignId id,
            List<Integer> channels,
            List<Optional<ContactCondition>> conditions,
            Optional<Duration> fallbackAfter,
            Pace pace,
            List<Contact> contacts) {}

    private static final class Run {
        private final SplittableRandom random;
        private final CampaignScenario scenario;
        private final List<Plan> plans = new ArrayList<>();
        /** The scripted answer per channel id and phone. */
        private final Map<String, Map<String, Answer>> answers = new HashMap<>();

        Run(long seed) {
            this.random = new SplittableRandom(seed);
            CampaignScenario.Builder builder = Fixtures.scenario().seed(seed);
            CHANNELS.subList(1, CHANNELS.size()).forEach(builder::moreChannel);
            this.scenario = builder.build();
        }

        void run() {
            int campaigns = 1 + random.nextInt(3);
            for (int c = 0; c < campaigns; c++) {
                plans.add(createAndLaunch(c));
            }
            // far beyond the slowest pace, the latest delivery (60 min) and the longest timed fallback, three times
            for (int step = 0; step < 12; step++) {
                scenario.runFor(Duration.ofSeconds(1 + random.nextInt(1800)));
                checkSends();
            }
            scenario.runFor(Duration.ofHours(4));
            checkSends();
            plans.forEach(this::checkOutcome);
        }

        private Plan createAndLaunch(int index) {
            int count = 1 + random.nextInt(3);
            List<Integer> channels = new ArrayList<>(List.of(0, 1, 2));
            for (int i = channels.size() - 1; i > 0; i--) { // a seeded shuffle
                int j = random.nextInt(i + 1);
                channels.set(i, channels.set(j, channels.get(i)));
            }
            channels = List.copyOf(channels.subList(0, count));
            List<Optional<ContactCondition>> conditions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                conditions.add(
                        random.nextInt(4) == 0 ? Optional.of(ContactCondition.hasFlag("vip")) : Optional.empty());
            }
            Optional<Duration> fallbackAfter =
                    random.nextBoolean() ? Optional.of(Duration.ofMinutes(1 + random.nextInt(20))) : Optional.empty();
            Pace pace = Pace.perSecond(1 + random.nextInt(20)).withBurst(random.nextInt(4));
            List<Contact> contacts = new ArrayList<>();
            for (int i = 0; i < 3 + random.nextInt(25); i++) {
                int number = index * 1000 + i;
                Contact.Builder contact = Contact.builder(PhoneNumber.parse(Fixtures.phone(number)))
                        .name("Contact " + number);
                if (random.nextBoolean()) {
                    contact.tag("vip");
                }
                contacts.add(contact.build());
                for (int channel : channels) {
                    script(CHANNELS.get(channel), Fixtures.phone(number));
                }
            }
            List<ChannelBinding> bindings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SenderKey sender = SenderKey.of(CHANNELS.get(channels.get(i)), "sender-" + index);
                TemplateMessage message = i == 0
                        ? Fixtures.HELLO
                        : TemplateMessage.of(InlineTemplate.of("Hola {{1}}"), Binding.contactName("cliente"));
                ChannelBinding binding = ChannelBinding.of(sender, message);
                bindings.add(conditions.get(i).map(binding::onlyFor).orElse(binding));
            }
            CampaignId id =
                    scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(config -> {
                        config.channels(bindings)
                                .deliveryPlan(DeliveryPlan.custom().pace(pace).build());
                        fallbackAfter.ifPresent(config::fallbackAfter);
                    }));
            scenario.launch(id, contacts);
            return new Plan(id, channels, conditions, fallbackAfter, pace, List.copyOf(contacts));
        }

        private void script(String channel, String phone) {
            Answer answer = Answer.values()[random.nextInt(Answer.values().length)];
            answers.computeIfAbsent(channel, c -> new HashMap<>()).put(phone, answer);
            Outcome outcome = switch (answer) {
                case DELIVERED -> Outcome.accepted().deliveredAfter(Duration.ofSeconds(1 + random.nextInt(50)));
                case NOT_ON_CHANNEL_AT_ONCE -> Outcome.failing(NOT_ON_CHANNEL);
                case NOT_ON_CHANNEL_LATER ->
                    Outcome.accepted().failsAfter(Duration.ofSeconds(1 + random.nextInt(50)), NOT_ON_CHANNEL);
                case NEVER_DELIVERED -> Outcome.accepted();
                case DELIVERED_LATE -> Outcome.accepted().deliveredAfter(Duration.ofMinutes(30 + random.nextInt(30)));
                case REFUSED -> Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT);
            };
            scenario.channel(channel).scriptNumber(phone, outcome);
        }

        /** No channel sends a contact twice; the pace of each campaign holds across its channels. */
        private void checkSends() {
            for (Plan plan : plans) {
                List<Instant> times = new ArrayList<>();
                for (int channel : plan.channels()) {
                    for (Contact contact : plan.contacts()) {
                        List<RecordedSend> sends = scenario.channel(CHANNELS.get(channel))
                                .sendsTo(contact.phone().e164());
                        assertThat(sends)
                                .as("sends of %s to %s on %s", plan.id(), contact.phone(), CHANNELS.get(channel))
                                .hasSizeLessThanOrEqualTo(1);
                        sends.forEach(send -> times.add(send.requestedAt()));
                    }
                }
                times.sort(null);
                Pace pace = plan.pace();
                for (int i = 0; i < times.size(); i++) {
                    Instant start = times.get(i).minus(pace.per().length());
                    long inWindow = times.subList(0, i + 1).stream()
                            .filter(at -> at.isAfter(start))
                            .count();
                    assertThat(inWindow)
                            .as(
                                    "sends of %s across its channels in the window ending %s at %s",
                                    plan.id(), times.get(i), pace)
                            .isLessThanOrEqualTo((long) pace.messages() + pace.burst());
                }
            }
        }

        private void checkOutcome(Plan plan) {
            CampaignMetrics metrics = scenario.metrics(plan.id());
            assertThat(metrics.audience())
                    .as("audience of %s", plan.id())
                    .isEqualTo(plan.contacts().size());
            assertThat(metrics.sent())
                    .as("sent of %s counts each contact once", plan.id())
                    .isLessThanOrEqualTo(plan.contacts().size());
            assertThat(metrics.pending() + metrics.sending())
                    .as("%s left unsent", plan.id())
                    .isZero();
            for (Contact contact : plan.contacts()) {
                String phone = contact.phone().e164();
                Recipient recipient = scenario.recipient(plan.id(), phone);
                int arrived = 0;
                for (int channel : plan.channels()) {
                    boolean sent = !scenario.channel(CHANNELS.get(channel))
                            .sendsTo(phone)
                            .isEmpty();
                    if (sent && answers.get(CHANNELS.get(channel)).get(phone).mayArrive()) {
                        arrived++;
                    }
                }
                if (plan.fallbackAfter().isEmpty()) {
                    assertThat(arrived)
                            .as("%s got the message of %s on %d channels without asking", phone, plan.id(), arrived)
                            .isLessThanOrEqualTo(1);
                }
                Optional<Integer> expected = expectedBinding(plan, contact);
                if (expected.isEmpty()) {
                    assertThat(recipient.state())
                            .as("%s, reached by no channel", phone)
                            .isEqualTo(DeliveryState.SKIPPED);
                    continue;
                }
                assertThat(recipient.binding())
                        .as("the binding %s ends on in %s (%s)", phone, plan.id(), recipient.earlierAttempts())
                        .isEqualTo(expected.get());
                Answer last = answers.get(CHANNELS.get(plan.channels().get(expected.get())))
                        .get(phone);
                DeliveryState state = recipient.state();
                switch (last) {
                    case DELIVERED, DELIVERED_LATE ->
                        assertThat(state).as(phone).isEqualTo(DeliveryState.DELIVERED);
                    case NEVER_DELIVERED -> assertThat(state).as(phone).isEqualTo(DeliveryState.SENT);
                    case REFUSED, NOT_ON_CHANNEL_AT_ONCE, NOT_ON_CHANNEL_LATER ->
                        assertThat(state).as(phone).isEqualTo(DeliveryState.FAILED);
                }
                assertThat(recipient.earlierAttempts())
                        .as("earlier attempts of %s", phone)
                        .allSatisfy(attempt -> assertThat(attempt.binding()).isLessThan(expected.get()));
            }
        }

        /**
         * The rules' answer: the first binding that reaches the contact, then the next reachable one
         * while the channel said "not on this channel", or, with a timed fallback, while the message was
         * not delivered within it (a late delivery comes after any fallbackAfter this run draws).
         */
        private Optional<Integer> expectedBinding(Plan plan, Contact contact) {
            int current = nextReaching(plan, contact, 0);
            if (current < 0) {
                return Optional.empty();
            }
            while (true) {
                Answer answer = answers.get(CHANNELS.get(plan.channels().get(current)))
                        .get(contact.phone().e164());
                boolean moves = answer.notOnChannel()
                        || (plan.fallbackAfter().isPresent()
                                && (answer == Answer.NEVER_DELIVERED || answer == Answer.DELIVERED_LATE));
                int next = moves ? nextReaching(plan, contact, current + 1) : -1;
                if (next < 0) {
                    return Optional.of(current);
                }
                current = next;
            }
        }

        private static int nextReaching(Plan plan, Contact contact, int from) {
            for (int i = from; i < plan.channels().size(); i++) {
                if (plan.conditions()
                        .get(i)
                        .map(condition -> condition.matches(contact))
                        .orElse(true)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
