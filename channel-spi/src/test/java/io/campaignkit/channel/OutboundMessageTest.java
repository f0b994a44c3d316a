package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundMessageTest {

    private static final TextContent HELLO = TextContent.of("hola");

    @Test
    void acceptsAnE164RecipientAndKeepsTheCorrelationId() {
        OutboundMessage message = new OutboundMessage("+525500998877", "PNID-1", "c42:r9001", HELLO);

        assertThat(message.recipient()).isEqualTo("+525500998877");
        assertThat(message.correlationId()).isEqualTo("c42:r9001");
    }

    @Test
    void refusesARecipientThatIsNotE164AndNamesIt() {
        assertThatThrownBy(() -> new OutboundMessage("5500998877", "PNID-1", "r1", HELLO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient")
                .hasMessageContaining("5500998877");
        assertThat(OutboundMessage.isE164("+0123456789")).isFalse();
        assertThat(OutboundMessage.isE164("+1234567890123456")).isFalse();
    }

    @Test
    void refusesCorrelationIdsThatProvidersCannotEchoSafely() {
        String tooLong = "r".repeat(OutboundMessage.MAX_CORRELATION_ID_LENGTH + 1);
        assertThatThrownBy(() -> new OutboundMessage("+525500998877", "PNID-1", tooLong, HELLO))
                .hasMessageContaining("correlationId");
        assertThatThrownBy(() -> new OutboundMessage("+525500998877", "PNID-1", "a b&c", HELLO))
                .hasMessageContaining("correlationId");
        assertThatThrownBy(() -> new OutboundMessage("+525500998877", " ", "r1", HELLO))
                .hasMessageContaining("senderId");
        assertThatThrownBy(() -> new OutboundMessage("+525500998877", "PNID-1", "r1", null))
                .hasMessageContaining("content");
    }

    @Test
    void templateContentCopiesItsListsAndRefusesDuplicateButtonIndexes() {
        List<String> parameters = new java.util.ArrayList<>(List.of("Ana", "20%"));
        TemplateContent template = TemplateContent.of("promo_may", "es_MX", parameters);
        parameters.add("changed");

        assertThat(template.bodyParameters()).containsExactly("Ana", "20%");
        assertThatThrownBy(() -> template.withButtons(
                        List.of(ButtonParameter.quickReply(0, "yes"), ButtonParameter.urlSuffix(0, "A1"))))
                .hasMessageContaining("distinct indexes");
        assertThatThrownBy(() -> TemplateContent.of("promo", "es", java.util.Arrays.asList("Ana", null)))
                .hasMessageContaining("bodyParameters[1]");
    }

    @Test
    void mediaReferenceNeedsExactlyOneLocation() {
        assertThat(MediaReference.ofProviderId(MediaKind.IMAGE, "123").providerMediaId())
                .contains("123");
        assertThatThrownBy(() -> MediaReference.ofUrl(MediaKind.IMAGE, java.net.URI.create("relative/p.jpg")))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> new MediaReference(
                        MediaKind.IMAGE,
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty()))
                .hasMessageContaining("exactly one");
    }
}
