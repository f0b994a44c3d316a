package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.InboundContent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5 at the engine: the bot receives every kind of inbound content typed, at once or,
 * queued outside the campaign's hours, when they open.
 */
class InboundContentScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-01-05T09:00:00Z");
    private static final ActiveHours NINE_TO_SIX = ActiveHours.builder(ZoneOffset.UTC)
            .everyDay(LocalTime.of(9, 0), LocalTime.of(18, 0))
            .build();
    private static final List<InboundContent> EVERY_KIND = List.of(
            new InboundContent.Text("hola"),
            new InboundContent.Media(
                    List.of(MediaReference.ofProviderId(MediaKind.IMAGE, "MEDIA1")
                            .withMimeType("image/jpeg")),
                    Optional.of("mi recibo"),
                    Optional.empty()),
            new InboundContent.Location(19.4326, -99.1332, Optional.of("Zócalo"), Optional.empty()),
            new InboundContent.Contacts(
                    List.of(new InboundContent.SharedContact(Optional.of("Barbara"), List.of("+14155550123")))),
            new InboundContent.Reaction("wamid.A", Optional.of("\uD83D\uDC4D")),
            new InboundContent.ButtonReply("confirm_payment", Optional.of("Sí, pagar")),
            new InboundContent.ListReply("row-2", Optional.of("Martes"), Optional.empty()),
            new InboundContent.FlowReply("{\"flow_token\":\"T\"}", Optional.of("Sent")),
            new InboundContent.Unsupported("order"));

    private final RecordingBot bot = new RecordingBot();

    private static List<ChannelEvent> messagesFrom(String phone, Instant at) {
        List<ChannelEvent> messages = new ArrayList<>();
        for (int i = 0; i < EVERY_KIND.size(); i++) {
            messages.add(InboundMessage.builder("in-" + i, phone, CampaignScenario.SENDER_ID, at)
                    .content(EVERY_KIND.get(i))
                    .build());
        }
        return messages;
    }

    @Test
    void theBotReceivesEveryKindOfContentTyped() {
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bot)
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));

        scenario.engine()
                .applyEvents(
                        CampaignScenario.CHANNEL_ID,
                        messagesFrom(Fixtures.phone(0), scenario.clock().instant()));

        assertThat(bot.received())
                .extracting(received -> received.message().content())
                .containsExactlyElementsOf(EVERY_KIND);
        assertThat(bot.received().get(5).message().text())
                .as("the flat view of a button tap")
                .contains("Sí, pagar");
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(scenario.unroutedMessages()).isEmpty();
    }

    @Test
    void contentQueuedOutsideHoursReachesTheBotTypedWhenTheyOpen() {
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bot)
                .build();
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.activeHours(NINE_TO_SIX)));
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofHours(11)); // Monday 20:00, closed

        scenario.engine()
                .applyEvents(
                        CampaignScenario.CHANNEL_ID,
                        messagesFrom(Fixtures.phone(0), scenario.clock().instant()));
        assertThat(bot.received()).isEmpty();
        scenario.runUntil(Instant.parse("2026-01-06T09:00:01Z"));

        assertThat(bot.received())
                .extracting(received -> received.message().content())
                .containsExactlyElementsOf(EVERY_KIND);
        assertThat(bot.received())
                .allSatisfy(received -> assertThat(received.message().queued()).isTrue());
    }
}
