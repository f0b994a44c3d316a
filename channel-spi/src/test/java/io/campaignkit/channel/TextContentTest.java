package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextContentTest {

    private final MediaReference image = MediaReference.ofUrl(MediaKind.IMAGE, URI.create("https://cdn.example/a.jpg"));

    @Test
    void plainTextHasNoMedia() {
        assertThat(TextContent.of("hola").media()).isEmpty();
        assertThat(TextContent.replyTo("hola", "wamid.A").replyToProviderMessageId())
                .contains("wamid.A");
        assertThat(new TextContent("hola", Optional.empty())).isEqualTo(TextContent.of("hola"));
    }

    @Test
    void mediaIsKeptInOrderAndCannotBeChangedAfterwards() {
        MediaReference pdf = MediaReference.ofUrl(MediaKind.DOCUMENT, URI.create("https://cdn.example/a.pdf"));
        List<MediaReference> attachments = new ArrayList<>(List.of(image, pdf));
        TextContent content = TextContent.of("recibo").withMedia(attachments);
        attachments.clear();

        assertThat(content.media()).containsExactly(image, pdf);
        assertThatThrownBy(() -> content.media().add(image)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBlankBodyIsAllowedOnlyWithMedia() {
        assertThat(new TextContent("", Optional.empty(), List.of(image)).media())
                .containsExactly(image);
        assertThatThrownBy(() -> new TextContent(" ", Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> TextContent.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> new TextContent("hola", Optional.empty(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("media");
        List<MediaReference> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> TextContent.of("hola").withMedia(withNull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("media[0]");
    }
}
