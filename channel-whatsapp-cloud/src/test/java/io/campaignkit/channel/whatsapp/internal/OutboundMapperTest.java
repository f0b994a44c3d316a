package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.TextContent;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** WhatsApp's length limits, at their edges: a text of 4,096 characters and a caption of 1,024 still go out. */
class OutboundMapperTest {

    private static OutboundMessage message(io.campaignkit.channel.MessageContent content) {
        return new OutboundMessage("+5215512345678", "PNID", "c42:r1", content);
    }

    @Test
    void aTextAsLongAsWhatsAppAllowsIsMappedOneCharacterMoreIsRefused() throws Exception {
        assertThat(OutboundMapper.toGraph(message(TextContent.of("x".repeat(4096)))))
                .isInstanceOfSatisfying(
                        GraphMessage.Text.class, text -> assertThat(text.body()).hasSize(4096));
        assertThatThrownBy(() -> OutboundMapper.toGraph(message(TextContent.of("x".repeat(4097)))))
                .isInstanceOfSatisfying(
                        OutboundMapper.UnsendableException.class,
                        refused -> assertThat(refused.code()).isEqualTo("whatsapp.text_too_long"));
    }

    @Test
    void aCaptionAsLongAsWhatsAppAllowsIsMappedOneCharacterMoreIsRefused() throws Exception {
        MediaContent image = MediaContent.of(MediaKind.IMAGE, URI.create("https://cdn.example/a.jpg"));
        assertThat(OutboundMapper.toGraph(message(image.withCaption("x".repeat(1024)))))
                .isInstanceOf(GraphMessage.Media.class);
        assertThatThrownBy(() -> OutboundMapper.toGraph(message(image.withCaption("x".repeat(1025)))))
                .isInstanceOfSatisfying(
                        OutboundMapper.UnsendableException.class,
                        refused -> assertThat(refused.code()).isEqualTo("whatsapp.caption_too_long"));
    }
}
