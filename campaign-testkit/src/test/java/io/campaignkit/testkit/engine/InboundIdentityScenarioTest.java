package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.engine.UnroutedMessageHandler;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.EngineFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 2 at the engine: a contact written as {@code +52} + 10 digits is the same contact when
 * a channel reports Mexico's old mobile form {@code +521} + 10 digits (as WhatsApp does), for replies
 * and opt-outs alike; an event whose sender is no phone is reported, never dropped in silence.
 */
class InboundIdentityScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-01-05T09:00:00Z");
    private static final PhoneNumber ANA = PhoneNumber.parse("+525512345678");
    private static final String ANA_AS_WHATSAPP_REPORTS = "+5215512345678";

    private final RecordingBot bot = new RecordingBot();

    private CampaignId id;

    private CampaignScenario launched() {
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bot)
                .build();
        id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, List.of(Contact.builder(ANA).name("Ana").tag("all").build()));
        scenario.runFor(Duration.ofSeconds(5));
        return scenario;
    }

    @Test
    void aReplyInMexicosOldMobileFormReachesTheContactsBot() {
        CampaignScenario scenario = launched();

        scenario.inbound(ANA_AS_WHATSAPP_REPORTS, "SI");

        assertThat(bot.received()).singleElement().satisfies(received -> {
            assertThat(received.message().text()).contains("SI");
            assertThat(received.context().contact().phone()).isEqualTo(ANA);
        });
        assertThat(scenario.recipient(id, ANA.e164()).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(scenario.unroutedMessages()).isEmpty();
    }

    @Test
    void anOptOutInMexicosOldMobileFormSuppressesTheContact() {
        CampaignScenario scenario = launched();

        scenario.deliver(new OptOut(
                ANA_AS_WHATSAPP_REPORTS,
                CampaignScenario.SENDER_ID,
                scenario.clock().instant(),
                Optional.empty(),
                Optional.of("wamid.A")));

        assertThat(scenario.store()
                        .isSuppressed(new SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID), ANA))
                .isTrue();
    }

    @Test
    void anOptOutFromSomethingThatIsNoPhoneIsReportedToTheListener() {
        CampaignScenario scenario = launched();

        scenario.deliver(new OptOut(
                "IN.1410018717833190",
                CampaignScenario.SENDER_ID,
                scenario.clock().instant(),
                Optional.empty(),
                Optional.of("wamid.B")));

        assertThat(scenario.listener().failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo(EngineFailure.CHANNEL_EVENT_UNREADABLE);
            assertThat(failure.error().getMessage())
                    .contains("IN.1410018717833190")
                    .contains("opt-out");
        });
    }

    @Test
    void anEventTheChannelCouldNotReadIsReportedToTheListener() {
        CampaignScenario scenario = launched();

        scenario.deliver(new UnsupportedMessage(
                Optional.empty(),
                Optional.empty(),
                Optional.of(CampaignScenario.SENDER_ID),
                scenario.clock().instant(),
                "text",
                "a WhatsApp message without an id"));

        assertThat(scenario.listener().failures())
                .singleElement()
                .satisfies(failure -> assertThat(failure.error().getMessage()).contains("without an id"));
    }

    @Test
    void aMessageFromABusinessScopedUserIdGoesToTheUnroutedHandlerAsNotAPhone() {
        CampaignScenario scenario = launched();

        scenario.deliver(InboundMessage.builder(
                        "wamid.U",
                        "IN.1410018717833190",
                        CampaignScenario.SENDER_ID,
                        scenario.clock().instant())
                .text("Hey")
                .build());

        assertThat(bot.received()).isEmpty();
        assertThat(scenario.unroutedMessages()).extracting(InboundMessage::from).containsExactly("IN.1410018717833190");
    }

    @Test
    void theDefaultUnroutedHandlerWritesOneLinePerMessage() {
        List<String> lines = new ArrayList<>();
        UnroutedMessageHandler handler = UnroutedMessageHandler.logging(lines::add);
        InboundMessage message = InboundMessage.builder("wamid.U", "IN.1410018717833190", "PNID", MONDAY_9)
                .text("Hey")
                .build();

        handler.onUnroutedMessage(
                new UnroutedMessage("whatsapp", message, UnroutedMessage.Reason.NOT_A_PHONE, Optional.empty()));

        assertThat(lines)
                .singleElement()
                .asString()
                .contains("wamid.U")
                .contains("NOT_A_PHONE")
                .contains("IN.1410018717833190")
                .contains("whatsapp");
    }
}
