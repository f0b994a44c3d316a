package io.campaignkit.channel.whatsapp;

import static io.campaignkit.channel.whatsapp.fake.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.Secret;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.whatsapp.fake.MetaWebhooks;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.engine.CampaignScenario;
import io.campaignkit.testkit.engine.RecordingBot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 items 2 and 7 end to end: what the WhatsApp adapter makes of Meta's real webhooks, applied
 * by the engine. A Mexican reply ({@code from} 521...) reaches the bot of the contact written
 * {@code +52...}; a 131050 failure and a {@code user_preferences} stop suppress the contact.
 */
class WhatsAppEventsInTheEngineTest {

    private static final String APP_SECRET = "meta-app-secret";
    private static final Instant START = Instant.parse("2026-12-07T15:00:00Z");

    private final RecordingBot bot = new RecordingBot();
    private final CampaignScenario scenario =
            CampaignScenario.custom().startingAt(START).bot("bot", bot).build();

    private List<ChannelEvent> eventsOf(String phoneNumberId, byte[] body) {
        WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
                .phoneNumberId(phoneNumberId)
                .accessToken(Secret.of("token"))
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of("verify"))
                .clock(Clock.fixed(START, ZoneOffset.UTC))
                .build());
        WebhookResult result = adapter.handleWebhook(new MetaWebhooks(APP_SECRET, phoneNumberId).signedBytes(body));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        return result.events();
    }

    private CampaignId launchedOn(String phoneNumberId, String contactNumber) {
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                config -> config.channel(CampaignScenario.CHANNEL_ID, phoneNumberId)
                        .name("Cobranza")
                        .botFlowId("bot")
                        .audience(AudienceReference.importedList("lista"))
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente"))));
        scenario.launch(
                id,
                List.of(Contact.builder(PhoneNumber.parse(contactNumber))
                        .name("Ana")
                        .build()));
        scenario.runFor(Duration.ofSeconds(5));
        return id;
    }

    private static byte[] fixture(String name) {
        try (InputStream in = WhatsAppEventsInTheEngineTest.class.getResourceAsStream("/meta/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMexicanReplyReachesTheBotAndCountsAsReplied() {
        CampaignId id = launchedOn("468853166319123", "+524428968441");

        scenario.engine()
                .applyEvents(CampaignScenario.CHANNEL_ID, eventsOf("468853166319123", fixture("mexican-text.json")));

        assertThat(bot.received())
                .singleElement()
                .satisfies(received -> assertThat(received.message().text()).contains("Thanks"));
        assertThat(scenario.recipient(id, "+524428968441").state()).isEqualTo(DeliveryState.REPLIED);
    }

    @Test
    void aMexican131050FailureSuppressesTheContact() {
        launchedOn("PNID", "+525512345678");

        scenario.engine()
                .applyEvents(
                        CampaignScenario.CHANNEL_ID,
                        eventsOf(
                                "PNID",
                                MetaWebhooks.notificationFor(
                                                "PNID",
                                                status(
                                                        "wamid.A",
                                                        "failed",
                                                        "5215512345678",
                                                        "'errors':[{'code':131050}]"))
                                        .replace('\'', '"')
                                        .getBytes()));

        assertThat(scenario.store()
                        .isSuppressed(
                                new SenderKey(CampaignScenario.CHANNEL_ID, "PNID"), PhoneNumber.parse("+525512345678")))
                .isTrue();
    }

    @Test
    void aUserPreferencesStopSuppressesTheContactAndResumeLiftsIt() {
        SenderKey sender = new SenderKey(CampaignScenario.CHANNEL_ID, "106540352242922");
        PhoneNumber user = PhoneNumber.parse("+16505551234");
        String resume = new String(fixture("user-preferences-resume.json"), java.nio.charset.StandardCharsets.UTF_8);

        scenario.engine()
                .applyEvents(
                        CampaignScenario.CHANNEL_ID,
                        eventsOf(
                                "106540352242922",
                                resume.replace("\"resume\"", "\"stop\"")
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(scenario.store().isSuppressed(sender, user)).isTrue();

        scenario.engine()
                .applyEvents(
                        CampaignScenario.CHANNEL_ID,
                        eventsOf("106540352242922", resume.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(scenario.store().isSuppressed(sender, user)).isFalse();
    }
}
