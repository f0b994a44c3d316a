package io.campaignkit.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.ButtonParameter;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi.Response;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WhatsAppCloudAdapterSendTest {

    private static final String PNID = "106540352242922";
    private static final String TOKEN = "EAAG-very-secret-token";
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");

    private final ObjectMapper json = new ObjectMapper();
    private final FakeGraphApi graph = FakeGraphApi.start();
    private WhatsAppCloudAdapter adapter = adapter(graph.baseUrl(), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        adapter.close();
        graph.close();
    }

    private static WhatsAppCloudAdapter adapter(URI baseUrl, Duration requestTimeout) {
        return new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
                .phoneNumberId(PNID)
                .accessToken(Secret.of(TOKEN))
                .appSecret(Secret.of("app-secret"))
                .verifyToken(Secret.of("verify"))
                .apiVersion("v24.0")
                .baseUrl(baseUrl)
                .requestTimeout(requestTimeout)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build());
    }

    private static OutboundMessage message(MessageContent content) {
        return new OutboundMessage("+5215512345678", PNID, "c42:r9001", content);
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static WhatsAppSendException failure(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (WhatsAppSendException) ChannelSendException.find(e).orElseThrow();
        }
        return fail("expected the send to fail");
    }

    private JsonNode expected(String singleQuoted) throws Exception {
        return json.readTree(singleQuoted.replace('\'', '"'));
    }

    @Test
    void templateWithEveryPartIsPostedExactly() throws Exception {
        TemplateContent content = TemplateContent.of("promo_may", "es_MX", List.of("Ana", "20%"))
                .withHeaderMedia(MediaReference.ofUrl(MediaKind.IMAGE, URI.create("https://cdn.example/p.jpg")))
                .withButtons(List.of(ButtonParameter.quickReply(0, "c42:yes"), ButtonParameter.urlSuffix(1, "A12345")));

        SendReceipt receipt = await(adapter.send(message(content)));

        assertThat(receipt).isEqualTo(new SendReceipt("wamid.fake.1", NOW));
        FakeGraphApi.RecordedRequest request = graph.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v24.0/" + PNID + "/messages");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(json.readTree(request.body())).isEqualTo(expected("""
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678',
                 'type':'template','biz_opaque_callback_data':'c42:r9001',
                 'template':{'name':'promo_may','language':{'code':'es_MX'},'components':[
                  {'type':'header','parameters':[{'type':'image','image':{'link':'https://cdn.example/p.jpg'}}]},
                  {'type':'body','parameters':[{'type':'text','text':'Ana'},{'type':'text','text':'20%'}]},
                  {'type':'button','sub_type':'quick_reply','index':'0','parameters':[{'type':'payload','payload':'c42:yes'}]},
                  {'type':'button','sub_type':'url','index':'1','parameters':[{'type':'text','text':'A12345'}]}]}}
                """));
    }

    /** What the engine hands over for a desk agent's template (a reply after the 24-hour window): name, language, body. */
    @Test
    void anAgentsReplyTemplateIsPostedAsATemplateWithItsBodyOnly() throws Exception {
        await(adapter.send(new OutboundMessage(
                "+5215512345678",
                PNID,
                "reply:conv-7:3",
                TemplateContent.of("seguimiento", "es_MX", List.of("Ana", "1,500.50")))));

        assertThat(json.readTree(graph.takeRequest().body())).isEqualTo(expected("""
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678',
                 'type':'template','biz_opaque_callback_data':'reply:conv-7:3',
                 'template':{'name':'seguimiento','language':{'code':'es_MX'},'components':[
                  {'type':'body','parameters':[{'type':'text','text':'Ana'},{'type':'text','text':'1,500.50'}]}]}}
                """));
    }

    @Test
    void sendCompletionsRunOnTheAdaptersOwnThreadsNotOnTheCommonPool() throws Exception {
        graph.enqueue(Response.hang());
        CompletionStage<SendReceipt> sent = adapter.send(message(TextContent.of("hola")));
        graph.takeRequest(); // the request is held by the fake: what follows is chained before the answer
        CompletableFuture<Thread> completedOn = sent.toCompletableFuture().thenApply(receipt -> Thread.currentThread());

        graph.releaseHanging();

        Thread thread = completedOn.get(10, TimeUnit.SECONDS);
        assertThat(thread).isNotInstanceOf(ForkJoinWorkerThread.class);
        assertThat(thread.getName()).startsWith("whatsapp-cloud-http-");
    }

    @Test
    void headerDocumentAndVideoByMediaId() throws Exception {
        await(adapter.send(message(TemplateContent.of("invoice", "es", List.of())
                .withHeaderMedia(MediaReference.ofProviderId(MediaKind.DOCUMENT, "DOC-1")))));
        await(adapter.send(message(TemplateContent.of("launch", "en_US", List.of())
                .withHeaderMedia(MediaReference.ofProviderId(MediaKind.VIDEO, "VID-1")))));

        assertThat(json.readTree(graph.takeRequest().body()).at("/template/components/0"))
                .isEqualTo(expected("{'type':'header','parameters':[{'type':'document','document':{'id':'DOC-1'}}]}"));
        assertThat(json.readTree(graph.takeRequest().body()).at("/template/components/0"))
                .isEqualTo(expected("{'type':'header','parameters':[{'type':'video','video':{'id':'VID-1'}}]}"));
    }

    @Test
    void freeFormTextAsAReply() throws Exception {
        await(adapter.send(message(TextContent.replyTo("Claro, Ana", "wamid.IN1"))));

        assertThat(json.readTree(graph.takeRequest().body())).isEqualTo(expected("""
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678','type':'text',
                 'biz_opaque_callback_data':'c42:r9001',
                 'text':{'body':'Claro, Ana','preview_url':false},'context':{'message_id':'wamid.IN1'}}
                """));
    }

    @Test
    void detailedReceiptKeepsWaIdAndMessageStatus() throws Exception {
        graph.enqueue(Response.json(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"+52 1 55 1234 5678","wa_id":"5215512345678"}],
                 "messages":[{"id":"wamid.HELD","message_status":"held_for_quality_assessment"}]}"""));

        WhatsAppSendReceipt receipt = await(adapter.sendDetailed(message(TextContent.of("hola"))));

        assertThat(receipt.receipt().providerMessageId()).isEqualTo("wamid.HELD");
        // Meta's wa_id keeps Mexico's retired mobile 1; the receipt names the current E.164 number
        assertThat(receipt.recipient()).contains("+525512345678");
        assertThat(receipt.messageStatus()).contains("held_for_quality_assessment");
        assertThat(receipt.heldForQualityAssessment()).isTrue();
    }

    @Test
    void anAcceptedMessageIsNotHeld() throws Exception {
        graph.enqueue(Response.json(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"+5215512345678","wa_id":"5215512345678"}],
                 "messages":[{"id":"wamid.OK","message_status":"accepted"}]}"""));

        WhatsAppSendReceipt receipt = await(adapter.sendDetailed(message(TextContent.of("hola"))));

        assertThat(receipt.messageStatus()).contains("accepted");
        assertThat(receipt.heldForQualityAssessment()).isFalse();
    }

    private static final String MARKETING_LIMIT = """
            {"error":{"message":"(#131049) This message was not delivered to maintain healthy ecosystem engagement.",
             "type":"OAuthException","code":131049,"error_data":{"messaging_product":"whatsapp",
             "details":"In order to maintain a healthy ecosystem engagement, the message failed to be delivered."},
             "fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""";

    @Test
    void metaErrorIsClassifiedWithCodeMessageAndRetryAfter() throws Exception {
        graph.enqueue(Response.json(429, """
                {"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,
                 "fbtrace_id":"AbC"}}"""));

        WhatsAppSendException failure = failure(adapter.send(message(TemplateContent.of("promo", "es", List.of()))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.RATE_LIMITED);
        assertThat(failure.failure().providerCode()).contains("130429");
        assertThat(failure.failure().retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(failure.failure().providerMessage())
                .contains("Rate limit hit")
                .contains("AbC");
        assertThat(failure.httpStatus()).hasValue(429);
        assertThat(failure.errorCode()).isEqualTo("130429");
    }

    @Test
    void anUndeliverableNumberIsFlaggedNotOnTheChannelSoACampaignMayFallBack() throws Exception {
        graph.enqueue(Response.json(400, """
                {"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026,
                 "error_data":{"messaging_product":"whatsapp","details":"Message Undeliverable."},
                 "fbtrace_id":"AbC"}}"""));

        WhatsAppSendException failure = failure(adapter.send(message(TemplateContent.of("promo", "es", List.of()))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
        assertThat(failure.failure().notOnChannel()).isTrue();
        assertThat(failure.failure().providerCode()).contains("131026");
    }

    @Test
    void theMarketingLimitOfOneUserFailsThatRecipientWithTheReasonByDefault() throws Exception {
        graph.enqueue(Response.json(400, MARKETING_LIMIT));

        WhatsAppSendException failure = failure(adapter.send(message(TemplateContent.of("promo", "es", List.of()))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
        assertThat(failure.failure().providerCode()).contains("131049");
        assertThat(failure.failure().retryAfter()).isEmpty();
        assertThat(failure.failure().providerMessage())
                .contains("healthy ecosystem")
                .contains("Az8or2yhqkZfEZ-_4Qn_Bam");
        assertThat(failure.httpStatus()).hasValue(400);
        assertThat(failure.failure().notOnChannel())
                .as("a limit on the user is no sign it is not on WhatsApp")
                .isFalse();
    }

    @Test
    void theMarketingLimitOfOneUserIsRetriedForThatRecipientADayLaterWhenConfigured() throws Exception {
        adapter.close();
        adapter = new WhatsAppCloudAdapter(adapter.config().toBuilder()
                .perUserLimitAction(PerUserLimitAction.RETRY_LATER)
                .build());
        graph.enqueue(Response.json(400, MARKETING_LIMIT));

        WhatsAppSendException failure = failure(adapter.send(message(TemplateContent.of("promo", "es", List.of()))));

        // TRANSIENT with a retry-after: only this recipient waits, the sender is not held (RATE_LIMITED would)
        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.TRANSIENT);
        assertThat(failure.failure().providerCode()).contains("131049");
        assertThat(failure.failure().retryAfter()).contains(Duration.ofHours(24));
    }

    @Test
    void windowClosedOnFreeFormTextIsRecipientPermanent() throws Exception {
        graph.enqueue(Response.json(400, "{\"error\":{\"code\":131047,\"message\":\"Re-engagement message\"}}"));

        WhatsAppSendException failure = failure(adapter.send(message(TextContent.of("hola"))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
    }

    @Test
    void mediaAttachedToTextIsRefusedAsContentPermanentNotDropped() throws Exception {
        TextContent withImage = TextContent.of("hola")
                .withMedia(List.of(io.campaignkit.channel.MediaReference.ofUrl(
                        io.campaignkit.channel.MediaKind.IMAGE, java.net.URI.create("https://cdn.example/a.jpg"))));

        WhatsAppSendException failure = failure(adapter.send(message(withImage)));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        assertThat(failure.errorCode()).isEqualTo("whatsapp.text_media_unsupported");
    }

    @Test
    void unknownCodeIsTransientWithTheCodeKept() throws Exception {
        graph.enqueue(Response.json(400, "{\"error\":{\"code\":139999,\"message\":\"brand new\"}}"));

        WhatsAppSendException failure = failure(adapter.send(message(TextContent.of("hola"))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.TRANSIENT);
        assertThat(failure.failure().providerCode()).contains("139999");
    }

    @Test
    void timeoutAfterSendingIsUnknownOutcomeWithoutProviderCode() throws Exception {
        adapter.close();
        adapter = adapter(graph.baseUrl(), Duration.ofMillis(200));
        graph.enqueue(Response.hang());

        WhatsAppSendException failure = failure(adapter.send(message(TextContent.of("hola"))));

        assertThat(graph.takeRequest().method()).as("the request did leave").isEqualTo("POST");
        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.UNKNOWN_OUTCOME);
        assertThat(failure.failure().providerCode()).isEmpty();
        assertThat(failure.errorCode()).isEqualTo("whatsapp.timeout_after_send");
        assertThat(failure.httpStatus()).isEmpty();
    }

    @Test
    void connectionRefusedIsTransient() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        adapter.close();
        adapter = adapter(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5));

        WhatsAppSendException failure = failure(adapter.send(message(TextContent.of("hola"))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.TRANSIENT);
        assertThat(failure.errorCode()).isEqualTo("whatsapp.connect_failed");
    }

    @Test
    void tooLongTextFailsAsContentPermanentWithoutARequest() throws Exception {
        WhatsAppSendException failure = failure(adapter.send(message(TextContent.of("x".repeat(4097)))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        assertThat(failure.errorCode()).isEqualTo("whatsapp.text_too_long");
        assertThat(graph.requestCount()).isZero();
    }

    @Test
    void audioHeaderFailsAsContentPermanent() throws Exception {
        WhatsAppSendException failure = failure(adapter.send(message(TemplateContent.of("t", "es", List.of())
                .withHeaderMedia(MediaReference.ofProviderId(MediaKind.AUDIO, "AUD-1")))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        assertThat(graph.requestCount()).isZero();
    }

    @Test
    void anotherSenderIsRefusedAsAuthentication() throws Exception {
        OutboundMessage foreign = new OutboundMessage("+5215512345678", "999", "c1", TextContent.of("hola"));

        WhatsAppSendException failure = failure(adapter.send(foreign));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.AUTHENTICATION);
        assertThat(failure.errorCode()).isEqualTo("whatsapp.unknown_sender");
        assertThat(graph.requestCount()).isZero();
    }

    @Test
    void nullMessageAndClosedAdapterFailTheStageInsteadOfThrowing() throws Exception {
        assertThat(failure(adapter.send(null)).errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        adapter.close();
        adapter.close();
        assertThat(failure(adapter.send(message(TextContent.of("hola")))).errorClass())
                .isEqualTo(SendErrorClass.TRANSIENT);
    }

    @Test
    void theTokenAppearsInNoMessageOrToString() throws Exception {
        graph.enqueue(Response.json(401, "{\"error\":{\"code\":190,\"message\":\"Invalid OAuth access token.\"}}"));

        WhatsAppSendException failure = failure(adapter.send(message(TextContent.of("hola"))));

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.AUTHENTICATION);
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        assertThat(adapter.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("app-secret")
                .doesNotContain("verify,");
    }

    @Test
    void capabilities() {
        assertThat(adapter.capabilities().maxMessagesPerSecond()).isEqualTo(80);
        assertThat(adapter.capabilities().customerServiceWindow()).contains(Duration.ofHours(24));
        assertThat(adapter.capabilities().maxBodyLength()).isEqualTo(4096);
        assertThat(adapter.capabilities().mediaKinds())
                .containsExactlyInAnyOrder(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.DOCUMENT);
        assertThat(adapter.capabilities().templates()).isTrue();
        assertThat(adapter.capabilities().freeFormText()).isTrue();
        WhatsAppCloudAdapter fastest = new WhatsAppCloudAdapter(
                adapter.config().toBuilder().maxMessagesPerSecond(1000).build());
        assertThat(fastest.capabilities().maxMessagesPerSecond()).isEqualTo(1000);
        assertThat(Optional.of(adapter.id())).contains("whatsapp-cloud");
    }
}
