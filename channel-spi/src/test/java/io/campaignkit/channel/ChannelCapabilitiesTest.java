package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelCapabilitiesTest {

    @Test
    void builderStartsFromTheNamedDefaults() {
        ChannelCapabilities defaults = ChannelCapabilities.custom().build();

        assertThat(defaults.templates()).isEqualTo(ChannelCapabilities.DEFAULT_TEMPLATES);
        assertThat(defaults.maxMessagesPerSecond()).isEqualTo(ChannelCapabilities.DEFAULT_MAX_MESSAGES_PER_SECOND);
        assertThat(defaults.maxBodyLength()).isEqualTo(ChannelCapabilities.DEFAULT_MAX_BODY_LENGTH);
        assertThat(defaults.customerServiceWindow()).isEmpty();
    }

    @Test
    void supportsTellsWhetherTheContentKindAndHeaderMediaFit() {
        ChannelCapabilities whatsappLike = ChannelCapabilities.custom()
                .mediaKinds(Set.of(MediaKind.IMAGE))
                .maxMessagesPerSecond(80)
                .customerServiceWindow(Duration.ofHours(24))
                .maxBodyLength(4096)
                .build();
        ChannelCapabilities templatesOnly =
                ChannelCapabilities.custom().freeFormText(false).build();
        TemplateContent withVideo = TemplateContent.of("promo", "es", java.util.List.of())
                .withHeaderMedia(MediaReference.ofProviderId(MediaKind.VIDEO, "9"));

        assertThat(whatsappLike.supports(TextContent.of("hi"))).isTrue();
        assertThat(whatsappLike.supports(withVideo)).isFalse();
        assertThat(templatesOnly.supports(TextContent.of("hi"))).isFalse();
    }

    @Test
    void refusesImpossibleCapabilities() {
        assertThatThrownBy(() ->
                        ChannelCapabilities.custom().maxMessagesPerSecond(0).build())
                .hasMessageContaining("maxMessagesPerSecond");
        assertThatThrownBy(() -> ChannelCapabilities.custom()
                        .templates(false)
                        .freeFormText(false)
                        .build())
                .hasMessageContaining("templates or freeFormText");
        assertThatThrownBy(() -> ChannelCapabilities.custom()
                        .customerServiceWindow(Duration.ZERO)
                        .build())
                .hasMessageContaining("customerServiceWindow");
    }
}
