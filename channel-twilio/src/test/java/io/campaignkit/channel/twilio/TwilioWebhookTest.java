package io.campaignkit.channel.twilio;

import static io.campaignkit.channel.twilio.SignedWebhooks.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptIn;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioWebhookTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "webhook-token";
    private static final String SID = "SM0123456789abcdef0123456789abcdef";
    private static final URI STATUS_URL =
            URI.create("https://hooks.example.com/twilio/status?ckCorrelationId=camp-1%3Ar-7");
    private static final URI INBOUND_URL = URI.create("https://hooks.example.com/twilio/inbound");
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");

    private final MutableClock clock = new MutableClock(NOW);
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
                        .clock(clock))
                .build());
        adapters.add(adapter);
        return adapter;
    }

    private TwilioChannelAdapter sms() {
        return adapter("+15005550006", b -> b);
    }

    private TwilioChannelAdapter whatsApp() {
        return adapter("whatsapp:+14155238886", b -> b);
    }

    private static Map<String, String> status(String messageStatus, String... extra) {
        Map<String, String> params = params(
                "MessageSid",
                SID,
                "SmsSid",
                SID,
                "AccountSid",
                ACCOUNT,
                "From",
                "whatsapp:+14155238886",
                "To",
                "whatsapp:+525500998877",
                "ApiVersion",
                "2010-04-01",
                "MessageStatus",
                messageStatus,
                "SmsStatus",
                messageStatus);
        params.putAll(params(extra));
        return params;
    }

    private static Map<String, String> inbound(String body, String... extra) {
        Map<String, String> params = params(
                "MessageSid",
                "SMinbound1",
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

    private static ChannelEvent single(WebhookResult result) {
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.events()).hasSize(1);
        return result.events().get(0);
    }

    // ---- status callbacks

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"sent, SENT", "delivered, DELIVERED", "read, READ", "DELIVERED, DELIVERED"})
    void statuses_map_to_the_spi_with_the_correlation_id_from_the_callback_url(
            String twilioStatus, DeliveryStatus expected) {
        WebhookResult result = whatsApp().handleWebhook(twilio.post(STATUS_URL, status(twilioStatus)));

        StatusUpdate update = (StatusUpdate) single(result);
        assertThat(update.providerMessageId()).isEqualTo(SID);
        assertThat(update.status()).isEqualTo(expected);
        assertThat(update.correlationId()).contains("camp-1:r-7");
        assertThat(update.recipient()).contains("+525500998877");
        assertThat(update.timestamp()).isEqualTo(NOW);
        assertThat(result.contentType()).startsWith("text/xml");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"queued", "sending", "accepted", "scheduled", "canceled", "partially_delivered", "teleported"})
    void other_and_unknown_statuses_are_ignored_without_error(String twilioStatus) {
        WebhookResult result = whatsApp().handleWebhook(twilio.post(STATUS_URL, status(twilioStatus)));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.events()).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource({
        "failed, 30006, RECIPIENT_PERMANENT",
        "undelivered, 30003, TRANSIENT",
        "undelivered, 30007, CONTENT_PERMANENT",
        "failed, 63016, RECIPIENT_PERMANENT",
        "failed, 30032, CONTENT_PERMANENT",
        "undelivered, 99999, RECIPIENT_PERMANENT"
    })
    void failed_and_undelivered_carry_the_classified_error_code(
            String twilioStatus, String code, SendErrorClass expected) {
        StatusUpdate update = (StatusUpdate)
                single(whatsApp().handleWebhook(twilio.post(STATUS_URL, status(twilioStatus, "ErrorCode", code))));

        assertThat(update.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(update.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.errorClass()).isEqualTo(expected);
            assertThat(failure.providerCode()).contains(code);
            assertThat(failure.retryAfter().isPresent()).isEqualTo(expected.isRetryable());
        });
    }

    @ParameterizedTest
    @CsvSource({"63003, true", "63024, true", "30006, false", "21211, false"})
    void a_failure_saying_the_number_is_not_on_whatsapp_is_flagged_not_on_the_channel(
            String code, boolean notOnChannel) {
        StatusUpdate update = (StatusUpdate)
                single(whatsApp().handleWebhook(twilio.post(STATUS_URL, status("undelivered", "ErrorCode", code))));

        assertThat(update.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
            assertThat(failure.notOnChannel()).isEqualTo(notOnChannel);
        });
    }

    @Test
    void a_failure_without_an_error_code_still_fails() {
        StatusUpdate update =
                (StatusUpdate) single(whatsApp().handleWebhook(twilio.post(STATUS_URL, status("failed"))));

        assertThat(update.failure())
                .hasValueSatisfying(
                        failure -> assertThat(failure.providerCode()).isEmpty());
    }

    @Test
    void an_asynchronous_opt_out_error_also_yields_an_opt_out_event() {
        WebhookResult result = sms().handleWebhook(twilio.post(
                STATUS_URL,
                params(
                        "MessageSid",
                        SID,
                        "AccountSid",
                        ACCOUNT,
                        "From",
                        "+15005550006",
                        "To",
                        "+525500998877",
                        "MessageStatus",
                        "failed",
                        "ErrorCode",
                        "21610")));

        assertThat(result.events()).hasSize(2);
        assertThat(result.events().get(0)).isInstanceOf(StatusUpdate.class);
        assertThat(result.events().get(1))
                .isEqualTo(new OptOut("+525500998877", "+15005550006", NOW, Optional.empty(), Optional.of(SID)));
    }

    // ---- signatures

    @Test
    void a_tampered_missing_or_foreign_signature_is_403_without_events() {
        TwilioChannelAdapter adapter = sms();
        WebhookRequest valid = twilio.post(STATUS_URL, status("delivered"));
        Map<String, String> tampered = status("delivered");
        tampered.put("MessageStatus", "read");
        WebhookRequest tamperedBody = WebhookRequest.post(
                STATUS_URL, valid.headers(), SignedWebhooks.formBody(tampered).getBytes(StandardCharsets.UTF_8));
        URI otherCorrelation = URI.create("https://hooks.example.com/twilio/status?ckCorrelationId=camp-1%3Ar-8");

        List<WebhookRequest> refused = List.of(
                tamperedBody,
                WebhookRequest.post(otherCorrelation, valid.headers(), valid.body()),
                valid.withHeaders(valid.headers().without("X-Twilio-Signature")),
                new SignedWebhooks("another-token").post(STATUS_URL, status("delivered")));

        assertThat(adapter.handleWebhook(valid).status()).isEqualTo(200);
        for (WebhookRequest request : refused) {
            WebhookResult result = adapter.handleWebhook(request);
            assertThat(result.status()).isEqualTo(403);
            assertThat(result.events()).isEmpty();
        }
    }

    @Test
    void the_sdk_published_test_vector_passes_and_its_tampered_twin_does_not() {
        TwilioChannelAdapter adapter = adapter("+15005550006", b -> b.authToken("12345"));
        URI url = URI.create("https://mycompany.com/myapp.php?foo=1&bar=2");
        Map<String, String> vector = params(
                "Digits",
                "1234",
                "CallSid",
                "CA1234567890ABCDE",
                "To",
                "+18005551212",
                "Caller",
                "+14158675309",
                "From",
                "+14158675309");
        WebhookHeaders signed = WebhookHeaders.ofSingle(Map.of("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Map<String, String> tampered = new java.util.LinkedHashMap<>(vector);
        tampered.put("Digits", "9999");

        WebhookResult genuine = adapter.handleWebhook(
                WebhookRequest.post(url, signed, SignedWebhooks.formBody(vector).getBytes(StandardCharsets.UTF_8)));
        WebhookResult forged = adapter.handleWebhook(WebhookRequest.post(
                url, signed, SignedWebhooks.formBody(tampered).getBytes(StandardCharsets.UTF_8)));

        // The vector is a voice call: it passes the signature, then is refused for lacking a MessageSid.
        assertThat(genuine.status()).isEqualTo(400);
        assertThat(genuine.body()).contains("MessageSid");
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void behind_a_proxy_the_configured_public_base_url_is_what_is_verified() {
        URI received = URI.create("http://10.0.0.7:8080/twilio/status?ckCorrelationId=camp-1%3Ar-7");
        WebhookRequest request = twilio.post(STATUS_URL, received, status("delivered"));

        assertThat(sms().handleWebhook(request).status()).isEqualTo(403);
        StatusUpdate update = (StatusUpdate)
                single(adapter("+15005550006", b -> b.publicWebhookBaseUrl(URI.create("https://hooks.example.com")))
                        .handleWebhook(request));
        assertThat(update.correlationId()).contains("camp-1:r-7");
    }

    @Test
    void only_post_is_accepted_and_repeated_parameters_are_a_bad_request() {
        assertThat(sms().handleWebhook(WebhookRequest.get(INBOUND_URL, WebhookHeaders.none()))
                        .status())
                .isEqualTo(405);
        WebhookRequest repeated = WebhookRequest.post(
                INBOUND_URL,
                WebhookHeaders.ofSingle(Map.of("X-Twilio-Signature", "x")),
                "Body=a&Body=b".getBytes(StandardCharsets.UTF_8));
        assertThat(sms().handleWebhook(repeated).status()).isEqualTo(400);
    }

    @Test
    void a_repeated_delivery_yields_equal_events_even_as_time_passes() {
        TwilioChannelAdapter adapter = sms();
        WebhookRequest request = twilio.post(INBOUND_URL, inbound("hola"));

        WebhookResult first = adapter.handleWebhook(request);
        clock.advance(Duration.ofMinutes(3));
        WebhookResult second = adapter.handleWebhook(request);
        WebhookResult other = adapter.handleWebhook(twilio.post(INBOUND_URL, inbound("otra")));

        assertThat(second.events()).isEqualTo(first.events());
        assertThat(other.events().get(0).timestamp()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
    }

    @Test
    void events_are_stamped_with_the_requests_arrival_when_the_host_stamped_it() {
        TwilioChannelAdapter adapter = sms();
        Instant arrival = NOW.minusSeconds(90);
        WebhookRequest inbound = twilio.post(INBOUND_URL, inbound("hola")).withReceivedAt(arrival);
        WebhookRequest delivered = twilio.post(STATUS_URL, status("delivered")).withReceivedAt(arrival.plusSeconds(5));

        assertThat(single(adapter.handleWebhook(inbound)).timestamp()).isEqualTo(arrival);
        assertThat(single(adapter.handleWebhook(delivered)).timestamp()).isEqualTo(arrival.plusSeconds(5));
        clock.advance(Duration.ofMinutes(3));
        assertThat(adapter.handleWebhook(inbound).events())
                .as("the same request later: equal events")
                .isEqualTo(sms().handleWebhook(inbound).events());
        // Twilio's retry is a new request: its own arrival, which the engine's deduplication makes harmless
        WebhookRequest retried = twilio.post(INBOUND_URL, inbound("hola")).withReceivedAt(arrival.plusSeconds(60));
        assertThat(single(adapter.handleWebhook(retried)).timestamp()).isEqualTo(arrival.plusSeconds(60));
    }

    // ---- inbound messages

    @Test
    void an_inbound_sms_becomes_an_inbound_message_from_the_contact_to_the_sender() {
        InboundMessage message =
                (InboundMessage) single(sms().handleWebhook(twilio.post(INBOUND_URL, inbound("Hola, quiero info"))));

        assertThat(message)
                .isEqualTo(InboundMessage.builder("SMinbound1", "+525500998877", "+15005550006", NOW)
                        .text("Hola, quiero info")
                        .build());
    }

    @Test
    void an_inbound_whatsapp_message_keeps_profile_button_reply_and_media() {
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
                "",
                "ProfileName",
                "Ana",
                "WaId",
                "525500998877",
                "ButtonText",
                "Sí",
                "ButtonPayload",
                "yes-please",
                "OriginalRepliedMessageSid",
                SID,
                "NumMedia",
                "2",
                "MediaUrl0",
                "https://api.twilio.com/media/ME1",
                "MediaContentType0",
                "image/jpeg",
                "MediaUrl1",
                "https://api.twilio.com/media/ME2",
                "MediaContentType1",
                "application/pdf");

        InboundMessage message = (InboundMessage) single(whatsApp().handleWebhook(twilio.post(INBOUND_URL, params)));

        assertThat(message.from()).isEqualTo("+525500998877");
        assertThat(message.to()).isEqualTo("whatsapp:+14155238886");
        assertThat(message.text()).as("the button's text, Body being empty").contains("Sí");
        assertThat(message.buttonPayload()).contains("yes-please");
        assertThat(message.content())
                .isEqualTo(
                        new io.campaignkit.channel.event.InboundContent.ButtonReply("yes-please", Optional.of("Sí")));
        assertThat(message.replyToProviderMessageId()).contains(SID);
        assertThat(message.profileName()).contains("Ana");
        assertThat(message.media())
                .extracting(
                        m -> m.kind(),
                        m -> m.url().orElseThrow().toString(),
                        m -> m.mimeType().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                MediaKind.IMAGE, "https://api.twilio.com/media/ME1", "image/jpeg"),
                        org.assertj.core.groups.Tuple.tuple(
                                MediaKind.DOCUMENT, "https://api.twilio.com/media/ME2", "application/pdf"));
    }

    @Test
    void a_message_to_a_number_of_the_configured_messaging_service_is_addressed_to_the_service() {
        String service = "MG0123456789abcdef0123456789abcdef";
        InboundMessage message = (InboundMessage) single(adapter(service, b -> b)
                .handleWebhook(twilio.post(INBOUND_URL, inbound("hola", "MessagingServiceSid", service))));

        assertThat(message.to()).isEqualTo(service);
    }

    @Test
    void a_location_is_typed_and_an_empty_message_reaches_the_bot_as_unsupported_content() {
        InboundMessage location = (InboundMessage) single(whatsApp()
                .handleWebhook(twilio.post(
                        INBOUND_URL,
                        inbound(
                                "",
                                "Latitude",
                                "19.43",
                                "Longitude",
                                "-99.13",
                                "Address",
                                "Zócalo, CDMX",
                                "Label",
                                "Zócalo"))));
        InboundMessage empty = (InboundMessage) single(sms().handleWebhook(twilio.post(INBOUND_URL, inbound(""))));

        assertThat(location.content())
                .isEqualTo(new io.campaignkit.channel.event.InboundContent.Location(
                        19.43, -99.13, Optional.of("Zócalo"), Optional.of("Zócalo, CDMX")));
        assertThat(location.from()).isEqualTo("+525500998877");
        assertThat(empty.content()).isEqualTo(new io.campaignkit.channel.event.InboundContent.Unsupported("empty"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "STOP",
                "stop",
                " Stop ",
                "\tSTOPALL\n",
                "unsubscribe",
                "Cancel",
                "END",
                "quit",
                " revoke",
                "OptOut"
            })
    void opt_out_keywords_in_any_case_with_spaces_yield_only_an_opt_out(String body) {
        ChannelEvent event = single(sms().handleWebhook(twilio.post(INBOUND_URL, inbound(body))));

        assertThat(event)
                .isEqualTo(new OptOut(
                        "+525500998877", "+15005550006", NOW, Optional.of(body.strip()), Optional.of("SMinbound1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", " yes", "Unstop "})
    void opt_in_keywords_yield_an_opt_in_and_still_reach_the_bot(String body) {
        WebhookResult result = sms().handleWebhook(twilio.post(INBOUND_URL, inbound(body)));

        assertThat(result.events()).hasSize(2);
        assertThat(result.events().get(0))
                .isEqualTo(new OptIn(
                        "+525500998877", "+15005550006", NOW, Optional.of(body.strip()), Optional.of("SMinbound1")));
        assertThat(((InboundMessage) result.events().get(1)).text()).contains(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "info", "stop sending me the wrong thing", "OPT OUT"})
    void help_info_and_sentences_go_to_the_bot_as_ordinary_messages(String body) {
        InboundMessage message = (InboundMessage) single(sms().handleWebhook(twilio.post(INBOUND_URL, inbound(body))));

        assertThat(message.text()).contains(body);
    }

    @Test
    void twilios_opt_out_type_covers_custom_keywords() {
        ChannelEvent event =
                single(sms().handleWebhook(twilio.post(INBOUND_URL, inbound("BAJA", "OptOutType", "STOP"))));

        assertThat(event).isInstanceOf(OptOut.class);
    }
}
