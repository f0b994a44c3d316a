package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.OutcomeMix;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.hours.ZonedHours;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientKey;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The deterministic simulation's part for recipient zones (issue 17, item 3): random local-hours
 * campaigns over contacts in many zones (by their numbers, a US area code spanning zones, or a custom-data
 * zone field), random hours, paces, channel answers with retries, pauses and replies, driven by the
 * manual clock. The invariant: with local hours on, no message goes out (first message or retry) and no
 * reply reaches the bot outside the recipient's own window; and every recipient whose window opens is
 * sent. Kept apart from {@link EngineSimulationProperties}, whose checks read the hours in their zone.
 */
class LocalHoursSimulationProperties {

    private static final Instant WEEK_START = Instant.parse("2026-01-05T00:00:00Z");
    private static final List<String> PHONES = List.of(
            LocalHoursScenarioTest.MEXICO_CITY,
            LocalHoursScenarioTest.MADRID,
            LocalHoursScenarioTest.TOKYO,
            LocalHoursScenarioTest.US_SPLIT,
            "+525510000011",
            "+34911234568",
            "+81312345679",
            "+16053317891",
            "+442079460000",
            "+61291234567",
            "+12125550123",
            "+5215512345670");
    private static final List<String> FIELD_ZONES = List.of(
            "Pacific/Auckland",
            "America/Los_Angeles",
            "Asia/Kolkata",
            "Europe/Madrid",
            "America/Sao_Paulo",
            "Asia/Tokyo");
    private static final CustomDataSchema ZONE_FIELD =
            CustomDataSchema.custom().optional("ZONA", FieldType.TEXT).build();

    @Property(tries = 40)
    void noMessageLeavesOrReachesTheBotOutsideTheRecipientsLocalWindow(@ForAll long seed) {
        try {
            new Simulation(seed).run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(
                    "local-hours simulation failed; replay with seed " + seed + ": " + failure.getMessage(), failure);
        }
    }

    private static final class Simulation {
        private final Random random;
        private final CampaignScenario scenario;
        private final RecordingBot bot = new RecordingBot();
        private final Map<CampaignId, ActiveHours> hours = new HashMap<>();
        private final Map<String, RecipientZone> zones = new HashMap<>();
        private final List<Contact> pool = new ArrayList<>();
        private final List<CampaignId> campaigns = new ArrayList<>();
        private int checkedSends;
        private int checkedReplies;

        Simulation(long seed) {
            this.random = new Random(seed);
            OutcomeMix mix = OutcomeMix.seeded(random.nextLong())
                    .with(4, Outcome.delivered(Duration.ofSeconds(1)))
                    .with(1, Outcome.failing(SendErrorClass.TRANSIENT))
                    .with(0.5, Outcome.failing(SendErrorClass.RATE_LIMITED));
            this.scenario = CampaignScenario.custom()
                    .startingAt(WEEK_START.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60))))
                    .outcomeMix(mix)
                    .bot(Fixtures.BOT, bot)
                    .seed(random.nextLong())
                    .engine(engine -> engine.phoneTimeZones(TestZones.MAPPER))
                    .retryPolicy(RetryPolicy.custom()
                            .maxAttempts(1 + random.nextInt(3))
                            .initialBackoff(Duration.ofMinutes(1 + random.nextInt(4)))
                            .build())
                    .build();
            for (String phone : PHONES) {
                Contact contact = Contact.builder(PhoneNumber.parse(phone))
                        .name("Contact " + phone)
                        .build();
                if (random.nextInt(4) == 0) {
                    String zone = FIELD_ZONES.get(random.nextInt(FIELD_ZONES.size()));
                    contact = contact.withCustomData(ZONE_FIELD.parse(Map.of("ZONA", zone)));
                    zones.put(contact.phone().e164(), RecipientZone.of(ZoneId.of(zone)));
                } else {
                    zones.put(contact.phone().e164(), new RecipientZone(TestZones.zonesOf(contact.phone())));
                }
                pool.add(contact);
            }
        }

        void run() {
            scenario.afterEachStep(this::checkInvariants);
            int campaignCount = 1 + random.nextInt(2);
            for (int i = 0; i < campaignCount; i++) {
                createAndLaunch();
            }
            Instant begin = scenario.clock().instant();
            List<Integer> moments = new ArrayList<>();
            for (int i = 0; i < 6 + random.nextInt(8); i++) {
                moments.add(random.nextInt(2 * 24 * 3600));
            }
            moments.sort(null);
            for (int moment : moments) {
                scenario.runUntil(begin.plusSeconds(moment));
                act();
            }
            for (CampaignId id : campaigns) {
                if (scenario.campaign(id).dispatch().orElse(null)
                        instanceof io.campaignkit.core.campaign.DispatchState.Paused) {
                    scenario.engine().resume(id);
                }
            }
            scenario.runFor(Duration.ofDays(4)); // every window opens again meanwhile, retries included
            for (CampaignId id : campaigns) {
                var counts = scenario.store().counts(id);
                assertThat(counts.count(DeliveryState.PENDING) + counts.count(DeliveryState.SENDING))
                        .as("recipients of %s left unsent though their windows opened", id)
                        .isZero();
            }
        }

        private void createAndLaunch() {
            ActiveHours schedule = randomHours();
            Pace pace = random.nextBoolean()
                    ? Pace.perSecond(1 + random.nextInt(5))
                    : Pace.perHour(2 + random.nextInt(60)).withBurst(random.nextInt(3));
            LocalHours local = random.nextBoolean() ? LocalHours.fromField("ZONA") : LocalHours.fromPhoneNumbers();
            CampaignId id = scenario.createCampaign(
                    CampaignKind.LIVE,
                    Fixtures.basic(pace)
                            .andThen(c -> c.activeHours(schedule)
                                    .schema(ZONE_FIELD)
                                    .localHours(local)
                                    .outOfHoursPolicy(OutOfHoursPolicy.queue())));
            List<Contact> audience = new ArrayList<>();
            for (Contact contact : pool) {
                if (random.nextInt(10) < 7) {
                    // without the field setting, a contact's zone field is ignored: its number decides
                    audience.add(
                            local.zoneField().isPresent()
                                    ? contact
                                    : contact.withCustomData(io.campaignkit.core.data.CustomData.empty()));
                }
            }
            if (audience.isEmpty()) {
                audience.add(pool.get(0));
            }
            scenario.launch(id, audience);
            campaigns.add(id);
            hours.put(id, schedule);
        }

        private ActiveHours randomHours() {
            int from = random.nextInt(20);
            int to = from + 2 + random.nextInt(Math.min(12, 22 - from));
            ActiveHours.Builder builder = ActiveHours.builder(ZoneOffset.UTC);
            if (random.nextBoolean()) {
                builder.everyDay(LocalTime.of(from, 0), LocalTime.of(to, random.nextBoolean() ? 0 : 30));
            } else {
                builder.on(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                        LocalTime.of(from, 0),
                        LocalTime.of(to, 0));
            }
            return builder.build();
        }

        private void act() {
            CampaignId id = campaigns.get(random.nextInt(campaigns.size()));
            try {
                switch (random.nextInt(3)) {
                    case 0 -> scenario.engine().pause(id);
                    case 1 -> scenario.engine().resume(id);
                    default ->
                        scenario.inbound(
                                pool.get(random.nextInt(pool.size())).phone().e164(), "hola");
                }
            } catch (CampaignKitException refusedInThisState) {
                // pausing a paused campaign, resuming a running one: refused, as it should be
            }
        }

        /** Which campaign holds a recipient: the one whose correlation id the send carries. */
        private CampaignId campaignOf(RecordedSend send) {
            for (CampaignId id : campaigns) {
                if (new RecipientKey(id, PhoneNumber.parse(send.message().recipient()))
                        .correlationId()
                        .equals(send.message().correlationId())) {
                    return id;
                }
            }
            throw new AssertionError(
                    "a send to an unknown recipient " + send.message().correlationId());
        }

        private ZonedHours windowOf(CampaignId id, String phone) {
            boolean byField = scenario.campaign(id)
                    .configuration()
                    .localHours()
                    .orElseThrow()
                    .zoneField()
                    .isPresent();
            RecipientZone zone =
                    byField ? zones.get(phone) : new RecipientZone(TestZones.zonesOf(PhoneNumber.parse(phone)));
            return ZonedHours.of(hours.get(id), zone);
        }

        private void checkInvariants() {
            List<RecordedSend> sends = scenario.channel().sends();
            for (int i = checkedSends; i < sends.size(); i++) {
                RecordedSend send = sends.get(i);
                if (!(send.message().content() instanceof TemplateContent)) {
                    continue; // a bot's reply, inside the conversation's window
                }
                CampaignId id = campaignOf(send);
                assertThat(windowOf(id, send.message().recipient()).isOpenAt(send.requestedAt()))
                        .as(
                                "send to %s at %s outside its local window (%s)",
                                send.message().recipient(),
                                send.requestedAt(),
                                hours.get(id).toText())
                        .isTrue();
            }
            checkedSends = sends.size();
            List<RecordingBot.Received> received = bot.received();
            Instant now = scenario.clock().instant();
            for (int i = checkedReplies; i < received.size(); i++) {
                RecordingBot.Received reply = received.get(i);
                String phone = reply.context().contact().phone().e164();
                assertThat(windowOf(reply.context().campaignId(), phone).isOpenAt(now))
                        .as("reply of %s reached the bot at %s outside its local window", phone, now)
                        .isTrue();
            }
            checkedReplies = received.size();
            for (CampaignId id : campaigns) {
                assertThat(scenario.campaign(id).state()).isNotEqualTo(CampaignState.FINISHED);
            }
        }
    }
}
