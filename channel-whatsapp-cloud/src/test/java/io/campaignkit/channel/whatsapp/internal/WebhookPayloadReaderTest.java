package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.InboundContent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class WebhookPayloadReaderTest {

    private final WebhookPayloadReader reader = new WebhookPayloadReader(new ObjectMapper());

    static byte[] json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    static String envelope(String value) {
        return "{'object':'whatsapp_business_account','entry':[{'id':'WABA','changes':[{'field':'messages',"
                + "'value':{'messaging_product':'whatsapp','metadata':{'display_phone_number':'15550001111',"
                + "'phone_number_id':'PNID'}," + value + "}}]}]}";
    }

    @Test
    void statusesWithErrorsCallbackDataAndUnknownFields() throws Exception {
        WebhookPayload payload = reader.read(json(envelope("""
                'statuses':[{'id':'wamid.A','status':'failed','timestamp':'1682651887','recipient_id':'5215512345678',
                  'errors':[{'code':131026,'title':'Message undeliverable','message':'Message undeliverable',
                    'error_data':{'details':'not on WhatsApp'},'href':'x'}]},
                 {'id':'wamid.A','status':'delivered','timestamp':'1682651888','recipient_id':'5215512345678',
                  'biz_opaque_callback_data':'c42:r9001','brand_new_field':{'x':[1,2]},
                  'pricing':{'billable':true,'pricing_model':'PMP','category':'marketing','type':'regular'}}]
                """)));
        assertThat(payload.messages()).isEmpty();
        assertThat(payload.statuses())
                .containsExactly(
                        new WebhookPayload.Status(
                                "PNID",
                                "wamid.A",
                                "failed",
                                Instant.ofEpochSecond(1682651887L),
                                "5215512345678",
                                null,
                                List.of(new WebhookPayload.StatusError(
                                        131026, "Message undeliverable", "Message undeliverable", "not on WhatsApp"))),
                        new WebhookPayload.Status(
                                "PNID",
                                "wamid.A",
                                "delivered",
                                Instant.ofEpochSecond(1682651888L),
                                "5215512345678",
                                "c42:r9001",
                                List.of()));
    }

    @Test
    void everyDocumentedMessageShape() throws Exception {
        WebhookPayload payload = reader.read(json(envelope("""
                'contacts':[{'profile':{'name':'Ana'},'wa_id':'5215512345678'}],
                'messages':[
                 {'from':'5215512345678','id':'wamid.B','timestamp':'1673023653','type':'text','text':{'body':'hola'}},
                 {'from':'5215512345678','id':'wamid.C','timestamp':'1673023654','type':'button',
                  'context':{'from':'15550001111','id':'wamid.A'},'button':{'payload':'c42:yes','text':'Sí'}},
                 {'from':'5215512345678','id':'wamid.D','timestamp':'1673023655','type':'interactive',
                  'context':{'from':'15550001111','id':'wamid.A'},
                  'interactive':{'type':'button_reply','button_reply':{'id':'yes','title':'Sí'}}},
                 {'from':'5215512345678','id':'wamid.E','timestamp':'1673023656','type':'interactive',
                  'interactive':{'type':'list_reply','list_reply':{'id':'row-2','title':'Martes','description':'10-12'}}},
                 {'from':'5215512345678','id':'wamid.F','timestamp':'1673023657','type':'image',
                  'image':{'id':'MEDIA1','mime_type':'image/jpeg','sha256':'abc','caption':'foto'}},
                 {'from':'5215512345678','id':'wamid.G','timestamp':'1673023658','type':'document',
                  'document':{'id':'MEDIA2','mime_type':'application/pdf','sha256':'def','filename':'a.pdf'}}]
                """)));
        List<WebhookPayload.Message> messages = payload.messages();
        assertThat(messages).hasSize(6).allSatisfy(message -> {
            assertThat(message.profileName()).isEqualTo("Ana");
            assertThat(message.fromWaId()).isEqualTo("5215512345678");
            assertThat(message.phoneNumberId()).isEqualTo("PNID");
        });
        assertThat(messages.get(0))
                .extracting(WebhookPayload.Message::content, WebhookPayload.Message::timestamp)
                .containsExactly(new InboundContent.Text("hola"), Instant.ofEpochSecond(1673023653L));
        assertThat(messages.get(1).contextMessageId()).isEqualTo("wamid.A");
        assertThat(messages.get(1).content()).isEqualTo(new InboundContent.ButtonReply("c42:yes", Optional.of("Sí")));
        assertThat(messages.get(2).content()).isEqualTo(new InboundContent.ButtonReply("yes", Optional.of("Sí")));
        assertThat(messages.get(3).content())
                .isEqualTo(new InboundContent.ListReply("row-2", Optional.of("Martes"), Optional.of("10-12")));
        assertThat(messages.get(3).contextMessageId()).isNull();
        assertThat(messages.get(4).content())
                .isEqualTo(new InboundContent.Media(
                        List.of(MediaReference.ofProviderId(MediaKind.IMAGE, "MEDIA1")
                                .withMimeType("image/jpeg")),
                        Optional.of("foto"),
                        Optional.empty()));
        assertThat(messages.get(5).content())
                .isEqualTo(new InboundContent.Media(
                        List.of(MediaReference.ofProviderId(MediaKind.DOCUMENT, "MEDIA2")
                                .withMimeType("application/pdf")),
                        Optional.empty(),
                        Optional.of("a.pdf")));
    }

    @Test
    void unknownTypesAndIncompleteKnownTypesAreUnsupportedContentNotErrors() throws Exception {
        WebhookPayload payload = reader.read(json(envelope("""
                'messages':[
                 {'from':'1555','id':'wamid.H','timestamp':'1','type':'location','location':{'latitude':1}},
                 {'from':'1555','id':'wamid.I','timestamp':'1','type':'interactive','interactive':{'type':'nfm_reply'}},
                 {'from':'1555','id':'wamid.J','timestamp':'1','type':'hologram_2031'},
                 {'from':'1555','id':'wamid.K','timestamp':'1','type':'unsupported','errors':[{'code':131051}]}]
                """)));
        assertThat(payload.messages())
                .extracting(WebhookPayload.Message::content)
                .containsExactly(
                        new InboundContent.Unsupported("location"), new InboundContent.Unsupported("interactive"),
                        new InboundContent.Unsupported("hologram_2031"), new InboundContent.Unsupported("unsupported"));
        assertThat(payload.messages())
                .extracting(WebhookPayload.Message::type)
                .containsExactly("location", "interactive", "hologram_2031", "unsupported");
    }

    @Test
    void severalEntriesAndChangesAreAllRead() throws Exception {
        String change = "{'field':'messages','value':{'metadata':{'phone_number_id':'P%d'},"
                + "'statuses':[{'id':'wamid.%d','status':'read','timestamp':'5','recipient_id':'1555'}]}}";
        String body = "{'entry':[{'changes':[" + change.formatted(1, 1) + "," + change.formatted(2, 2) + "]},"
                + "{'changes':[" + change.formatted(3, 3) + "]}]}";
        assertThat(reader.read(json(body)).statuses())
                .extracting(WebhookPayload.Status::messageId)
                .containsExactly("wamid.1", "wamid.2", "wamid.3");
    }

    @Test
    void incompleteElementsAreKeptForTheMapperToReport() throws Exception {
        WebhookPayload payload = reader.read(json(envelope("""
                'statuses':[{'status':'read'},{'id':'wamid.A'},'not-an-object',
                 {'id':'wamid.OK','status':'READ','timestamp':'not-a-number'}],
                'messages':[{'id':'wamid.noFrom','type':'text','text':{'body':'x'}},
                 {'from':'1555','id':'wamid.T','type':'text','text':'should be an object'}]
                """)));
        assertThat(payload.statuses()).hasSize(4).last().satisfies(status -> {
            assertThat(status.messageId()).isEqualTo("wamid.OK");
            assertThat(status.status()).isEqualTo("read");
            assertThat(status.timestamp()).isNull();
        });
        assertThat(payload.statuses().subList(0, 3))
                .allSatisfy(status -> assertThat(status.messageId() == null || status.status() == null)
                        .isTrue());
        assertThat(payload.messages())
                .extracting(WebhookPayload.Message::fromWaId)
                .containsExactly(null, "1555");
        assertThat(payload.messages().get(1).content()).isEqualTo(new InboundContent.Unsupported("text"));
    }

    @Test
    void otherWebhookFieldsYieldNothing() throws Exception {
        WebhookPayload payload = reader.read(json("{'object':'whatsapp_business_account','entry':[{'changes':["
                + "{'field':'message_template_status_update','value':{'event':'APPROVED'}}]}]}"));
        assertThat(payload.statuses()).isEmpty();
        assertThat(payload.messages()).isEmpty();
    }

    @Test
    void malformedJsonIsRefused() {
        assertThatThrownBy(() -> reader.read(json("{'entry':[")))
                .isInstanceOf(WebhookPayloadReader.MalformedPayloadException.class);
        assertThatThrownBy(() -> reader.read(json("[1,2]")))
                .isInstanceOf(WebhookPayloadReader.MalformedPayloadException.class);
        assertThatThrownBy(() -> reader.read(new byte[0]))
                .isInstanceOf(WebhookPayloadReader.MalformedPayloadException.class);
    }

    /** New or odd fields from Meta must never break parsing: any JSON object reads without exception. */
    @Property(tries = 300)
    void anyJsonObjectIsReadWithoutException(@ForAll("jsonObjects") String body) throws Exception {
        WebhookPayload payload = reader.read(body.getBytes(StandardCharsets.UTF_8));
        assertThat(payload.statuses().size() + payload.messages().size()).isGreaterThanOrEqualTo(0);
    }

    @Provide
    Arbitrary<String> jsonObjects() {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(6).map(s -> "\"" + s + "\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("null", "true", "[]", "{}"));
        Arbitrary<String> key = Arbitraries.of(
                "entry",
                "changes",
                "value",
                "statuses",
                "messages",
                "contacts",
                "id",
                "status",
                "from",
                "type",
                "text",
                "body",
                "button",
                "interactive",
                "button_reply",
                "list_reply",
                "image",
                "context",
                "errors",
                "code",
                "timestamp",
                "profile",
                "wa_id",
                "x");
        Arbitrary<String> level1 = Arbitraries.oneOf(
                scalar,
                key.flatMap(k -> scalar.map(v -> "{\"" + k + "\":" + v + "}")),
                scalar.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"));
        Arbitrary<String> level2 = Arbitraries.oneOf(
                level1,
                key.flatMap(k -> level1.map(v -> "{\"" + k + "\":" + v + "}")),
                level1.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"));
        Arbitrary<String> level3 = Arbitraries.oneOf(
                level2,
                key.flatMap(k -> level2.map(v -> "{\"" + k + "\":" + v + "}")),
                level2.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"));
        Arbitrary<String> level4 = Arbitraries.oneOf(
                level3,
                key.flatMap(k -> level3.map(v -> "{\"" + k + "\":" + v + "}")),
                level3.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"));
        return key.flatMap(k -> level4.map(v -> "{\"" + k + "\":[{\"changes\":[{\"value\":" + v + "}]}]}"));
    }
}
