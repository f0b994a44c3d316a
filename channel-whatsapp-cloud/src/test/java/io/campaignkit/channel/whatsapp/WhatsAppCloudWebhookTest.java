package io.campaignkit.channel.whatsapp;

import static io.campaignkit.channel.whatsapp.fake.MetaWebhooks.message;
import static io.campaignkit.channel.whatsapp.fake.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.whatsapp.fake.MetaWebhooks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhatsAppCloudWebhookTest {

    private static final String PNID = "106540352242922";
    private static final String APP_SECRET = "meta-app-secret";
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");
    private static final Instant SENT_AT = Instant.ofEpochSecond(1682651887L);

    private final WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
            .phoneNumberId(PNID)
            .accessToken(Secret.of("token"))
            .appSecret(Secret.of(APP_SECRET))
            .verifyToken(Secret.of("my-verify-token"))
            .maxWebhookBodyBytes(4096)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());
    private final MetaWebhooks meta = new MetaWebhooks(APP_SECRET, PNID);

    private List<ChannelEvent> accepted(WebhookRequest request) {
        WebhookResult result = adapter.handleWebhook(request);
        assertThat(result.status()).as("status, body %s", result.body()).isEqualTo(200);
        return result.events();
    }

    // ------------------------------------------------------------------ subscription check

    @Test
    void subscriptionCheckEchoesTheChallenge() {
        WebhookResult result =
                adapter.handleWebhook(MetaWebhooks.subscription("subscribe", "my-verify-token", "1158201444"));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("1158201444");
        assertThat(result.contentType()).startsWith("text/plain");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void subscriptionCheckRefusedWith403() {
        assertThat(adapter.handleWebhook(MetaWebhooks.subscription("subscribe", "wrong", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(adapter.handleWebhook(MetaWebhooks.subscription("unsubscribe", "my-verify-token", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(adapter.handleWebhook(MetaWebhooks.subscription(null, "my-verify-token", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(adapter.handleWebhook(MetaWebhooks.subscription("subscribe", null, "1"))
                        .status())
                .isEqualTo(403);
        assertThat(adapter.handleWebhook(MetaWebhooks.subscription("subscribe", "my-verify-token", null))
                        .status())
                .isEqualTo(403);
        WebhookResult refused = adapter.handleWebhook(MetaWebhooks.subscription("subscribe", "wrong", "1"));
        assertThat(refused.body()).doesNotContain("my-verify-token");
    }

    @Test
    void otherMethodsAre405() {
        WebhookRequest put = WebhookRequest.of("PUT", MetaWebhooks.ENDPOINT, WebhookHeaders.none(), new byte[0]);
        assertThat(adapter.handleWebhook(put).status()).isEqualTo(405);
    }

    // ------------------------------------------------------------------ signature and size

    @Test
    void missingWrongOrStaleSignatureIs401WithNoEvents() {
        WebhookRequest signed = meta.signed(meta.notification(status("wamid.A", "read", "5215512345678", "")));
        byte[] tampered = signed.bodyAsString().replace("read", "sent").getBytes(StandardCharsets.UTF_8);

        for (WebhookRequest refused : List.of(
                meta.withoutSignature(signed),
                meta.withBadSignature(signed),
                signed.withBody(tampered),
                signed.withHeaders(signed.headers().with("X-Hub-Signature-256", "sha256=zz")),
                signed.withHeaders(signed.headers().with("X-Hub-Signature-256", "")))) {
            WebhookResult result = adapter.handleWebhook(refused);
            assertThat(result.status()).isEqualTo(401);
            assertThat(result.events()).isEmpty();
            assertThat(result.body()).doesNotContain(APP_SECRET);
        }
    }

    @Test
    void signatureIsCheckedBeforeParsing() {
        WebhookRequest malformedUnsigned = meta.withoutSignature(meta.signed("{'entry':["));
        assertThat(adapter.handleWebhook(malformedUnsigned).status()).isEqualTo(401);
    }

    @Test
    void headerNameIsCaseInsensitive() {
        WebhookRequest signed = meta.signed(meta.notification(status("wamid.A", "read", "5215512345678", "")));
        String value = signed.header("X-Hub-Signature-256").orElseThrow();
        WebhookRequest lowerCase = signed.withHeaders(
                signed.headers().without("X-Hub-Signature-256").with("x-hub-signature-256", value));
        assertThat(accepted(lowerCase)).hasSize(1);
    }

    @Test
    void oversizedBodyIs413BeforeAnythingElse() {
        String padding = "x".repeat(5000);
        WebhookRequest huge = meta.signed(meta.notification("'padding':'" + padding + "'"));

        WebhookResult result = adapter.handleWebhook(huge);

        assertThat(result.status()).isEqualTo(413);
        assertThat(result.events()).isEmpty();
    }

    @Test
    void oversizedBodyIsRefusedUnreadEvenWithoutSignature() {
        WebhookRequest huge = WebhookRequest.post(MetaWebhooks.ENDPOINT, WebhookHeaders.none(), new byte[4097]);
        assertThat(adapter.handleWebhook(huge).status()).isEqualTo(413);
        WebhookRequest limit = WebhookRequest.post(MetaWebhooks.ENDPOINT, WebhookHeaders.none(), new byte[4096]);
        assertThat(adapter.handleWebhook(limit).status())
                .as("at the limit: checked, then refused unsigned")
                .isEqualTo(401);
    }

    @Test
    void malformedJsonWithAValidSignatureIs400() {
        for (String body : List.of("{'entry':[", "[1,2,3]", "", "not json")) {
            WebhookResult result = adapter.handleWebhook(meta.signed(body));
            assertThat(result.status()).as(body).isEqualTo(400);
            assertThat(result.events()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ statuses

    @Test
    void statusesMapWithCorrelationIdAndRecipient() {
        List<ChannelEvent> events = accepted(
                meta.signed(
                        meta.notification(
                                status(
                                        "wamid.A",
                                        "delivered",
                                        "5215512345678",
                                        "'biz_opaque_callback_data':'c42:r9001',"
                                                + "'pricing':{'billable':true,'pricing_model':'PMP','category':'marketing','type':'regular'}"))));

        assertThat(events)
                .containsExactly(StatusUpdate.of("wamid.A", Optional.of("c42:r9001"), DeliveryStatus.DELIVERED, SENT_AT)
                        .withRecipient("+525512345678"));
    }

    @Test
    void failedStatusCarriesTheClassifiedError() {
        List<ChannelEvent> events = accepted(meta.signed(meta.notification(status(
                "wamid.A",
                "failed",
                "5215512345678",
                "'errors':[{'code':131026,'title':'Message undeliverable','message':'Message undeliverable',"
                        + "'error_data':{'details':'Message Undeliverable.'},'href':'https://x'}]"))));

        StatusUpdate update = (StatusUpdate) events.get(0);
        assertThat(update.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(update.correlationId()).isEmpty();
        assertThat(update.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
            assertThat(failure.providerCode()).contains("131026");
            assertThat(failure.providerMessage()).isEqualTo("Message Undeliverable.");
            assertThat(failure.notOnChannel())
                    .as("131026: not on WhatsApp, so a campaign may fall back")
                    .isTrue();
        });
    }

    @Test
    void userWhoStoppedMarketingIsAlsoReportedAsAnOptOut() {
        List<ChannelEvent> events = accepted(meta.signed(meta.notification(status(
                "wamid.A",
                "failed",
                "5215512345678",
                "'errors':[{'code':131050,'title':'User has stopped marketing messages'}]"))));

        assertThat(events).hasSize(2);
        assertThat(((StatusUpdate) events.get(0)).failure().orElseThrow().errorClass())
                .isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
        assertThat(events.get(1))
                .isEqualTo(new OptOut("+525512345678", PNID, SENT_AT, Optional.empty(), Optional.of("wamid.A")));
        assertThat(accepted(meta.signed(
                        meta.notification(status("wamid.B", "failed", "5215512345678", "'errors':[{'code':131026}]")))))
                .as("other failures are no opt-out")
                .hasSize(1);
    }

    @Test
    void failedStatusWithMarketingLimitFailsThatRecipientOnly() {
        StatusUpdate update = (StatusUpdate) accepted(
                        meta.signed(
                                meta.notification(
                                        status(
                                                "wamid.A",
                                                "failed",
                                                "1555",
                                                "'errors':[{'code':131049,'title':'not delivered to maintain healthy ecosystem engagement'}]"))))
                .get(0);

        // one user's limit (issue 14): the message has failed; nothing about the sender
        assertThat(update.failure().orElseThrow().errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
        assertThat(update.failure().orElseThrow().providerCode()).contains("131049");
        assertThat(update.failure().orElseThrow().retryAfter()).isEmpty();
    }

    @Test
    void readWithoutDeliveredOutOfOrderAndDuplicatesAreAllReported() {
        String statuses = "'statuses':["
                + "{'id':'wamid.A','status':'read','timestamp':'1682651890','recipient_id':'1555'},"
                + "{'id':'wamid.A','status':'sent','timestamp':'1682651887','recipient_id':'1555'},"
                + "{'id':'wamid.A','status':'read','timestamp':'1682651890','recipient_id':'1555'}]";
        WebhookRequest request = meta.signed(meta.notification(statuses));

        List<ChannelEvent> first = accepted(request);
        List<ChannelEvent> again = accepted(request);

        assertThat(first)
                .extracting(event -> ((StatusUpdate) event).status())
                .containsExactly(DeliveryStatus.READ, DeliveryStatus.SENT, DeliveryStatus.READ);
        assertThat(first)
                .extracting(ChannelEvent::deduplicationKey)
                .containsExactly("status:wamid.A:READ", "status:wamid.A:SENT", "status:wamid.A:READ");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void unknownStatusValuesProduceNoEvent() {
        assertThat(accepted(meta.signed(meta.notification(status("wamid.A", "deleted", "1555", "")))))
                .isEmpty();
        assertThat(accepted(meta.signed(meta.notification(status("wamid.A", "warning", "1555", "")))))
                .isEmpty();
    }

    // ------------------------------------------------------------------ inbound messages

    @Test
    void inboundTextFromTheContactToOurNumber() {
        List<ChannelEvent> events = accepted(
                meta.signed(meta.notification(message("5215512345678", "wamid.B", "text", "'text':{'body':'hola'}"))));

        assertThat(events)
                .containsExactly(
                        InboundMessage.builder("wamid.B", "+525512345678", PNID, Instant.ofEpochSecond(1673023653L))
                                .text("hola")
                                .profileName("Ana")
                                .build());
    }

    @Test
    void quickReplyButtonKeepsPayloadAndContext() {
        InboundMessage inbound = (InboundMessage) accepted(meta.signed(meta.notification(message(
                        "5215512345678",
                        "wamid.C",
                        "button",
                        "'context':{'from':'15550001111','id':'wamid.A'},"
                                + "'button':{'payload':'c42:yes','text':'Sí'}"))))
                .get(0);

        assertThat(inbound.buttonPayload()).contains("c42:yes");
        assertThat(inbound.text()).contains("Sí");
        assertThat(inbound.replyToProviderMessageId()).contains("wamid.A");
    }

    @Test
    void interactiveButtonAndListReplies() {
        InboundMessage button = (InboundMessage) accepted(meta.signed(meta.notification(message(
                        "1555",
                        "wamid.D",
                        "interactive",
                        "'context':{'from':'15550001111','id':'wamid.A'},"
                                + "'interactive':{'type':'button_reply','button_reply':{'id':'yes','title':'Sí'}}"))))
                .get(0);
        InboundMessage list = (InboundMessage) accepted(meta.signed(meta.notification(message(
                        "1555",
                        "wamid.E",
                        "interactive",
                        "'interactive':{'type':'list_reply','list_reply':{'id':'row-2','title':'Martes',"
                                + "'description':'10 a 12'}}"))))
                .get(0);

        assertThat(button.buttonPayload()).contains("yes");
        assertThat(button.text()).contains("Sí");
        assertThat(button.replyToProviderMessageId()).contains("wamid.A");
        assertThat(list.buttonPayload()).contains("row-2");
        assertThat(list.text()).contains("Martes");
    }

    @Test
    void mediaBecomesAProviderMediaReferenceWithCaption() {
        InboundMessage image = (InboundMessage) accepted(meta.signed(meta.notification(message(
                        "1555",
                        "wamid.F",
                        "image",
                        "'image':{'id':'MEDIA1','mime_type':'image/jpeg','sha256':'abc','caption':'foto'}"))))
                .get(0);

        assertThat(image.media())
                .containsExactly(
                        MediaReference.ofProviderId(MediaKind.IMAGE, "MEDIA1").withMimeType("image/jpeg"));
        assertThat(image.text()).contains("foto");
    }

    @Test
    void unknownMessageTypeReachesTheEngineAsUnsupportedContentWithItsTypeName() {
        List<ChannelEvent> events = accepted(meta.signed(meta.notification(
                message("5215512345678", "wamid.H", "hologram_2031", "'hologram_2031':{'depth':3}"))));

        assertThat(events).singleElement().isInstanceOfSatisfying(InboundMessage.class, inbound -> {
            assertThat(inbound.providerMessageId()).isEqualTo("wamid.H");
            assertThat(inbound.content())
                    .isEqualTo(new io.campaignkit.channel.event.InboundContent.Unsupported("hologram_2031"));
            assertThat(inbound.from()).isEqualTo("+525512345678");
            assertThat(inbound.to()).isEqualTo(PNID);
        });
    }

    @Test
    void severalEntriesAndChangesAreAllParsedAndOtherNumbersSkipped() {
        String ours = "{'field':'messages','value':{'metadata':{'phone_number_id':'" + PNID + "'},%s}}";
        String theirs = "{'field':'messages','value':{'metadata':{'phone_number_id':'777'},%s}}";
        String body = "{'object':'whatsapp_business_account','entry':["
                + "{'id':'1','changes':[" + ours.formatted(status("wamid.1", "sent", "1555", "")) + ","
                + ours.formatted(message("1555", "wamid.2", "text", "'text':{'body':'a'}")) + "]},"
                + "{'id':'2','changes':[" + theirs.formatted(status("wamid.3", "sent", "1555", "")) + ","
                + ours.formatted(status("wamid.4", "read", "1555", "")) + "]}]}";

        List<ChannelEvent> events = accepted(meta.signed(body));

        assertThat(events)
                .extracting(ChannelEvent::deduplicationKey)
                .containsExactlyInAnyOrder("status:wamid.1:SENT", "status:wamid.4:READ", "inbound:wamid.2");
    }

    @Test
    void missingTimestampFallsBackToTheClock() {
        String statuses = "'statuses':[{'id':'wamid.A','status':'sent','recipient_id':'1555'}]";
        assertThat(accepted(meta.signed(meta.notification(statuses))))
                .singleElement()
                .extracting(ChannelEvent::timestamp)
                .isEqualTo(NOW);
    }

    @Test
    void missingOrFutureTimestampsTakeTheRequestsArrivalWhenTheHostStampedIt() {
        Instant arrival = NOW.minusSeconds(42);
        String statuses = "'statuses':[{'id':'wamid.A','status':'sent','recipient_id':'1555'},"
                + "{'id':'wamid.B','status':'delivered','timestamp':'"
                + NOW.plusSeconds(7200).getEpochSecond()
                + "','recipient_id':'1555'}]";
        WebhookRequest request = meta.signed(meta.notification(statuses)).withReceivedAt(arrival);

        assertThat(accepted(request)).extracting(ChannelEvent::timestamp).containsExactly(arrival, arrival);
        assertThat(accepted(request))
                .as("the same request, handled again later, gives equal events")
                .isEqualTo(accepted(request));
        // a timestamp an hour ahead of the arrival is not believed, though within an hour of the adapter's clock
        String aheadOfArrival = "'statuses':[{'id':'wamid.C','status':'read','timestamp':'"
                + arrival.plusSeconds(3620).getEpochSecond() + "','recipient_id':'1555'}]";
        assertThat(accepted(meta.signed(meta.notification(aheadOfArrival)).withReceivedAt(arrival)))
                .singleElement()
                .extracting(ChannelEvent::timestamp)
                .isEqualTo(arrival);
    }

    @Test
    void nullRequestIsABadRequestNotAnException() {
        assertThat(adapter.handleWebhook(null).status()).isEqualTo(400);
        assertThat(URI.create(MetaWebhooks.ENDPOINT.toString()).isAbsolute()).isTrue();
    }
}
