package io.campaignkit.channel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundContentTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

    private static InboundMessage.Builder message() {
        return InboundMessage.builder("wamid.B", "+525500998877", "PNID", AT);
    }

    @Test
    void theFlatViewIsDerivedFromTheTypedContent() {
        InboundMessage button = message()
                .content(new InboundContent.ButtonReply("c42:yes", Optional.of("Sí")))
                .build();
        InboundMessage row = message()
                .content(new InboundContent.ListReply("row-2", Optional.of("Martes"), Optional.of("10 a 12")))
                .build();
        MediaReference image = MediaReference.ofProviderId(MediaKind.IMAGE, "MEDIA1");
        InboundMessage photo = message()
                .content(new InboundContent.Media(List.of(image), Optional.of("foto"), Optional.empty()))
                .build();
        InboundMessage place = message()
                .content(new InboundContent.Location(19.43, -99.13, Optional.of("Zócalo"), Optional.empty()))
                .build();

        assertThat(button.buttonPayload()).contains("c42:yes");
        assertThat(button.text()).contains("Sí");
        assertThat(row.buttonPayload()).contains("row-2");
        assertThat(row.text()).contains("Martes");
        assertThat(photo.media()).containsExactly(image);
        assertThat(photo.text()).contains("foto");
        assertThat(place.text()).contains("Zócalo");
        assertThat(place.media()).isEmpty();
    }

    @Test
    void theTypedContentIsDerivedFromTheFlatFieldsOfOlderCallers() {
        MediaReference image = MediaReference.ofProviderId(MediaKind.IMAGE, "MEDIA1");

        assertThat(message().text("hola").build().content()).isEqualTo(new InboundContent.Text("hola"));
        assertThat(message().text("Sí").buttonPayload("yes").build().content())
                .isEqualTo(new InboundContent.ButtonReply("yes", Optional.of("Sí")));
        assertThat(message().media(List.of(image)).build().content())
                .isEqualTo(new InboundContent.Media(List.of(image), Optional.empty(), Optional.empty()));
        assertThat(message().build().content()).isEqualTo(new InboundContent.Text(""));
    }

    @Test
    void badContentIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> new InboundContent.Location(91, 0, Optional.empty(), Optional.empty()))
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> new InboundContent.Location(0, Double.NaN, Optional.empty(), Optional.empty()))
                .hasMessageContaining("longitude");
        assertThatThrownBy(() -> new InboundContent.Media(List.of(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("items");
        assertThatThrownBy(() -> new InboundContent.ButtonReply(" ", Optional.empty()))
                .hasMessageContaining("payload");
        assertThatThrownBy(() -> new InboundContent.Unsupported("")).hasMessageContaining("providerType");
        assertThatThrownBy(() -> new InboundContent.Contacts(List.of())).hasMessageContaining("contacts");
        assertThatThrownBy(() -> message().content(null)).hasMessageContaining("content");
    }
}
