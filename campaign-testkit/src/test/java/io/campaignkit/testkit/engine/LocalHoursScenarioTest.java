package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.contact.PhoneTimeZones;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.hours.ZonedHours;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 3: a campaign's hours read on each recipient's own clock. Contacts in Mexico City, Madrid
 * and Tokyo (zones from their numbers, by a prefix mapper: {@link TestZones}), a US number whose area code spans two
 * zones, and a custom-data zone field; the manual clock drives the engine through the day.
 */
class LocalHoursScenarioTest {

    /** Monday 04:00 UTC: 13:00 in Tokyo (open), 05:00 in Madrid, 22:00 (Sunday) in Mexico City. */
    private static final Instant LAUNCH = Instant.parse("2026-01-05T04:00:00Z");

    private static final ActiveHours DAILY = ActiveHours.parse("MON-SUN 08:00-21:00", ZoneOffset.UTC);

    static final String MEXICO_CITY = "+525510000001";
    static final String MADRID = "+34911234567";
    static final String TOKYO = "+81312345678";
    /** An area code of South Dakota, split between Central and Mountain time. */
    static final String US_SPLIT = "+16053317890";

    private static final ZoneId CDMX = ZoneId.of("America/Mexico_City");
    private static final ZoneId EUROPE_MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId ASIA_TOKYO = ZoneId.of("Asia/Tokyo");

    private static final CustomDataSchema ZONE_FIELD =
            CustomDataSchema.custom().optional("ZONA", FieldType.TEXT).build();

    private static Contact contact(String phone) {
        return Contact.builder(PhoneNumber.parse(phone))
                .name("Contact " + phone)
                .build();
    }

    private static Contact withZone(String phone, String zone) {
        return contact(phone).withCustomData(ZONE_FIELD.parse(Map.of("ZONA", zone)));
    }

    private static List<Contact> numbered(String prefix, int count) {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(contact(prefix + i));
        }
        return contacts;
    }

    /** Madrid and Tokyo both open: a sender's burst of ten, launch batches of {@code batchSize}. */
    private static CampaignScenario bothOpen(int batchSize) {
        return Fixtures.scenario()
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER).senderBurst(10).batchSize(batchSize))
                .startingAt(BOTH_OPEN)
                .build();
    }

    /** {@code first}'s and {@code second}'s contacts in turns, {@code first}'s first. */
    private static List<Contact> alternating(List<Contact> first, List<Contact> second) {
        List<Contact> audience = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            audience.add(first.get(i));
            audience.add(second.get(i));
        }
        return audience;
    }

    private static CampaignId localCampaign(CampaignScenario scenario, ActiveHours hours, Pace pace) {
        return scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(pace)
                        .andThen(
                                c -> c.activeHours(hours).schema(ZONE_FIELD).localHours(LocalHours.fromField("ZONA"))));
    }

    /** The window a send's recipient has: its zone field, else its number's zones. */
    private static ZonedHours windowOf(RecordedSend send, ActiveHours hours, Map<String, ZoneId> fieldZones) {
        PhoneNumber phone = PhoneNumber.parse(send.message().recipient());
        ZoneId field = fieldZones.get(phone.e164());
        return ZonedHours.of(
                hours, field != null ? RecipientZone.of(field) : new RecipientZone(TestZones.zonesOf(phone)));
    }

    private static Instant firstSendTo(CampaignScenario scenario, String phone) {
        return scenario.channel().sendsTo(phone).get(0).requestedAt();
    }

    @Test
    void theNumbersOfTheScenarioLieInTheirZones() {
        PhoneTimeZones zones = TestZones.MAPPER;
        assertThat(zones.zonesOf(PhoneNumber.parse(MEXICO_CITY))).containsExactly(CDMX);
        assertThat(zones.zonesOf(PhoneNumber.parse(MADRID))).containsExactly(EUROPE_MADRID);
        assertThat(zones.zonesOf(PhoneNumber.parse(TOKYO))).containsExactly(ASIA_TOKYO);
        assertThat(zones.zonesOf(PhoneNumber.parse(US_SPLIT))).hasSizeGreaterThan(1);
    }

    @Test
    void eachRecipientIsSentWhenItsOwnWindowOpensAndNeverOutsideIt() {
        CampaignScenario scenario = Fixtures.scenario()
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .startingAt(LAUNCH)
                .build();
        CampaignId id = localCampaign(scenario, DAILY, Pace.perSecond(1));
        scenario.launch(
                id,
                List.of(
                        contact(MEXICO_CITY),
                        contact(MADRID),
                        contact(TOKYO),
                        contact(US_SPLIT),
                        withZone("+525510000002", "Asia/Tokyo"),
                        withZone("+525510000003", " ")));
        scenario.runFor(Duration.ofHours(24));

        assertThat(scenario.channel().sends()).hasSize(6);
        Map<String, ZoneId> fields = Map.of("+525510000002", ASIA_TOKYO);
        assertThat(scenario.channel().sends())
                .allSatisfy(send -> assertThat(windowOf(send, DAILY, fields).isOpenAt(send.requestedAt()))
                        .as(send.message().recipient())
                        .isTrue());
        // Tokyo is open at the launch: its two recipients first (one by its number, one by its zone field)
        assertThat(scenario.channel().sends().subList(0, 2))
                .extracting(send -> send.message().recipient())
                .containsExactlyInAnyOrder(TOKYO, "+525510000002");
        assertThat(firstSendTo(scenario, TOKYO)).isBefore(LAUNCH.plusSeconds(5));
        // then each at its own opening, to the second: the engine slept until then
        assertThat(firstSendTo(scenario, MADRID)).isEqualTo(Instant.parse("2026-01-05T07:00:00Z"));
        assertThat(firstSendTo(scenario, MEXICO_CITY)).isEqualTo(Instant.parse("2026-01-05T14:00:00Z"));
        // a blank zone field falls back to the number
        assertThat(firstSendTo(scenario, "+525510000003"))
                .isBetween(Instant.parse("2026-01-05T14:00:00Z"), Instant.parse("2026-01-05T14:00:05Z"));
        // the US number spans zones: sent when every one of them is open, the latest opening of the day
        ZonedHours split = ZonedHours.of(DAILY, new RecipientZone(TestZones.zonesOf(PhoneNumber.parse(US_SPLIT))));
        assertThat(firstSendTo(scenario, US_SPLIT))
                .isEqualTo(split.nextOpening(LAUNCH).orElseThrow());
        assertThat(scenario.metrics(id).pending()).isZero();
    }

    @Test
    void aCampaignSpanningZonesKeepsSendingAsWindowsOpenAndClose() {
        CampaignScenario scenario = Fixtures.scenario()
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .startingAt(Instant.parse("2026-01-05T10:00:00Z"))
                .build();
        CampaignId id = localCampaign(scenario, DAILY, Pace.perHour(4));
        // Tokyo closes at 12:00Z with most of its 10 left; Madrid (open 07:00Z-20:00Z) goes on meanwhile
        List<Contact> audience = new ArrayList<>(numbered("+8131234560", 10));
        audience.addAll(numbered("+3491123456", 10));
        scenario.launch(id, audience);
        scenario.runFor(Duration.ofDays(3));

        List<RecordedSend> sends = scenario.channel().sends();
        assertThat(sends).hasSize(20);
        assertThat(sends)
                .allSatisfy(send -> assertThat(windowOf(send, DAILY, Map.of()).isOpenAt(send.requestedAt()))
                        .as(send.message().recipient())
                        .isTrue());
        List<Instant> tokyo = sends.stream()
                .filter(send -> send.message().recipient().startsWith("+81"))
                .map(RecordedSend::requestedAt)
                .toList();
        assertThat(tokyo)
                .filteredOn(at -> at.isBefore(Instant.parse("2026-01-05T12:00:00Z")))
                .isNotEmpty();
        assertThat(tokyo)
                .filteredOn(at -> !at.isBefore(Instant.parse("2026-01-05T23:00:00Z")))
                .isNotEmpty();
        assertThat(sends.stream()
                        .filter(send -> send.message().recipient().startsWith("+34"))
                        .map(RecordedSend::requestedAt))
                .anySatisfy(at -> assertThat(at)
                        .isBetween(Instant.parse("2026-01-05T12:00:00Z"), Instant.parse("2026-01-05T20:00:00Z")));
        // one pace for the whole campaign, whichever zone: at most one send a quarter hour plus the burst
        assertThat(SendWindows.maxInAnyWindow(
                        sends.stream().map(RecordedSend::requestedAt).toList(), Duration.ofMinutes(15)))
                .isLessThanOrEqualTo(1 + Pace.perHour(4).burst());
    }

    @Test
    void anInvalidZoneFieldOrHoursThatNeverOverlapSkipTheContactWithTheReason() {
        CampaignScenario scenario = Fixtures.scenario()
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .startingAt(LAUNCH)
                .build();
        ActiveHours halfHour = ActiveHours.parse("MON-SUN 08:00-08:30", ZoneOffset.UTC);
        CampaignId id = localCampaign(scenario, halfHour, Pace.perSecond(1));
        scenario.launch(id, List.of(withZone(MEXICO_CITY, "Mars/Olympus"), contact(US_SPLIT), contact(MADRID)));
        scenario.runFor(Duration.ofHours(24));

        assertThat(scenario.recipient(id, MEXICO_CITY).outcome()).hasValueSatisfying(reason -> {
            assertThat(reason.code()).isEqualTo(SkipReasons.INVALID_LOCAL_ZONE);
            assertThat(reason.message()).contains("ZONA", "Mars/Olympus");
        });
        assertThat(scenario.recipient(id, US_SPLIT).state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(scenario.recipient(id, US_SPLIT).outcome().orElseThrow().code())
                .isEqualTo(SkipReasons.NO_LOCAL_WINDOW);
        assertThat(scenario.channel().sends())
                .extracting(send -> send.message().recipient())
                .containsExactly(MADRID);
    }

    @Test
    void theDryRunProjectsEachZoneAndTheRunFollowsIt() {
        CampaignScenario scenario = Fixtures.scenario()
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .startingAt(LAUNCH)
                .build();
        CampaignId id = localCampaign(scenario, DAILY, Pace.perSecond(1));
        List<Contact> audience = List.of(
                contact(MEXICO_CITY),
                contact(MADRID),
                contact(TOKYO),
                withZone("+525510000002", "Asia/Tokyo"),
                withZone("+525510000004", "Nowhere/Else"));
        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(audience));

        assertThat(plan.wouldSend()).isEqualTo(4);
        assertThat(plan.skipped()).containsEntry(SkipReasons.INVALID_LOCAL_ZONE, 1L);
        assertThat(plan.perZone()).containsOnlyKeys("America/Mexico_City", "Europe/Madrid", "Asia/Tokyo");
        assertThat(plan.perZone().get("Asia/Tokyo").wouldSend()).isEqualTo(2);
        assertThat(plan.perZone().get("Europe/Madrid").projectedStart())
                .contains(Instant.parse("2026-01-05T07:00:00Z"));
        assertThat(plan.perZone().get("America/Mexico_City").projectedFinish())
                .contains(Instant.parse("2026-01-05T14:00:00Z"));
        assertThat(plan.projectedStart()).contains(LAUNCH);
        assertThat(plan.projectedFinish()).contains(Instant.parse("2026-01-05T14:00:00Z"));
        assertThat(scenario.channel().sends()).isEmpty();

        scenario.launch(id, audience);
        scenario.runFor(Duration.ofHours(24));
        assertThat(firstSendTo(scenario, MADRID))
                .isEqualTo(plan.perZone().get("Europe/Madrid").projectedStart().orElseThrow());
        Instant lastSend = scenario.channel()
                .sends()
                .get(scenario.channel().sends().size() - 1)
                .requestedAt();
        assertThat(lastSend).isEqualTo(plan.projectedFinish().orElseThrow());
    }

    @Test
    void repliesOutsideTheContactsOwnHoursWaitForItsWindow() {
        RecordingBot bot = new RecordingBot();
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(Instant.parse("2026-01-05T07:30:00Z"))
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .bot(Fixtures.BOT, bot)
                .build();
        // the hours' own zone is Tokyo, where it is 16:30 and open: the Madrid contact's clock decides instead
        ActiveHours tokyoHours = DAILY.withZone(ASIA_TOKYO);
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(Pace.perSecond(1))
                        .andThen(c -> c.activeHours(tokyoHours).localHours(LocalHours.fromPhoneNumbers())));
        scenario.launch(id, List.of(contact(MADRID), contact(MEXICO_CITY)));
        scenario.runUntil(Instant.parse("2026-01-05T14:00:05Z")); // both sent
        assertThat(scenario.channel().sends()).hasSize(2);

        scenario.runUntil(Instant.parse("2026-01-05T21:00:00Z")); // 22:00 in Madrid (closed), 15:00 in Mexico City
        scenario.inbound(MADRID, "¿cuánto debo?");
        scenario.inbound(MEXICO_CITY, "hola");
        assertThat(bot.received())
                .extracting(received -> received.context().contact().phone().e164())
                .containsExactly(MEXICO_CITY);

        scenario.runUntil(Instant.parse("2026-01-06T06:59:00Z"));
        assertThat(bot.received()).hasSize(1);
        scenario.runUntil(Instant.parse("2026-01-06T07:00:01Z")); // 08:00 in Madrid
        assertThat(bot.received()).hasSize(2);
        assertThat(bot.received().get(1).message().queued()).isTrue();
        assertThat(bot.received().get(1).context().contact().phone().e164()).isEqualTo(MADRID);
    }

    @Test
    void aDrainAtOneContactsOpeningLeavesAContactWhoseWindowIsStillClosedQueued() {
        RecordingBot bot = new RecordingBot();
        CampaignScenario scenario = madridAndTokyoSent(bot);

        scenario.runUntil(Instant.parse("2026-01-05T21:00:00Z")); // 22:00 in Madrid, 06:00 in Tokyo: both closed
        scenario.inbound(MADRID, "a");
        scenario.runUntil(Instant.parse("2026-01-05T21:30:00Z"));
        scenario.inbound(TOKYO, "b");
        assertThat(bot.received()).isEmpty();

        // 08:00 in Tokyo: the queue is drained for Tokyo's contact; Madrid's is still in its night
        scenario.runUntil(Instant.parse("2026-01-05T23:00:01Z"));
        assertThat(bot.received())
                .extracting(received -> received.context().contact().phone().e164())
                .containsExactly(TOKYO);
        scenario.runUntil(Instant.parse("2026-01-06T06:59:00Z"));
        assertThat(bot.received()).hasSize(1);
        scenario.runUntil(Instant.parse("2026-01-06T07:00:01Z")); // 08:00 in Madrid
        assertThat(bot.received())
                .extracting(received -> received.message().text().orElseThrow())
                .containsExactly("b", "a");
    }

    @Test
    void aContactsNextReplyGoesToTheBotOnceTheEarlierIsAcknowledgedThoughTheHoursOwnZoneIsClosed() {
        RecordingBot bot = new RecordingBot();
        java.util.Queue<Runnable> callbacks = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // 15:00Z: midnight in Tokyo, the hours' own zone (closed); 16:00 in Madrid, the contact's (open)
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(Instant.parse("2026-01-05T15:00:00Z"))
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER).callbackExecutor(callbacks::add))
                .bot(Fixtures.BOT, bot)
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(Pace.perSecond(1))
                        .andThen(c ->
                                c.activeHours(DAILY.withZone(ASIA_TOKYO)).localHours(LocalHours.fromPhoneNumbers())));
        scenario.launch(id, List.of(contact(MADRID)));
        scenario.runFor(Duration.ofSeconds(5));
        runAll(callbacks);
        assertThat(scenario.channel().sendsTo(MADRID)).hasSize(1);

        scenario.inbound(MADRID, "uno");
        scenario.inbound(MADRID, "dos"); // queued behind the first, which is on its way to the bot
        assertThat(bot.received()).isEmpty();
        runAll(callbacks); // the first's acknowledgement hands over the second, with no engine run between
        assertThat(bot.received())
                .extracting(received -> received.message().text().orElseThrow())
                .containsExactly("uno", "dos");
    }

    @Test
    void aReplyArrivingAtTheOpeningWaitsBehindTheContactsEarlierReplyStillHeld() {
        RecordingBot bot = new RecordingBot();
        CampaignScenario scenario = madridAndTokyoSent(bot);

        // 07:59:50 in Madrid (closed), 15:59:50 in Tokyo (open): a drain hands Tokyo's reply over and holds
        // Madrid's under its lease, which runs past Madrid's opening
        scenario.runUntil(Instant.parse("2026-01-06T06:59:50Z"));
        scenario.inbound(MADRID, "uno");
        scenario.inbound(TOKYO, "b");
        scenario.runFor(Duration.ofSeconds(1));
        assertThat(texts(bot)).containsExactly("b");

        // 08:00:05 in Madrid: open, and "uno" still under the lease that holds it: "dos" waits behind it
        scenario.runUntil(Instant.parse("2026-01-06T07:00:05Z"));
        scenario.inbound(MADRID, "dos");
        scenario.runFor(Duration.ofSeconds(1));
        assertThat(texts(bot)).containsExactly("b");

        scenario.runFor(CampaignEngine.DEFAULT_LEASE_DURATION);
        assertThat(texts(bot)).containsExactly("b", "uno", "dos");
    }

    /** Monday 08:30 in Madrid, 16:30 in Tokyo: a contact in each, sent under daily hours on their own clocks. */
    private static CampaignScenario madridAndTokyoSent(RecordingBot bot) {
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(Instant.parse("2026-01-05T07:30:00Z"))
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .bot(Fixtures.BOT, bot)
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(Pace.perSecond(1))
                        .andThen(c -> c.activeHours(DAILY).localHours(LocalHours.fromPhoneNumbers())));
        scenario.launch(id, List.of(contact(MADRID), contact(TOKYO)));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sends()).hasSize(2);
        return scenario;
    }

    private static List<String> texts(RecordingBot bot) {
        return bot.received().stream()
                .map(received -> received.message().text().orElseThrow())
                .toList();
    }

    private static void runAll(java.util.Queue<Runnable> callbacks) {
        for (Runnable next = callbacks.poll(); next != null; next = callbacks.poll()) {
            next.run();
        }
    }

    /** Monday 07:00 UTC: 08:00 in Madrid and 16:00 in Tokyo (both open). */
    private static final Instant BOTH_OPEN = Instant.parse("2026-01-05T07:00:00Z");

    @Test
    void zonesOpenAtOnceShareEachClaimInTheAudiencesOrderAndTheDryRunProjectsThat() {
        // launch batches of two, one contact of each zone: the launch's order is the audience's
        CampaignScenario scenario = bothOpen(2);
        CampaignId id = localCampaign(scenario, DAILY, Pace.perSecond(10).withBurst(10));
        // launched mixed: Tokyo's key sorts first, so claimed zone by zone its ten would take the whole first grant
        List<Contact> tokyo = numbered("+8131234560", 10);
        List<Contact> madrid = numbered("+3491123456", 10);
        List<Contact> audience = alternating(tokyo, madrid);
        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(audience));
        assertThat(plan.perZone().get("Asia/Tokyo").projectedStart()).contains(BOTH_OPEN);
        assertThat(plan.perZone().get("Europe/Madrid").projectedStart()).contains(BOTH_OPEN);

        scenario.launch(id, audience);
        scenario.runUntil(BOTH_OPEN);

        // the first grant (the burst and more) is one claim across both zones, in the audience's order
        List<RecordedSend> first = scenario.channel().sends();
        assertThat(first)
                .hasSizeGreaterThan(2)
                .allSatisfy(send -> assertThat(send.requestedAt()).isEqualTo(BOTH_OPEN));
        scenario.runFor(Duration.ofMinutes(5));
        assertThat(scenario.channel().sends())
                .extracting(send -> send.message().recipient())
                .containsExactlyElementsOf(
                        audience.stream().map(contact -> contact.phone().e164()).toList());
        assertThat(scenario.channel().sendsTo("+34911234569").get(0).requestedAt())
                .isEqualTo(plan.perZone().get("Europe/Madrid").projectedFinish().orElseThrow());
        assertThat(scenario.channel().sendsTo("+81312345609").get(0).requestedAt())
                .isEqualTo(plan.perZone().get("Asia/Tokyo").projectedFinish().orElseThrow());
    }

    @Test
    void aLaunchBatchIsStoredZoneByZoneInTheAudiencesOrderWithinEachZoneAsTheDryRunProjects() {
        CampaignScenario scenario = bothOpen(8);
        CampaignId id = localCampaign(scenario, DAILY, Pace.perSecond(10).withBurst(10));
        // Madrid first, then alternating: batches of eight, each stored Madrid's four then Tokyo's four
        List<Contact> madrid = numbered("+3491123456", 10);
        List<Contact> tokyo = numbered("+8131234560", 10);
        List<Contact> audience = alternating(madrid, tokyo);
        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(audience));

        scenario.launch(id, audience);
        scenario.runFor(Duration.ofMinutes(5));

        List<String> expected = new ArrayList<>();
        for (int from = 0; from < 20; from += 8) {
            List<Contact> batch = audience.subList(from, Math.min(20, from + 8));
            batch.stream()
                    .filter(madrid::contains)
                    .forEach(contact -> expected.add(contact.phone().e164()));
            batch.stream()
                    .filter(tokyo::contains)
                    .forEach(contact -> expected.add(contact.phone().e164()));
        }
        assertThat(scenario.channel().sends())
                .extracting(send -> send.message().recipient())
                .containsExactlyElementsOf(expected);
        // the last batch (four contacts) is stored Madrid's two, then Tokyo's two: Tokyo's last is the last sent
        assertThat(firstSendTo(scenario, "+34911234569"))
                .isEqualTo(plan.perZone().get("Europe/Madrid").projectedFinish().orElseThrow());
        assertThat(firstSendTo(scenario, "+81312345609"))
                .isEqualTo(plan.perZone().get("Asia/Tokyo").projectedFinish().orElseThrow());
        assertThat(firstSendTo(scenario, "+81312345607"))
                .as("Tokyo's eighth, stored behind Madrid's eighth in the second batch")
                .isAfter(firstSendTo(scenario, "+34911234567"));
    }

    @Test
    void zonesOpenAtOnceWithTheAudienceInBlocksAreSentBlockByBlockAsTheDryRunProjects() {
        CampaignScenario scenario = bothOpen(CampaignEngine.DEFAULT_BATCH_SIZE);
        CampaignId id = localCampaign(scenario, DAILY, Pace.perSecond(10).withBurst(10));
        List<Contact> audience = new ArrayList<>(numbered("+3491123456", 10));
        audience.addAll(numbered("+8131234560", 10));
        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(audience));
        Instant madridDone =
                plan.perZone().get("Europe/Madrid").projectedFinish().orElseThrow();
        Instant tokyoFrom = plan.perZone().get("Asia/Tokyo").projectedStart().orElseThrow();
        assertThat(plan.perZone().get("Europe/Madrid").projectedStart()).contains(BOTH_OPEN);
        assertThat(tokyoFrom).isAfterOrEqualTo(madridDone);

        scenario.launch(id, audience);
        scenario.runFor(Duration.ofMinutes(5));

        // zones due at the same instant are claimed by sequence: the audience's first block goes first
        assertThat(scenario.channel().sends())
                .extracting(send -> send.message().recipient())
                .containsExactlyElementsOf(
                        audience.stream().map(contact -> contact.phone().e164()).toList());
        assertThat(firstSendTo(scenario, "+81312345600")).isEqualTo(tokyoFrom);
        assertThat(firstSendTo(scenario, "+34911234569")).isEqualTo(madridDone);
    }

    @Test
    void aContactAddedToASendingCampaignInAZoneItHadNoneInIsSent() {
        CampaignScenario scenario = Fixtures.scenario()
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .startingAt(BOTH_OPEN)
                .build();
        CampaignId id = localCampaign(scenario, DAILY, Pace.perHour(120));
        scenario.launch(id, numbered("+3491123456", 10));
        scenario.runUntil(BOTH_OPEN.plusSeconds(60)); // sending Madrid's, the campaign's only zone so far

        scenario.engine().addContacts(id, List.of(contact(TOKYO)));
        scenario.runUntil(BOTH_OPEN.plus(Duration.ofMinutes(30)));

        assertThat(scenario.channel().sendsTo(TOKYO)).hasSize(1);
        assertThat(scenario.metrics(id).pending()).isZero();
    }

    @Test
    void aContactAnotherProcessAddsInANewZoneIsSentOnceTheZonesAreReadAgain() {
        CampaignScenario scenario = Fixtures.scenario()
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .startingAt(BOTH_OPEN)
                .build();
        CampaignId id = localCampaign(scenario, DAILY, Pace.perHour(120));
        scenario.launch(id, numbered("+3491123456", 10));
        scenario.runUntil(BOTH_OPEN.plusSeconds(60));
        // a second engine on the same store (the CLI's add-contacts, say) adds a contact in Tokyo
        CampaignEngine other = CampaignEngine.builder()
                .store(scenario.store())
                .channel(scenario.channel())
                .botFlows(Fixtures.bots())
                .clock(scenario.clock())
                .phoneTimeZones(TestZones.MAPPER)
                .ownerId("other")
                .callbackExecutor(Runnable::run)
                .build();
        other.addContacts(id, List.of(contact(TOKYO)));
        scenario.runUntil(BOTH_OPEN.plus(Duration.ofMinutes(30)));

        assertThat(scenario.channel().sendsTo(TOKYO)).hasSize(1);
        assertThat(scenario.metrics(id).pending()).isZero();
    }

    @Test
    void anEngineThatCannotTellANumbersZonesRefusesTheLaunchOfALocalHoursCampaign() {
        CampaignScenario scenario = Fixtures.scenario().startingAt(LAUNCH).build(); // no phoneTimeZones
        CampaignId id = localCampaign(scenario, DAILY, Pace.perSecond(1));

        assertThatThrownBy(() -> scenario.launch(id, List.of(contact(MADRID))))
                .isInstanceOf(CampaignKitException.class)
                .hasMessageContaining("phoneTimeZones")
                .extracting(e -> ((CampaignKitException) e).code())
                .isEqualTo("LOCAL_HOURS_NO_PHONE_ZONES");
        assertThat(scenario.store().counts(id).total()).isZero();
    }

    @Test
    void aStoreThatCannotClaimByZoneRefusesTheLaunchOfALocalHoursCampaign() {
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        RecipientStore withoutWindows = (RecipientStore) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RecipientStore.class},
                (proxy, method, args) ->
                        method.getName().equals("windows") ? Optional.empty() : method.invoke(store, args));
        CampaignStorage storage = new CampaignStorage(
                store,
                withoutWindows,
                store,
                store,
                store,
                store,
                store,
                io.campaignkit.core.dispatch.pacing.PacingStore.inProcess());
        CampaignEngine engine = CampaignEngine.builder()
                .storage(storage)
                .clock(ManualClock.startingAt(LAUNCH))
                .phoneTimeZones(TestZones.MAPPER)
                .channel(io.campaignkit.channel.simulated.SimulatedChannel.withClock(ManualClock.startingAt(LAUNCH)))
                .botFlows(Fixtures.bots())
                .callbackExecutor(Runnable::run)
                .build();
        CampaignId id = CampaignId.of("local");
        io.campaignkit.core.campaign.CampaignConfiguration.Builder config =
                io.campaignkit.core.campaign.CampaignConfiguration.custom()
                        .channel(io.campaignkit.channel.simulated.SimulatedChannelConfiguration.DEFAULT_ID, "sender-1");
        Fixtures.basic()
                .andThen(c -> c.localHours(LocalHours.fromPhoneNumbers()))
                .accept(config);
        engine.create(id, "t", "p", CampaignKind.LIVE, config.build());

        assertThatThrownBy(() -> engine.launch(id, LaunchRequest.importedContacts(List.of(contact(MADRID)))))
                .isInstanceOf(CampaignKitException.class)
                .hasMessageContaining("RecipientWindows");
    }
}
