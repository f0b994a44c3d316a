package io.campaignkit.channel.whatsapp;

import static io.campaignkit.channel.whatsapp.fake.MetaWebhooks.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.event.InboundContent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.whatsapp.fake.MetaWebhooks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5: every WhatsApp message type reaches the engine typed. The type-specific objects
 * are those of Meta's webhook reference examples (developers.facebook.com/documentation/
 * business-messaging/whatsapp/webhooks/reference/messages/: text, image, audio, video, document,
 * sticker, location, contacts, reaction, interactive, button), abridged to the fields read.
 */
class WhatsAppInboundContentTest {

    private static final String PNID = "106540352242922";
    private static final String APP_SECRET = "meta-app-secret";
    private static final String USER = "16505551234";

    private final WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
            .phoneNumberId(PNID)
            .accessToken(Secret.of("token"))
            .appSecret(Secret.of(APP_SECRET))
            .verifyToken(Secret.of("verify"))
            .clock(Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC))
            .build());
    private final MetaWebhooks meta = new MetaWebhooks(APP_SECRET, PNID);

    private InboundContent contentOf(String type, String body) {
        WebhookResult result =
                adapter.handleWebhook(meta.signed(meta.notification(message(USER, "wamid.X", type, body))));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.events()).singleElement().isInstanceOf(InboundMessage.class);
        return ((InboundMessage) result.events().get(0)).content();
    }

    @Test
    void text() {
        assertThat(contentOf("text", "'text':{'body':'Hi'}")).isEqualTo(new InboundContent.Text("Hi"));
    }

    @Test
    void everyMediaKindWithItsIdMimeTypeCaptionAndFileName() {
        assertThat(contentOf(
                        "audio",
                        "'audio':{'mime_type':'audio/ogg; codecs=opus','sha256':'x','id':'2754859441498128',"
                                + "'voice':true}"))
                .isEqualTo(new InboundContent.Media(
                        List.of(MediaReference.ofProviderId(MediaKind.AUDIO, "2754859441498128")
                                .withMimeType("audio/ogg; codecs=opus")),
                        Optional.empty(),
                        Optional.empty()));
        assertThat(contentOf(
                        "video",
                        "'video':{'caption':'Mark','mime_type':'video/mp4','sha256':'x','id':'1166846181421424'}"))
                .isEqualTo(new InboundContent.Media(
                        List.of(MediaReference.ofProviderId(MediaKind.VIDEO, "1166846181421424")
                                .withMimeType("video/mp4")),
                        Optional.of("Mark"),
                        Optional.empty()));
        assertThat(contentOf(
                        "document",
                        "'document':{'caption':'Lucky Shrub Invoice','filename':'lucky-shrub-invoice.pdf',"
                                + "'mime_type':'application/pdf','sha256':'x','id':'1003383421387256'}"))
                .isEqualTo(new InboundContent.Media(
                        List.of(MediaReference.ofProviderId(MediaKind.DOCUMENT, "1003383421387256")
                                .withMimeType("application/pdf")),
                        Optional.of("Lucky Shrub Invoice"),
                        Optional.of("lucky-shrub-invoice.pdf")));
        InboundContent.Media sticker = (InboundContent.Media) contentOf(
                "sticker",
                "'sticker':{'mime_type':'image/webp','sha256':'x','id':'1229765651440592','animated':false}");
        assertThat(sticker.kind()).isEqualTo(MediaKind.STICKER);
        assertThat(((InboundContent.Media) contentOf(
                                "image",
                                "'image':{'caption':'foto','mime_type':'image/jpeg',"
                                        + "'sha256':'x','id':'1003383421387256'}"))
                        .kind())
                .isEqualTo(MediaKind.IMAGE);
    }

    @Test
    void location() {
        assertThat(
                        contentOf(
                                "location",
                                "'location':{'address':'1 Hacker Way, Menlo Park, CA 94025',"
                                        + "'latitude':37.483307,'longitude':-122.148981,'name':'Meta Headquarters','url':'https://meta.com'}"))
                .isEqualTo(new InboundContent.Location(
                        37.483307,
                        -122.148981,
                        Optional.of("Meta Headquarters"),
                        Optional.of("1 Hacker Way, Menlo Park, CA 94025")));
    }

    @Test
    void contacts() {
        assertThat(contentOf(
                        "contacts",
                        "'contacts':[{'name':{'first_name':'Barbara','last_name':'Johnson',"
                                + "'formatted_name':'Barbara J. Johnson'},'phones':[{'phone':'+1 (415) 555-0123','type':'HOME'},"
                                + "{'phone':'+1 (415) 555-0124','wa_id':'14155550124','type':'WORK'}]}]"))
                .isEqualTo(new InboundContent.Contacts(List.of(new InboundContent.SharedContact(
                        Optional.of("Barbara J. Johnson"), List.of("+1 (415) 555-0123", "+1 (415) 555-0124")))));
    }

    @Test
    void reactionAndItsRemoval() {
        assertThat(contentOf(
                        "reaction",
                        "'reaction':{'message_id':'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA',"
                                + "'emoji':'\\u2764\\ufe0f'}"))
                .isEqualTo(new InboundContent.Reaction(
                        "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", Optional.of("\u2764\ufe0f")));
        assertThat(contentOf("reaction", "'reaction':{'message_id':'wamid.A'}"))
                .isEqualTo(new InboundContent.Reaction("wamid.A", Optional.empty()));
    }

    @Test
    void interactiveButtonListAndFlowReplies() {
        assertThat(contentOf(
                        "interactive",
                        "'interactive':{'type':'button_reply','button_reply':{'id':'cancel-button',"
                                + "'title':'Cancel'}}"))
                .isEqualTo(new InboundContent.ButtonReply("cancel-button", Optional.of("Cancel")));
        assertThat(contentOf(
                        "interactive",
                        "'interactive':{'type':'list_reply','list_reply':{'id':'priority_express',"
                                + "'title':'Priority Mail Express','description':'Next Day to 2 Days'}}"))
                .isEqualTo(new InboundContent.ListReply(
                        "priority_express", Optional.of("Priority Mail Express"), Optional.of("Next Day to 2 Days")));
        assertThat(
                        contentOf(
                                "interactive",
                                "'interactive':{'type':'nfm_reply','nfm_reply':{'name':'flow','body':'Sent',"
                                        + "'response_json':'{\\'flow_token\\': \\'AQAAAAACS5FpgQ_cAAAAAD0QI3s.\\', \\'size\\': \\'M\\'}'}}"))
                .isInstanceOfSatisfying(InboundContent.FlowReply.class, flow -> {
                    assertThat(flow.responseJson()).contains("flow_token").contains("\"size\"");
                    assertThat(flow.body()).contains("Sent");
                });
    }

    @Test
    void aTemplatesQuickReplyButton() {
        assertThat(contentOf(
                        "button", "'button':{'payload':'Unsubscribe from Promos','text':'Unsubscribe from Promos'}"))
                .isEqualTo(new InboundContent.ButtonReply(
                        "Unsubscribe from Promos", Optional.of("Unsubscribe from Promos")));
    }

    @Test
    void metasOwnUnsupportedTypeReachesTheBotWithItsName() {
        assertThat(contentOf("unsupported", "'errors':[{'code':131051,'title':'Message type unknown'}]"))
                .isEqualTo(new InboundContent.Unsupported("unsupported"));
    }
}
