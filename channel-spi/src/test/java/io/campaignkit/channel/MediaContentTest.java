package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MediaContentTest {

    private static final URI LINK = URI.create("https://cdn.example.com/recibo.jpg");

    @Test
    void anImageWithACaptionAndADocumentWithAFileNameAreValid() {
        MediaContent image = MediaContent.of(MediaKind.IMAGE, LINK).withCaption("Tu recibo");
        assertThat(image.caption()).contains("Tu recibo");
        assertThat(image.fileName()).isEmpty();
        MediaContent document = MediaContent.of(MediaKind.DOCUMENT, URI.create("http://files.example.com/c/1"))
                .withCaption("Contrato")
                .withFileName("contrato.pdf");
        assertThat(document.fileName()).contains("contrato.pdf");
    }

    @ParameterizedTest
    @EnumSource(
            value = MediaKind.class,
            names = {"STICKER", "OTHER"})
    void onlyImageVideoAudioAndDocumentAreMediaMessages(MediaKind kind) {
        assertThatThrownBy(() -> MediaContent.of(kind, LINK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind")
                .hasMessageContaining(kind.name());
    }

    @Test
    void theLinkMustBeAnAbsoluteHttpOrHttpsUrl() {
        for (String bad :
                new String[] {"recibo.jpg", "ftp://cdn.example.com/a.jpg", "file:///tmp/a.jpg", "mailto:ana@example.com"
                }) {
            assertThatThrownBy(() -> MediaContent.of(MediaKind.IMAGE, URI.create(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("link")
                    .hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> MediaContent.of(MediaKind.IMAGE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("link");
    }

    @Test
    void anAudioHasNoCaptionAndOnlyADocumentHasAFileName() {
        MediaContent audio = MediaContent.of(MediaKind.AUDIO, URI.create("https://cdn.example.com/nota.ogg"));
        assertThatThrownBy(() -> audio.withCaption("escucha"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caption")
                .hasMessageContaining("AUDIO");
        assertThatThrownBy(() -> MediaContent.of(MediaKind.IMAGE, LINK).withFileName("a.jpg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fileName")
                .hasMessageContaining("IMAGE");
        assertThatThrownBy(() -> new MediaContent(MediaKind.IMAGE, LINK, Optional.of(" "), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caption");
        assertThatThrownBy(() -> new MediaContent(MediaKind.DOCUMENT, LINK, Optional.empty(), Optional.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fileName");
        assertThatThrownBy(() -> new MediaContent(MediaKind.IMAGE, LINK, null, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caption");
    }

    @Test
    void aVoiceNoteIsAudioMarkedAsSuchAndOnlyAudioIsOne() {
        URI note = URI.create("https://cdn.example.com/nota.ogg");
        MediaContent voice = MediaContent.voiceNoteAt(note);
        assertThat(voice.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(voice.voiceNote()).isTrue();
        assertThat(voice).isNotEqualTo(MediaContent.of(MediaKind.AUDIO, note));
        assertThat(MediaContent.of(MediaKind.AUDIO, note).voiceNote()).isFalse();
        assertThatThrownBy(() -> new MediaContent(MediaKind.VIDEO, LINK, Optional.empty(), Optional.empty(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voiceNote")
                .hasMessageContaining("VIDEO");
        assertThatThrownBy(() -> voice.withCaption("escucha"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caption");
    }

    @Test
    void aChannelSupportsTheMediaKindsItDeclaresAndNoOthers() {
        ChannelCapabilities images = ChannelCapabilities.custom()
                .mediaMessageKinds(EnumSet.of(MediaKind.IMAGE))
                .build();
        assertThat(images.supports(MediaContent.of(MediaKind.IMAGE, LINK))).isTrue();
        assertThat(images.supports(MediaContent.of(MediaKind.VIDEO, URI.create("https://cdn.example.com/v.mp4"))))
                .isFalse();
        ChannelCapabilities none = ChannelCapabilities.custom().build();
        assertThat(none.mediaMessageKinds()).isEmpty();
        assertThat(none.supports(MediaContent.of(MediaKind.IMAGE, LINK))).isFalse();
        ChannelCapabilities old =
                new ChannelCapabilities(true, true, Set.of(), 1.0, Optional.of(Duration.ofHours(24)), 1600);
        assertThat(old.mediaMessageKinds())
                .as("capabilities made as before media messages existed")
                .isEmpty();
    }

    @Test
    void declaredMediaKindsMustBeMediaMessageKindsOnAFreeFormChannel() {
        assertThatThrownBy(() -> ChannelCapabilities.custom()
                        .mediaMessageKinds(EnumSet.of(MediaKind.STICKER))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mediaMessageKinds");
        assertThatThrownBy(() -> ChannelCapabilities.custom()
                        .freeFormText(false)
                        .mediaMessageKinds(EnumSet.of(MediaKind.IMAGE))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mediaMessageKinds")
                .hasMessageContaining("freeFormText");
    }
}
