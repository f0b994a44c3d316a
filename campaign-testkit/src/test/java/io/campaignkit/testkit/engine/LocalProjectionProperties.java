package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.hours.RecipientZone;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The dry run's projection per recipient zone against a real run on the manual clock: for random
 * audiences over Mexico City, Madrid, Tokyo and a US number spanning zones, random daily hours and
 * paces, each zone's projected first send is the run's, and its projected last send is within one
 * pacing interval of the run's.
 */
class LocalProjectionProperties {

    /** Number prefixes and how many digits complete each: Mexico City, Madrid, Tokyo, South Dakota. */
    private static final List<String> PREFIXES = List.of("+52551000", "+34911234", "+8131234", "+1605331");

    private static final List<Integer> DIGITS = List.of(4, 3, 4, 4);

    @Property(tries = 25)
    void eachZonesProjectionFollowsTheRealRun(
            @ForAll @IntRange(min = 1, max = 5) int perSecond,
            @ForAll @IntRange(min = 0, max = 3) int burst,
            @ForAll @IntRange(min = 1, max = 40) int contacts,
            @ForAll @IntRange(min = 0, max = 23) int openHour,
            @ForAll @IntRange(min = 1, max = 12) int openHours,
            @ForAll @IntRange(min = 0, max = 7 * 24 * 60) int startMinute) {
        Instant start = Instant.parse("2026-01-05T00:00:00Z").plus(Duration.ofMinutes(startMinute));
        CampaignScenario scenario = Fixtures.scenario()
                .engine(e -> e.phoneTimeZones(TestZones.MAPPER))
                .startingAt(start)
                .build();
        int closeHour = Math.min(24, openHour + openHours);
        ActiveHours hours = ActiveHours.builder(ZoneOffset.UTC)
                .everyDay(LocalTime.of(openHour, 0), closeHour == 24 ? LocalTime.MIDNIGHT : LocalTime.of(closeHour, 0))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(Pace.perSecond(perSecond).withBurst(burst))
                        .andThen(c -> c.activeHours(hours).localHours(LocalHours.fromPhoneNumbers())));
        List<Contact> audience = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            int kind = i % PREFIXES.size();
            String number = PREFIXES.get(kind) + String.format("%0" + DIGITS.get(kind) + "d", i);
            audience.add(
                    Contact.builder(PhoneNumber.parse(number)).name("C" + i).build());
        }

        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(audience));
        scenario.launch(id, audience);
        scenario.runFor(Duration.ofDays(3));

        Map<String, List<Instant>> sentByZone = new HashMap<>();
        for (RecordedSend send : scenario.channel().sends()) {
            String zone = new RecipientZone(
                            TestZones.zonesOf(PhoneNumber.parse(send.message().recipient())))
                    .key();
            sentByZone.computeIfAbsent(zone, any -> new ArrayList<>()).add(send.requestedAt());
        }
        long skipped = plan.skippedTotal();
        assertThat(scenario.channel().sends()).hasSize((int) (contacts - skipped));
        Duration interval = Duration.ofNanos(1_000_000_000L / perSecond);
        assertThat(plan.perZone().keySet()).isEqualTo(sentByZone.keySet());
        plan.perZone().forEach((zone, projected) -> {
            List<Instant> sent = sentByZone.get(zone);
            assertThat(projected.wouldSend()).as(zone).isEqualTo(sent.size());
            assertThat(Duration.between(projected.projectedStart().orElseThrow(), sent.get(0))
                            .abs())
                    .as(zone)
                    .isLessThanOrEqualTo(interval);
            assertThat(Duration.between(projected.projectedFinish().orElseThrow(), sent.get(sent.size() - 1))
                            .abs())
                    .as(zone)
                    .isLessThanOrEqualTo(interval);
        });
    }
}
