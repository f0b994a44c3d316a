package io.campaignkit.testkit.engine;

import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.NOT_ON_WHATSAPP;
import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.SMS;
import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.SMS_SENDER;
import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.SMS_TEXT;
import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.WHATSAPP_SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.hours.ZonedHours;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: local hours and several channels in one run. Contacts in Tokyo, Madrid and Mexico City
 * (zones from their numbers, {@link TestZones}), WhatsApp first and SMS as the fallback, the hours
 * "08:00-21:00 local"; the manual clock drives the engine through the day. A fallback's SMS keeps
 * the contact's own hours (sent at once inside them; a timed fallback due after they closed waits for
 * the contact's next opening), the campaign's one pace across both channels, and the exclusivity
 * held on each of the campaign's senders.
 */
class LocalHoursFallbackScenarioTest {

    /** Monday 04:00 UTC: 13:00 in Tokyo (open until 12:00 UTC), 05:00 in Madrid, 22:00 (Sunday) in Mexico City. */
    private static final Instant LAUNCH = Instant.parse("2026-01-05T04:00:00Z");

    private static final ActiveHours DAILY = ActiveHours.parse("MON-SUN 08:00-21:00", ZoneOffset.UTC);
    /** One send every two minutes for the whole campaign, whichever channel. */
    private static final Pace PACE = Pace.perHour(30);

    /** Not on WhatsApp: SMS at once, in Tokyo's open window. */
    private static final String TOKYO_NOT_ON_WHATSAPP = "+81312345670";
    /** Accepted on WhatsApp, never delivered: its timed fallback falls due after Tokyo closed. */
    private static final String TOKYO_NEVER_DELIVERED = "+81312345671";

    private static final String MADRID_NOT_ON_WHATSAPP = "+34911234560";
    private static final String MADRID_DELIVERED = "+34911234561";
    /** Held by another campaign on the SMS sender: skipped at the launch, on no channel. */
    private static final String MADRID_HELD_ON_SMS = "+34911234562";

    private static final String MEXICO_NOT_ON_WHATSAPP = "+525510000010";
    private static final String MEXICO_DELIVERED = "+525510000011";

    /** Tokyo's hours open again at 08:00 JST, 23:00 UTC; Madrid's at 07:00 UTC; Mexico City's at 14:00 UTC. */
    private static final Instant TOKYO_OPENS = Instant.parse("2026-01-05T23:00:00Z");

    private static final Instant MADRID_OPENS = Instant.parse("2026-01-05T07:00:00Z");
    private static final Instant MEXICO_OPENS = Instant.parse("2026-01-05T14:00:00Z");

    private final RecordingBot bot = new RecordingBot();

    @Test
    void theFallbacksSmsKeepsEachContactsLocalHoursThePaceAndTheExclusivity() {
        CampaignScenario scenario = CampaignScenario.custom()
                .bot(Fixtures.BOT, bot)
                .moreChannel(SMS)
                .engine(engine -> engine.phoneTimeZones(TestZones.MAPPER))
                .startingAt(LAUNCH)
                .build();
        for (String phone : List.of(TOKYO_NOT_ON_WHATSAPP, MADRID_NOT_ON_WHATSAPP, MEXICO_NOT_ON_WHATSAPP)) {
            scenario.channel().scriptNumber(phone, Outcome.failing(NOT_ON_WHATSAPP));
        }
        scenario.channel().scriptNumber(TOKYO_NEVER_DELIVERED, Outcome.accepted());
        CampaignId holder = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(config -> config.channel(SMS_SENDER)
                                .message(SMS_TEXT)
                                .deliveryPlan(DeliveryPlan.custom()
                                        .startAt(LAUNCH.plus(Duration.ofDays(30)))
                                        .build())));
        scenario.launch(holder, List.of(contact(MADRID_HELD_ON_SMS)));

        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(PACE)
                        .andThen(config -> config.addChannel(ChannelBinding.of(SMS_SENDER, SMS_TEXT))
                                .fallbackAfter(Duration.ofHours(9))
                                .activeHours(DAILY)
                                .localHours(LocalHours.fromPhoneNumbers())));
        scenario.launch(
                id,
                Stream.of(
                                TOKYO_NOT_ON_WHATSAPP,
                                TOKYO_NEVER_DELIVERED,
                                MADRID_NOT_ON_WHATSAPP,
                                MADRID_DELIVERED,
                                MADRID_HELD_ON_SMS,
                                MEXICO_NOT_ON_WHATSAPP,
                                MEXICO_DELIVERED)
                        .map(LocalHoursFallbackScenarioTest::contact)
                        .toList());

        // until just before Tokyo opens again: the never-delivered contact's fallback fell due at 13:00 UTC
        scenario.runUntil(TOKYO_OPENS.minusSeconds(60));
        assertThat(scenario.channel(SMS).sendsTo(TOKYO_NEVER_DELIVERED))
                .as("a timed fallback due while the contact's hours are closed")
                .isEmpty();
        assertThat(scenario.recipient(id, TOKYO_NEVER_DELIVERED).binding()).isEqualTo(1);
        scenario.runFor(Duration.ofHours(2));

        // each contact that is not on WhatsApp is sent the SMS inside its own window, right after the failure
        assertThat(firstSms(scenario, TOKYO_NOT_ON_WHATSAPP)).isBetween(LAUNCH, LAUNCH.plus(Duration.ofMinutes(10)));
        assertThat(firstSms(scenario, MADRID_NOT_ON_WHATSAPP))
                .isBetween(MADRID_OPENS, MADRID_OPENS.plus(Duration.ofMinutes(10)));
        assertThat(firstSms(scenario, MEXICO_NOT_ON_WHATSAPP))
                .isBetween(MEXICO_OPENS, MEXICO_OPENS.plus(Duration.ofMinutes(10)));
        // the timed one at Tokyo's next opening, not at 13:00 UTC when it fell due
        assertThat(firstSms(scenario, TOKYO_NEVER_DELIVERED))
                .isBetween(TOKYO_OPENS, TOKYO_OPENS.plus(Duration.ofMinutes(10)));

        List<RecordedSend> sends = campaignSends(scenario);
        assertThat(sends)
                .as("no message, on either channel, outside the recipient's local hours")
                .allSatisfy(send -> assertThat(windowOf(send).isOpenAt(send.requestedAt()))
                        .as("%s at %s", send.message().recipient(), send.requestedAt())
                        .isTrue());
        // six contacts on WhatsApp, four of them on SMS after it; each contact's SMS once
        assertThat(sends).hasSize(10);
        for (String phone :
                List.of(TOKYO_NOT_ON_WHATSAPP, TOKYO_NEVER_DELIVERED, MADRID_NOT_ON_WHATSAPP, MEXICO_NOT_ON_WHATSAPP)) {
            assertThat(scenario.channel(SMS).sendsTo(phone)).as(phone).hasSize(1);
        }
        assertThat(scenario.channel(SMS).sendsTo(MADRID_DELIVERED)).isEmpty();
        // one pace for the campaign: the fallbacks' sends take the campaign's permits too
        assertThat(SendWindows.maxInAnyWindow(
                        sends.stream().map(RecordedSend::requestedAt).toList(), PACE.interval()))
                .isLessThanOrEqualTo(1 + PACE.burst());

        // exclusivity on each of the campaign's senders: the contact held on SMS is in neither channel,
        // and a contact that fell back is held on SMS by this campaign
        Recipient held = scenario.recipient(id, MADRID_HELD_ON_SMS);
        assertThat(held.state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(held.outcome().orElseThrow().code()).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
        assertThat(scenario.channel().sendsTo(MADRID_HELD_ON_SMS)).isEmpty();
        assertThat(scenario.store().engagedCampaign(SMS_SENDER, PhoneNumber.parse(TOKYO_NEVER_DELIVERED)))
                .contains(id);
        assertThat(scenario.store().engagedCampaign(WHATSAPP_SENDER, PhoneNumber.parse(MEXICO_DELIVERED)))
                .contains(id);

        assertThat(scenario.metrics(id).pending()).isZero();
        assertThat(scenario.metrics(id).notSent()).isEqualTo(1);
    }

    private static Contact contact(String phone) {
        return Contact.builder(PhoneNumber.parse(phone))
                .name("Contact " + phone)
                .build();
    }

    private static Instant firstSms(CampaignScenario scenario, String phone) {
        return scenario.channel(SMS).sendsTo(phone).get(0).requestedAt();
    }

    /** The campaign's sends on both channels (the holder campaign sends nothing: it starts in a month). */
    private static List<RecordedSend> campaignSends(CampaignScenario scenario) {
        List<RecordedSend> sends = new ArrayList<>(scenario.channel().sends());
        sends.addAll(scenario.channel(SMS).sends());
        sends.sort(java.util.Comparator.comparing(RecordedSend::requestedAt));
        return sends;
    }

    private static ZonedHours windowOf(RecordedSend send) {
        PhoneNumber phone = PhoneNumber.parse(send.message().recipient());
        return ZonedHours.of(DAILY, new RecipientZone(TestZones.zonesOf(phone)));
    }
}
