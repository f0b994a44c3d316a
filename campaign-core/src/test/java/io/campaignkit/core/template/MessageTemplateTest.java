package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void a_channel_template_counts_the_placeholders_of_its_approved_body() {
        ChannelTemplate template = ChannelTemplate.of("pago_pendiente", "es_MX", "Hola {{1}}, debes {{2}}");

        assertThat(template.name()).isEqualTo("pago_pendiente");
        assertThat(template.languageCode()).isEqualTo("es_MX");
        assertThat(template.placeholderCount()).isEqualTo(2);
        assertThat(ChannelTemplate.withParameterCount("pago_pendiente", "es_MX", 2))
                .isEqualTo(template);
    }

    @Test
    void a_channel_template_body_with_a_named_placeholder_is_refused() {
        assertThatThrownBy(() -> ChannelTemplate.of("pago", "es", "Hola {{nombre}}"))
                .isInstanceOfSatisfying(
                        InvalidTemplateException.class,
                        e -> assertThat(e.getMessage()).contains("numbered only"));
    }

    @Test
    void a_channel_template_needs_a_name_and_a_language_code() {
        assertThat(ChannelTemplate.withParameterCount("HXb5b62575e6e4ff6129ad7c8efe1f983e", "en-US", 0)
                        .languageCode())
                .isEqualTo("en-US");
        assertThatThrownBy(() -> ChannelTemplate.withParameterCount("pago pendiente", "es", 1))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("white space");
                });
        assertThatThrownBy(() -> ChannelTemplate.withParameterCount("pago", "espa\u00f1ol", 1))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("languageCode"));
        assertThatThrownBy(() -> ChannelTemplate.withParameterCount("pago", null, 1))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("languageCode"));
        assertThatThrownBy(() -> ChannelTemplate.withParameterCount("pago", "es", -1))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("placeholderCount"));
    }

    @Test
    void an_inline_template_is_its_parsed_text() {
        InlineTemplate template = InlineTemplate.of("Hola {{1}}");

        assertThat(template.placeholderCount()).isEqualTo(1);
        assertThat(template.text().text()).isEqualTo("Hola {{1}}");
        assertThatThrownBy(() -> new InlineTemplate(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("text"));
    }

    @Test
    void header_media_is_a_link_or_a_media_id() {
        HeaderMedia image = HeaderMedia.link(HeaderMedia.Type.IMAGE, URI.create("https://cdn.example.com/promo.jpg"));
        assertThat(image.link()).contains(URI.create("https://cdn.example.com/promo.jpg"));
        assertThat(image.mediaId()).isEmpty();
        assertThat(HeaderMedia.mediaId(HeaderMedia.Type.DOCUMENT, "1234567890").mediaId())
                .contains("1234567890");

        assertThatThrownBy(() -> HeaderMedia.link(HeaderMedia.Type.IMAGE, URI.create("/relative.jpg")))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo("link");
                    assertThat(e.getMessage()).contains("absolute http(s)");
                });
        assertThatThrownBy(() -> HeaderMedia.link(HeaderMedia.Type.IMAGE, URI.create("ftp://example.com/a.jpg")))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> HeaderMedia.mediaId(HeaderMedia.Type.VIDEO, " "))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("mediaId"));
        assertThatThrownBy(() -> HeaderMedia.mediaId(null, "1"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("type"));
    }
}
