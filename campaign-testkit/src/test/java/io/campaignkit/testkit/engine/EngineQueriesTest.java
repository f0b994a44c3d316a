package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue 23, observability: read-only, tenant-scoped queries of what the engine is doing. */
class EngineQueriesTest {

    private static final SenderKey SENDER = new SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID);
    private static final ActiveHours NINE_TO_SIX = ActiveHours.builder(ZoneOffset.UTC)
            .everyDay(LocalTime.of(9, 0), LocalTime.of(18, 0))
            .build();

    @Test
    void theCampaignAContactIsEngagedInIsTheTenantsToKnow() {
        CampaignScenario scenario =
                CampaignScenario.custom().bot(Fixtures.BOT, new RecordingBot()).build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        PhoneNumber engaged = PhoneNumber.parse(Fixtures.phone(0));

        assertThat(scenario.engine().tenant(CampaignScenario.TENANT).engagedCampaign(SENDER, engaged))
                .contains(id);
        assertThat(scenario.engine().tenant("another-tenant").engagedCampaign(SENDER, engaged))
                .isEmpty();
        assertThat(scenario.engine()
                        .tenant(CampaignScenario.TENANT)
                        .engagedCampaign(SENDER, PhoneNumber.parse(Fixtures.phone(1))))
                .isEmpty();
        assertThat(scenario.engine()
                        .tenant(CampaignScenario.TENANT)
                        .engagedCampaign(new SenderKey(CampaignScenario.CHANNEL_ID, "another-sender"), engaged))
                .isEmpty();
    }

    @Test
    void theMessagesQueuedOutOfHoursAreReadByPagesUntilTheBotGetsThem() {
        RecordingBot bot = new RecordingBot();
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(Instant.parse("2026-01-05T09:00:00Z"))
                .bot(Fixtures.BOT, bot)
                .build();
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.activeHours(NINE_TO_SIX)));
        scenario.launch(id, Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofHours(11)); // 20:00, closed
        scenario.inbound(Fixtures.phone(0), "uno");
        scenario.inbound(Fixtures.phone(1), "dos");
        scenario.inbound(Fixtures.phone(0), "tres");

        var first = scenario.engine().tenant(CampaignScenario.TENANT).queuedInbound(id, -1, 2);
        assertThat(first).extracting(q -> q.message().text().orElseThrow()).containsExactly("uno", "dos");
        assertThat(first).extracting(q -> q.phone().e164()).containsExactly(Fixtures.phone(0), Fixtures.phone(1));
        assertThat(scenario.engine()
                        .tenant(CampaignScenario.TENANT)
                        .queuedInbound(id, first.get(1).sequence(), 2))
                .extracting(q -> q.message().text().orElseThrow())
                .containsExactly("tres");
        assertThat(bot.received()).as("reading hands nothing over").isEmpty();
        assertThatThrownBy(() -> scenario.engine().tenant("another-tenant").queuedInbound(id, -1, 10))
                .isInstanceOf(CampaignNotFoundException.class);

        scenario.runUntil(Instant.parse("2026-01-06T09:00:01Z"));
        assertThat(bot.received()).hasSize(3);
        assertThat(scenario.engine().tenant(CampaignScenario.TENANT).queuedInbound(id, -1, 10))
                .isEmpty();
    }

    @Test
    void theSendsOfOneCampaignInFlightAreCountedApartFromTheEnginesTotal() {
        ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-05T09:00:00Z"));
        HeldChannel channel = new HeldChannel();
        CampaignEngine engine = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(new InMemoryCampaignStore())
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .build();
        CampaignId one = CampaignId.of("one");
        CampaignId two = CampaignId.of("two");
        for (CampaignId id : new CampaignId[] {one, two}) {
            CampaignConfiguration.Builder config =
                    CampaignConfiguration.custom().channel("simulated", "s-" + id.value());
            Fixtures.basic().accept(config);
            engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
        }
        engine.launch(one, LaunchRequest.importedContacts(Fixtures.contacts(0, 2)));
        engine.launch(two, LaunchRequest.importedContacts(Fixtures.contacts(2, 1)));
        engine.runDue();
        clock.advance(Duration.ofMinutes(1)); // whatever the pace, both of the first campaign's sends are made
        engine.runDue();

        assertThat(engine.inFlight()).isEqualTo(3);
        assertThat(engine.tenant("t").inFlight(one)).isEqualTo(2);
        assertThat(engine.tenant("t").inFlight(two)).isEqualTo(1);
        channel.accept(0);
        channel.accept(1);
        channel.accept(2);
        assertThat(engine.tenant("t").inFlight(one) + engine.tenant("t").inFlight(two))
                .isZero();
        assertThatThrownBy(() -> engine.tenant("other").inFlight(one)).isInstanceOf(CampaignNotFoundException.class);
        assertThatThrownBy(() -> engine.tenant(" ")).isInstanceOf(io.campaignkit.core.InvalidArgumentException.class);
    }
}
