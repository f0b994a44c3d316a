package io.campaignkit.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Media messages by link go as the Graph API's {@code image}, {@code video}, {@code audio} and {@code document}
 * messages (Meta's "Image messages", "Audio messages", "Document messages": {@code link}, {@code caption},
 * {@code filename}), declared in the capabilities.
 */
class WhatsAppMediaMessageTest {

    private static final String PNID = "106540352242922";
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");

    private final ObjectMapper json = new ObjectMapper();
    private final FakeGraphApi graph = FakeGraphApi.start();
    private final WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
            .phoneNumberId(PNID)
            .accessToken(Secret.of("EAAG-token"))
            .appSecret(Secret.of("app-secret"))
            .verifyToken(Secret.of("verify"))
            .apiVersion("v24.0")
            .baseUrl(graph.baseUrl())
            .requestTimeout(Duration.ofSeconds(5))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());

    @AfterEach
    void stop() {
        adapter.close();
        graph.close();
    }

    private SendReceipt send(MediaContent media) throws Exception {
        return adapter.send(new OutboundMessage("+5215512345678", PNID, "c42:r9001", media))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private JsonNode posted() throws Exception {
        return json.readTree(graph.takeRequest().body());
    }

    private JsonNode expected(String singleQuoted) throws Exception {
        return json.readTree(singleQuoted.replace('\'', '"'));
    }

    @Test
    void everyMediaKindIsDeclared() {
        assertThat(adapter.capabilities().mediaMessageKinds())
                .containsExactlyInAnyOrder(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.AUDIO, MediaKind.DOCUMENT);
    }

    @Test
    void anImageWithACaptionIsPostedExactly() throws Exception {
        SendReceipt receipt = send(MediaContent.of(MediaKind.IMAGE, URI.create("https://cdn.example/recibo.jpg"))
                .withCaption("Tu recibo"));

        assertThat(receipt.providerMessageId()).isNotBlank();
        assertThat(posted()).isEqualTo(expected("""
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678','type':'image',
                 'biz_opaque_callback_data':'c42:r9001',
                 'image':{'link':'https://cdn.example/recibo.jpg','caption':'Tu recibo'}}
                """));
    }

    @Test
    void aDocumentCarriesItsFileNameAndCaption() throws Exception {
        send(new MediaContent(
                MediaKind.DOCUMENT,
                URI.create("https://cdn.example/c/123"),
                Optional.of("Contrato"),
                Optional.of("contrato.pdf")));

        assertThat(posted()).isEqualTo(expected("""
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678','type':'document',
                 'biz_opaque_callback_data':'c42:r9001',
                 'document':{'link':'https://cdn.example/c/123','caption':'Contrato','filename':'contrato.pdf'}}
                """));
    }

    @Test
    void plainAudioIsAnAudioMessageWithItsLinkOnly() throws Exception {
        send(MediaContent.of(MediaKind.AUDIO, URI.create("https://cdn.example/nota.ogg")));
        send(MediaContent.of(MediaKind.VIDEO, URI.create("https://cdn.example/v.mp4")));

        assertThat(posted().get("audio")).isEqualTo(expected("{'link':'https://cdn.example/nota.ogg'}"));
        JsonNode video = posted();
        assertThat(video.get("type").asText()).isEqualTo("video");
        assertThat(video.get("video")).isEqualTo(expected("{'link':'https://cdn.example/v.mp4'}"));
    }

    /** Meta's "Audio messages": a voice message is the audio object with {@code "voice": true} (OGG, OPUS codec). */
    @Test
    void aVoiceNoteIsPostedAsMetasVoiceMessage() throws Exception {
        send(MediaContent.voiceNoteAt(URI.create("https://cdn.example/notas/ana-1.ogg")));

        assertThat(posted()).isEqualTo(expected("""
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678','type':'audio',
                 'biz_opaque_callback_data':'c42:r9001',
                 'audio':{'link':'https://cdn.example/notas/ana-1.ogg','voice':true}}
                """));
    }

    @Test
    void aCaptionLongerThanWhatsAppsLimitFailsAsContentPermanentWithoutARequest() {
        MediaContent tooLong = MediaContent.of(MediaKind.IMAGE, URI.create("https://cdn.example/a.jpg"))
                .withCaption("x".repeat(1025));
        CompletionStage<SendReceipt> sent =
                adapter.send(new OutboundMessage("+5215512345678", PNID, "c42:r9002", tooLong));

        assertThatThrownBy(() -> sent.toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(failure -> assertThat(
                                ChannelSendException.find(failure).orElseThrow().errorClass())
                        .isEqualTo(SendErrorClass.CONTENT_PERMANENT));
        assertThat(graph.requestCount()).isZero();
    }
}
