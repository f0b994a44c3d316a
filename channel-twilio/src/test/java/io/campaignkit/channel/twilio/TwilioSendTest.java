package io.campaignkit.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioSendTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String CONTENT_SID = "HXabcdefabcdefabcdefabcdefabcdefab";
    private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    private static final String CALLBACK = "https://hooks.example.com/twilio/status";
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");

    private final FakeTwilioApi api = FakeTwilioApi.start();
    private final List<TwilioChannelAdapter> adapters = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        adapters.forEach(TwilioChannelAdapter::close);
        api.close();
    }

    private TwilioChannelAdapter adapter(String sender, UnaryOperator<TwilioConfig.Builder> more) {
        TwilioChannelAdapter adapter = TwilioChannelAdapter.create(more.apply(TwilioConfig.custom()
                        .accountSid(ACCOUNT)
                        .authToken("token")
                        .sender(sender)
                        .statusCallbackUrl(URI.create(CALLBACK))
                        .apiBaseUrl(api.baseUrl())
                        .requestTimeout(Duration.ofSeconds(2))
                        .clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                        .contentTemplate("welcome", "es", CONTENT_SID))
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

    private static OutboundMessage message(
            String sender, String correlationId, io.campaignkit.channel.MessageContent content) {
        return new OutboundMessage("+525500998877", sender, correlationId, content);
    }

    private static SendReceipt receipt(CompletableFuture<SendReceipt> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static ChannelSendException failure(java.util.concurrent.CompletionStage<SendReceipt> stage)
            throws Exception {
        try {
            SendReceipt receipt = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            return fail("expected a failure, got " + receipt);
        } catch (ExecutionException e) {
            return ChannelSendException.find(e).orElseThrow();
        }
    }

    @Test
    void sms_posts_exactly_to_from_body_and_a_status_callback_carrying_the_correlation_id() throws Exception {
        SendReceipt receipt = receipt(sms().send(message("+15005550006", "camp-1:r-7", TextContent.of("Hola Ana")))
                .toCompletableFuture());

        assertThat(receipt.providerMessageId()).startsWith("SM");
        assertThat(receipt.acceptedAt()).isEqualTo(NOW);
        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
        assertThat(api.requests().get(0).form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To", List.of("+525500998877"),
                        "From", List.of("+15005550006"),
                        "Body", List.of("Hola Ana"),
                        "StatusCallback", List.of(CALLBACK + "?ckCorrelationId=camp-1%3Ar-7")));
    }

    @Test
    void media_urls_are_posted_in_order_with_the_body() throws Exception {
        TextContent mms = TextContent.of("Tu recibo")
                .withMedia(List.of(
                        MediaReference.ofUrl(MediaKind.IMAGE, URI.create("https://cdn.example/recibo.png")),
                        MediaReference.ofUrl(MediaKind.DOCUMENT, URI.create("https://cdn.example/recibo.pdf"))));

        receipt(sms().send(message("+15005550006", "c-1", mms)).toCompletableFuture());

        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).form())
                .containsEntry("Body", List.of("Tu recibo"))
                .containsEntry("MediaUrl", List.of("https://cdn.example/recibo.png", "https://cdn.example/recibo.pdf"));
    }

    @Test
    void media_alone_is_posted_without_a_body() throws Exception {
        TextContent imageOnly = new TextContent(
                "",
                java.util.Optional.empty(),
                List.of(MediaReference.ofUrl(MediaKind.IMAGE, URI.create("https://cdn.example/a.jpg"))));

        receipt(whatsApp()
                .send(message("whatsapp:+14155238886", "c-1", imageOnly))
                .toCompletableFuture());

        assertThat(api.requests().get(0).form())
                .doesNotContainKey("Body")
                .containsEntry("MediaUrl", List.of("https://cdn.example/a.jpg"));
    }

    @Test
    void media_known_only_by_a_provider_id_is_content_permanent_and_nothing_is_posted() throws Exception {
        TextContent byId =
                TextContent.of("hola").withMedia(List.of(MediaReference.ofProviderId(MediaKind.IMAGE, "4490709327")));

        ChannelSendException failure = failure(sms().send(message("+15005550006", "c-1", byId)));

        assertThat(failure.failure().errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        assertThat(failure.failure().providerMessage()).contains("public URL");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void the_declared_header_media_kinds_are_exactly_those_a_template_send_accepts() throws Exception {
        // media attached to a free-form text go as MediaUrl; a template's header media is refused per message
        assertThat(sms().capabilities().mediaKinds()).isEmpty();
        for (MediaKind kind : MediaKind.values()) {
            TemplateContent withMedia = TemplateContent.of("HX0123456789abcdef0123456789abcdef", "es", List.of("Ana"))
                    .withHeaderMedia(MediaReference.ofUrl(kind, java.net.URI.create("https://cdn.example/m")));
            assertThat(sms().capabilities().supports(withMedia))
                    .as("declared support for %s header media", kind)
                    .isFalse();
            ChannelSendException failure = failure(sms().send(message("+15005550006", "c-" + kind, withMedia)));
            assertThat(failure.failure().errorClass())
                    .as("%s header media", kind)
                    .isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        }
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void the_validity_period_is_posted_when_configured_and_a_callback_query_is_kept() throws Exception {
        TwilioChannelAdapter adapter = adapter(
                "+15005550006",
                b -> b.validityPeriod(Duration.ofMinutes(10)).statusCallbackUrl(URI.create(CALLBACK + "?tenant=acme")));

        receipt(adapter.send(message("+15005550006", "c-1", TextContent.of("hi")))
                .toCompletableFuture());

        assertThat(api.requests().get(0).param("ValidityPeriod")).isEqualTo("600");
        assertThat(api.requests().get(0).param("StatusCallback"))
                .isEqualTo(CALLBACK + "?tenant=acme&ckCorrelationId=c-1");
    }

    @Test
    void whatsapp_text_prefixes_the_recipient_and_keeps_the_sender() throws Exception {
        receipt(whatsApp()
                .send(message("whatsapp:+14155238886", "c-1", TextContent.of("Hola")))
                .toCompletableFuture());

        assertThat(api.requests().get(0).form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To", List.of("whatsapp:+525500998877"),
                        "From", List.of("whatsapp:+14155238886"),
                        "Body", List.of("Hola"),
                        "StatusCallback", List.of(CALLBACK + "?ckCorrelationId=c-1")));
    }

    @Test
    void a_bare_number_sender_on_whatsapp_gets_the_prefix() throws Exception {
        receipt(whatsApp()
                .send(message("+14155238886", "c-1", TextContent.of("Hola")))
                .toCompletableFuture());

        assertThat(api.requests().get(0).param("From")).isEqualTo("whatsapp:+14155238886");
    }

    @Test
    void whatsapp_template_is_a_content_sid_with_variables_from_the_ordered_parameters() throws Exception {
        TemplateContent template = TemplateContent.of("welcome", "es", List.of("Ana", "martes \"12\""));

        receipt(whatsApp()
                .send(message("whatsapp:+14155238886", "c-1", template))
                .toCompletableFuture());

        assertThat(api.requests().get(0).form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To", List.of("whatsapp:+525500998877"),
                        "From", List.of("whatsapp:+14155238886"),
                        "ContentSid", List.of(CONTENT_SID),
                        "ContentVariables", List.of("{\"1\":\"Ana\",\"2\":\"martes \\\"12\\\"\"}"),
                        "StatusCallback", List.of(CALLBACK + "?ckCorrelationId=c-1")));
    }

    @Test
    void a_template_named_by_its_content_sid_needs_no_mapping_and_a_messaging_service_sends_it() throws Exception {
        TwilioChannelAdapter adapter = adapter(SERVICE, b -> b.senderType(TwilioSenderType.WHATSAPP));

        receipt(adapter.send(message(
                        SERVICE, "c-1", TemplateContent.of("HX00000000000000000000000000000001", "en", List.of())))
                .toCompletableFuture());

        assertThat(api.requests().get(0).form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To", List.of("whatsapp:+525500998877"),
                        "MessagingServiceSid", List.of(SERVICE),
                        "ContentSid", List.of("HX00000000000000000000000000000001"),
                        "ContentVariables", List.of("{}"),
                        "StatusCallback", List.of(CALLBACK + "?ckCorrelationId=c-1")));
    }

    @Test
    void content_twilio_cannot_carry_fails_as_content_permanent_without_any_request() throws Exception {
        TwilioChannelAdapter sms = sms();
        List<OutboundMessage> refused = List.of(
                message("+15005550006", "c-1", TemplateContent.of("unmapped", "es", List.of())),
                message(
                        "+15005550006",
                        "c-2",
                        TemplateContent.of("welcome", "es", List.of())
                                .withHeaderMedia(MediaReference.ofUrl(
                                        MediaKind.IMAGE, URI.create("https://cdn.example.com/a.jpg")))),
                message("+15005550006", "c-3", TextContent.of("x".repeat(1601))),
                message("+15005550006", "c-4", TextContent.of("null")),
                message("whatsapp:+14155238886", "c-5", TextContent.of("a WhatsApp sender on an SMS adapter")));

        for (OutboundMessage message : refused) {
            assertThat(failure(sms.send(message)).errorClass())
                    .as(message.correlationId())
                    .isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        }
        assertThat(failure(sms.send(null)).errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void one_post_per_message_even_when_twilio_answers_500() throws Exception {
        api.alwaysReply(FakeTwilioApi.error(500, 20500, "Internal Server Error"));
        TwilioChannelAdapter sms = sms();

        ChannelSendException failure = failure(sms.send(message("+15005550006", "c-1", TextContent.of("once"))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.UNKNOWN_OUTCOME);
        assertThat(failure)
                .isInstanceOfSatisfying(
                        TwilioSendException.class,
                        e -> assertThat(e.httpStatus()).contains(500));
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void a_502_html_page_from_a_proxy_is_an_unknown_outcome_after_one_post() throws Exception {
        api.alwaysReply(new FakeTwilioApi.Json(502, "<html>Bad Gateway</html>"));

        ChannelSendException failure = failure(sms().send(message("+15005550006", "c-1", TextContent.of("once"))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.UNKNOWN_OUTCOME);
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void a_connection_lost_after_the_request_left_is_an_unknown_outcome() throws Exception {
        api.thenReply(new FakeTwilioApi.DropConnection());

        assertThat(failure(sms().send(message("+15005550006", "c-1", TextContent.of("hi"))))
                        .errorClass())
                .isEqualTo(SendErrorClass.UNKNOWN_OUTCOME);
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void no_answer_within_the_request_timeout_is_an_unknown_outcome() throws Exception {
        api.thenReply(new FakeTwilioApi.Hold(release));
        TwilioChannelAdapter adapter = adapter("+15005550006", b -> b.requestTimeout(Duration.ofMillis(300)));

        assertThat(failure(adapter.send(message("+15005550006", "c-1", TextContent.of("hi"))))
                        .errorClass())
                .isEqualTo(SendErrorClass.UNKNOWN_OUTCOME);
    }

    @Test
    void a_refused_connection_sent_nothing_and_is_transient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioChannelAdapter adapter =
                adapter("+15005550006", b -> b.apiBaseUrl(URI.create("http://localhost:" + closedPort)));

        ChannelSendException failure = failure(adapter.send(message("+15005550006", "c-1", TextContent.of("hi"))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.TRANSIENT);
        assertThat(failure.errorClass().isRetryable()).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @CsvSource({
        "400, 21211, RECIPIENT_PERMANENT",
        "400, 21614, RECIPIENT_PERMANENT",
        "400, 30005, RECIPIENT_PERMANENT",
        "400, 30006, RECIPIENT_PERMANENT",
        "400, 63024, RECIPIENT_PERMANENT",
        "400, 63003, RECIPIENT_PERMANENT",
        "400, 21610, RECIPIENT_PERMANENT",
        "400, 63016, RECIPIENT_PERMANENT",
        "429, 20429, RATE_LIMITED",
        "400, 63018, RATE_LIMITED",
        "400, 30001, RATE_LIMITED",
        "400, 21611, RATE_LIMITED",
        "400, 30003, TRANSIENT",
        "400, 30008, TRANSIENT",
        "401, 20003, AUTHENTICATION",
        "404, 20404, AUTHENTICATION",
        "400, 21408, CONTENT_PERMANENT",
        "400, 30007, CONTENT_PERMANENT",
        "400, 30032, CONTENT_PERMANENT",
        "400, 30034, CONTENT_PERMANENT",
        "400, 63049, RECIPIENT_PERMANENT",
        "500, 20500, UNKNOWN_OUTCOME",
        "503, 21211, UNKNOWN_OUTCOME"
    })
    void twilio_error_codes_are_classified(int httpStatus, int code, SendErrorClass expected) throws Exception {
        api.thenReply(FakeTwilioApi.error(httpStatus, code, "scripted"));

        ChannelSendException failure = failure(sms().send(message("+15005550006", "c-1", TextContent.of("hi"))));

        assertThat(failure.errorClass()).isEqualTo(expected);
        if (httpStatus < 500) {
            assertThat(failure.failure().providerCode()).contains(String.valueOf(code));
        }
        if (expected == SendErrorClass.RATE_LIMITED) {
            assertThat(failure.failure().retryAfter())
                    .hasValueSatisfying(d -> assertThat(d).isPositive());
        }
        assertThat(api.requests()).hasSize(1);
        assertThat(failure.failure().notOnChannel())
                .as("not on the channel")
                .isEqualTo(expected == SendErrorClass.RECIPIENT_PERMANENT && (code == 63024 || code == 63003));
    }

    @Test
    void an_opted_out_recipient_is_permanent_and_flagged_for_suppression() throws Exception {
        api.thenReply(FakeTwilioApi.error(400, 21610, "Attempt to send to unsubscribed recipient"));

        ChannelSendException failure = failure(sms().send(message("+15005550006", "c-1", TextContent.of("hi"))));

        assertThat(failure).isInstanceOfSatisfying(TwilioSendException.class, e -> {
            assertThat(e.recipientOptedOut()).isTrue();
            assertThat(e.errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
            assertThat(e.failure().providerCode()).contains("21610");
        });
    }

    @Test
    void other_refusals_are_not_flagged_as_opt_outs() throws Exception {
        api.thenReply(FakeTwilioApi.error(400, 21211, "Invalid 'To' Phone Number"));

        ChannelSendException failure = failure(sms().send(message("+15005550006", "c-1", TextContent.of("hi"))));

        assertThat(((TwilioSendException) failure).recipientOptedOut()).isFalse();
    }

    @Test
    void sends_never_block_the_caller_and_beyond_the_queue_are_refused_as_rate_limited() throws Exception {
        api.alwaysReply(new FakeTwilioApi.Hold(release));
        TwilioChannelAdapter adapter = adapter(
                "+15005550006", b -> b.maxConcurrentSends(3).maxQueuedSends(2).requestTimeout(Duration.ofSeconds(20)));

        List<CompletableFuture<SendReceipt>> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accepted.add(adapter.send(message("+15005550006", "c-" + i, TextContent.of("hi " + i)))
                    .toCompletableFuture());
        }
        assertThat(api.awaitInFlight(3, 10_000))
                .as("three requests in flight at once")
                .isTrue();
        ChannelSendException overflow =
                failure(adapter.send(message("+15005550006", "c-6", TextContent.of("one too many"))));

        assertThat(accepted).noneMatch(CompletableFuture::isDone);
        assertThat(overflow.errorClass()).isEqualTo(SendErrorClass.RATE_LIMITED);
        assertThat(overflow.failure().retryAfter()).isPresent();
        release.countDown();
        for (CompletableFuture<SendReceipt> future : accepted) {
            assertThat(receipt(future).providerMessageId()).startsWith("SM");
        }
        assertThat(api.requests()).hasSize(5);
    }

    @Test
    void close_fails_queued_sends_as_not_sent_and_later_sends_as_transient() throws Exception {
        api.alwaysReply(new FakeTwilioApi.Hold(release));
        TwilioChannelAdapter adapter =
                adapter("+15005550006", b -> b.maxConcurrentSends(1).requestTimeout(Duration.ofSeconds(20)));
        CompletableFuture<SendReceipt> inFlight = adapter.send(message("+15005550006", "c-1", TextContent.of("a")))
                .toCompletableFuture();
        assertThat(api.awaitInFlight(1, 10_000)).isTrue();
        CompletableFuture<SendReceipt> queued = adapter.send(message("+15005550006", "c-2", TextContent.of("b")))
                .toCompletableFuture();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(adapter::close);

        assertThat(failure(queued).errorClass()).isEqualTo(SendErrorClass.TRANSIENT);
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(receipt(inFlight).providerMessageId()).startsWith("SM");
        assertThat(failure(adapter.send(message("+15005550006", "c-3", TextContent.of("c"))))
                        .errorClass())
                .isEqualTo(SendErrorClass.TRANSIENT);
        assertThat(api.requests()).hasSize(1);
        adapter.close();
    }
}
