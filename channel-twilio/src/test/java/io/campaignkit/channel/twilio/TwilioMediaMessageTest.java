package io.campaignkit.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendReceipt;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Media messages go as Twilio's {@code MediaUrl}, the caption as {@code Body}; what a sender cannot carry fails before a request. */
class TwilioMediaMessageTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String WHATSAPP = "whatsapp:+14155238886";
    private static final String SMS = "+15005550006";

    private final FakeTwilioApi api = FakeTwilioApi.start();
    private final List<TwilioChannelAdapter> adapters = new ArrayList<>();

    @AfterEach
    void stop() {
        adapters.forEach(TwilioChannelAdapter::close);
        api.close();
    }

    private TwilioChannelAdapter adapter(String sender) {
        TwilioChannelAdapter adapter = TwilioChannelAdapter.create(TwilioConfig.custom()
                .accountSid(ACCOUNT)
                .authToken("token")
                .sender(sender)
                .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"))
                .apiBaseUrl(api.baseUrl())
                .requestTimeout(Duration.ofSeconds(2))
                .clock(java.time.Clock.fixed(Instant.parse("2026-05-04T10:15:30Z"), java.time.ZoneOffset.UTC))
                .build());
        adapters.add(adapter);
        return adapter;
    }

    private static CompletionStage<SendReceipt> send(TwilioChannelAdapter adapter, String sender, MediaContent media) {
        return adapter.send(new OutboundMessage("+525500998877", sender, "c-1", media));
    }

    private static ChannelSendException failure(CompletionStage<SendReceipt> stage) throws Exception {
        try {
            return fail("expected a failure, got " + stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return ChannelSendException.find(e).orElseThrow();
        }
    }

    @Test
    void whatsAppDeclaresEveryKindAndSmsImagesOnly() {
        assertThat(adapter(WHATSAPP).capabilities().mediaMessageKinds()).isEqualTo(MediaContent.KINDS);
        assertThat(adapter(SMS).capabilities().mediaMessageKinds()).containsExactly(MediaKind.IMAGE);
    }

    @Test
    void anImageWithACaptionIsOneMediaUrlAndTheCaptionAsBody() throws Exception {
        send(
                        adapter(WHATSAPP),
                        WHATSAPP,
                        MediaContent.of(MediaKind.IMAGE, URI.create("https://cdn.example/recibo.jpg"))
                                .withCaption("Tu recibo"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).form())
                .containsEntry("MediaUrl", List.of("https://cdn.example/recibo.jpg"))
                .containsEntry("Body", List.of("Tu recibo"))
                .containsEntry("To", List.of("whatsapp:+525500998877"));
    }

    @Test
    void aVoiceNoteGoesWithoutABody() throws Exception {
        send(adapter(WHATSAPP), WHATSAPP, MediaContent.of(MediaKind.AUDIO, URI.create("https://cdn.example/nota.ogg")))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(api.requests().get(0).form())
                .doesNotContainKey("Body")
                .containsEntry("MediaUrl", List.of("https://cdn.example/nota.ogg"));
    }

    @Test
    void aVideoOverSmsFailsAsContentPermanentAndNothingIsPosted() throws Exception {
        ChannelSendException failure = failure(
                send(adapter(SMS), SMS, MediaContent.of(MediaKind.VIDEO, URI.create("https://cdn.example/v.mp4"))));

        assertThat(failure.failure().errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        assertThat(failure.failure().providerMessage()).contains("VIDEO").contains("SMS");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aFileNameTwilioCannotCarryIsRefusedNotDropped() throws Exception {
        ChannelSendException failure = failure(send(
                adapter(WHATSAPP),
                WHATSAPP,
                new MediaContent(
                        MediaKind.DOCUMENT,
                        URI.create("https://cdn.example/c/123"),
                        Optional.empty(),
                        Optional.of("contrato.pdf"))));

        assertThat(failure.failure().errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
        assertThat(failure.failure().providerMessage()).contains("fileName");
        assertThat(api.requests()).isEmpty();
    }
}
