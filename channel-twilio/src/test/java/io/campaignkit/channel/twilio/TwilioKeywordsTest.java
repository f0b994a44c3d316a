package io.campaignkit.channel.twilio;

import static io.campaignkit.channel.twilio.SignedWebhooks.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 item 3: keywords are SMS only and configurable per sender; WhatsApp text and button taps
 * reach the bot. Item 19: a signed {@code NumMedia} claim cannot keep a webhook thread busy. Requests
 * are signed with twilio-java's own algorithm ({@link SignedWebhooks}).
 */
class TwilioKeywordsTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "twilio-auth-token";
    private static final URI INBOUND_URL = URI.create("https://hooks.example.com/twilio/inbound");
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");

    private final SignedWebhooks twilio = new SignedWebhooks(TOKEN);
    private final List<TwilioChannelAdapter> adapters = new ArrayList<>();

    @AfterEach
    void close() {
        adapters.forEach(TwilioChannelAdapter::close);
    }

    private TwilioChannelAdapter adapter(String sender, UnaryOperator<TwilioConfig.Builder> more) {
        TwilioChannelAdapter adapter = TwilioChannelAdapter.create(more.apply(TwilioConfig.custom()
                        .accountSid(ACCOUNT)
                        .authToken(TOKEN)
                        .sender(sender)
                        .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"))
                        .clock(new MutableClock(NOW)))
                .build());
        adapters.add(adapter);
        return adapter;
    }

    private static Map<String, String> whatsAppInbound(String body, String... extra) {
        Map<String, String> params = params(
                "MessageSid",
                "SMwa1",
                "AccountSid",
                ACCOUNT,
                "From",
                "whatsapp:+525500998877",
                "To",
                "whatsapp:+14155238886",
                "Body",
                body,
                "NumMedia",
                "0",
                "ProfileName",
                "Ana",
                "WaId",
                "525500998877",
                "SmsStatus",
                "received");
        params.putAll(params(extra));
        return params;
    }

    private static Map<String, String> smsInbound(String body, String... extra) {
        Map<String, String> params = params(
                "MessageSid",
                "SMsms1",
                "AccountSid",
                ACCOUNT,
                "From",
                "+525500998877",
                "To",
                "+15005550006",
                "Body",
                body,
                "NumMedia",
                "0",
                "SmsStatus",
                "received");
        params.putAll(params(extra));
        return params;
    }

    private static InboundMessage onlyMessage(WebhookResult result) {
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.events()).singleElement().isInstanceOf(InboundMessage.class);
        return (InboundMessage) result.events().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "end", "Cancel", "STOP", "baja", "start"})
    void whatsAppTextThatLooksLikeAKeywordReachesTheBot(String body) {
        InboundMessage message = onlyMessage(adapter("whatsapp:+14155238886", b -> b)
                .handleWebhook(twilio.post(INBOUND_URL, whatsAppInbound(body))));

        assertThat(message.text()).contains(body);
    }

    @Test
    void aQuickReplyTapIsAButtonReplyNotAnOptIn() {
        InboundMessage message = onlyMessage(adapter("whatsapp:+14155238886", b -> b)
                .handleWebhook(twilio.post(
                        INBOUND_URL, whatsAppInbound("Yes", "ButtonText", "Yes", "ButtonPayload", "confirm_payment"))));

        assertThat(message.buttonPayload()).contains("confirm_payment");
        assertThat(message.text()).contains("Yes");
    }

    @Test
    void aListPickerChoiceIsAListReply() {
        InboundMessage message = onlyMessage(adapter("whatsapp:+14155238886", b -> b)
                .handleWebhook(
                        twilio.post(INBOUND_URL, whatsAppInbound("Martes", "ListId", "row-2", "ListTitle", "Martes"))));

        assertThat(message.content())
                .isEqualTo(new io.campaignkit.channel.event.InboundContent.ListReply(
                        "row-2", java.util.Optional.of("Martes"), java.util.Optional.empty()));
    }

    @Test
    void mediaIsTypedWithTheBodyAsCaption() {
        InboundMessage message = onlyMessage(adapter("whatsapp:+14155238886", b -> b)
                .handleWebhook(twilio.post(
                        INBOUND_URL,
                        whatsAppInbound(
                                "mi recibo",
                                "NumMedia",
                                "1",
                                "MediaUrl0",
                                "https://api.twilio.com/media/ME1",
                                "MediaContentType0",
                                "image/jpeg"))));

        assertThat(message.content())
                .isInstanceOfSatisfying(io.campaignkit.channel.event.InboundContent.Media.class, media -> {
                    assertThat(media.kind()).isEqualTo(io.campaignkit.channel.MediaKind.IMAGE);
                    assertThat(media.caption()).contains("mi recibo");
                });
    }

    @Test
    void aCancelButtonTapDoesNotSuppressTheContactEvenOnSms() {
        InboundMessage message = onlyMessage(adapter("+15005550006", b -> b)
                .handleWebhook(twilio.post(
                        INBOUND_URL, smsInbound("Cancel", "ButtonText", "Cancel", "ButtonPayload", "cancel_order"))));

        assertThat(message.buttonPayload()).contains("cancel_order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BAJA", "Alto", "cancelar", "DETENER", "parar", "Sair"})
    void spanishAndPortugueseSmsOptOutsByDefault(String body) {
        WebhookResult result =
                adapter("+15005550006", b -> b).handleWebhook(twilio.post(INBOUND_URL, smsInbound(body)));

        assertThat(result.events()).singleElement().isInstanceOf(OptOut.class);
    }

    @Test
    void aSenderWithItsOwnKeywordsUsesThoseOnly() {
        TwilioChannelAdapter custom = adapter(
                "+15005550006",
                b -> b.keywords(new TwilioKeywords(Set.of("ARRET"), Set.of("DEMARRER"), Set.of("AIDE"))));

        assertThat(custom.handleWebhook(twilio.post(INBOUND_URL, smsInbound("arrêt")))
                        .events())
                .singleElement()
                .isInstanceOf(OptOut.class);
        assertThat(onlyMessage(custom.handleWebhook(twilio.post(INBOUND_URL, smsInbound("STOP"))))
                        .text())
                .contains("STOP");
    }

    @Test
    void keywordListsAreValidated() {
        assertThatThrownBy(() -> new TwilioKeywords(Set.of("STOP"), Set.of("stop"), Set.of()))
                .hasMessageContaining("optOut and optIn share the keywords [STOP]");
        assertThatThrownBy(() -> new TwilioKeywords(Set.of(" "), Set.of(), Set.of()))
                .hasMessageContaining("optOut");
        assertThatThrownBy(() -> TwilioConfig.custom()
                        .accountSid(ACCOUNT)
                        .authToken(TOKEN)
                        .sender("+15005550006")
                        .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"))
                        .keywords(null)
                        .build())
                .hasMessageContaining("keywords");
    }

    @Test
    void aSignedHugeNumMediaClaimIsBoundedByTheParametersPresent() {
        TwilioChannelAdapter adapter = adapter("whatsapp:+14155238886", b -> b);
        Map<String, String> params = whatsAppInbound(
                "foto",
                "NumMedia",
                "2147483647",
                "MediaUrl0",
                "https://api.twilio.com/media/ME1",
                "MediaContentType0",
                "image/jpeg");

        List<ChannelEvent> events = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> adapter.handleWebhook(twilio.post(INBOUND_URL, params)).events());

        assertThat(((InboundMessage) events.get(0)).media()).hasSize(1);
    }
}
