package io.campaignkit.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.Secret;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    private static final URI URL = URI.create("https://hooks.example.com/twilio?campaign=c42&cid=r%3A1");

    @Test
    void headersAreCaseInsensitiveAndToStringHidesValues() {
        WebhookHeaders headers =
                WebhookHeaders.of(Map.of("X-Twilio-Signature", List.of("abc="), "Content-Type", List.of("text/plain")));

        assertThat(headers.first("x-twilio-signature")).contains("abc=");
        assertThat(headers.first("X-TWILIO-SIGNATURE")).contains("abc=");
        assertThat(headers.all("content-type")).containsExactly("text/plain");
        assertThat(headers.without("X-Twilio-Signature").first("x-twilio-signature"))
                .isEmpty();
        assertThat(headers.toString()).doesNotContain("abc=");
    }

    @Test
    void bodyIsCopiedSoTheSignedBytesCannotChange() {
        byte[] body = "a=1".getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = WebhookRequest.post(URL, WebhookHeaders.none(), body);
        body[0] = 'z';
        request.body()[0] = 'y';

        assertThat(request.bodyAsString()).isEqualTo("a=1");
    }

    @Test
    void decodesFormBodyAndQueryParametersInOrder() {
        WebhookRequest request = WebhookRequest.post(
                URL,
                WebhookHeaders.none(),
                "MessageSid=SM1&Body=hola+mundo&MediaUrl0=https%3A%2F%2Fx%2Fy&Body=again&Empty="
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(request.formParameters())
                .containsExactly(
                        Map.entry("MessageSid", List.of("SM1")),
                        Map.entry("Body", List.of("hola mundo", "again")),
                        Map.entry("MediaUrl0", List.of("https://x/y")),
                        Map.entry("Empty", List.of("")));
        assertThat(request.queryParameters())
                .containsEntry("cid", List.of("r:1"))
                .containsEntry("campaign", List.of("c42"));
        assertThat(request.method()).isEqualTo("POST");
    }

    @Test
    void malformedFormEncodingIsAnIllegalArgument() {
        WebhookRequest request =
                WebhookRequest.post(URL, WebhookHeaders.none(), "Body=%zz".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(request::formParameters)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> WebhookRequest.post(URI.create("/relative"), WebhookHeaders.none(), new byte[0]))
                .hasMessageContaining("absolute");
    }

    @Test
    void refusedResultsCarryNoEvents() {
        StatusUpdate delivered = StatusUpdate.of("wamid.A", Optional.of("r1"), DeliveryStatus.DELIVERED, Instant.EPOCH);

        assertThat(WebhookResult.ok(List.of(delivered)).accepted()).isTrue();
        assertThat(WebhookResult.unauthorized("bad signature").status()).isEqualTo(401);
        assertThat(WebhookResult.badRequest("not JSON").events()).isEmpty();
        assertThatThrownBy(() -> new WebhookResult(401, WebhookResult.TEXT_PLAIN, "", List.of(delivered)))
                .hasMessageContaining("2xx");
    }

    @Test
    void hmacMatchesAKnownVectorAndComparesInConstantTime() {
        // RFC 4231 test case 2
        String mac = WebhookSignatures.hmacSha256Hex(
                Secret.of("Jefe"), "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(mac).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignatures.constantTimeEquals(mac, mac)).isTrue();
        assertThat(WebhookSignatures.constantTimeEquals(mac, null)).isFalse();
        assertThat(WebhookSignatures.constantTimeEquals(mac, mac.replace('5', '6')))
                .isFalse();
    }

    @Test
    void theArrivalStampIsKeptByCopiesAndIsPartOfTheValue() {
        Instant arrived = Instant.parse("2026-12-15T10:00:00Z");
        WebhookRequest plain = WebhookRequest.post(
                URI.create("https://h.example/w"), WebhookHeaders.none(), "a=1".getBytes(StandardCharsets.UTF_8));
        WebhookRequest stamped = plain.withReceivedAt(arrived);

        assertThat(plain.receivedAt()).isEmpty();
        assertThat(stamped.receivedAt()).contains(arrived);
        assertThat(stamped.withBody(new byte[0]).receivedAt()).contains(arrived);
        assertThat(stamped.withHeaders(WebhookHeaders.none()).receivedAt()).contains(arrived);
        assertThat(stamped).isNotEqualTo(plain).isEqualTo(plain.withReceivedAt(arrived));
        assertThat(stamped.toString()).contains("received 2026-12-15T10:00:00Z");
        assertThatThrownBy(() -> plain.withReceivedAt(null)).hasMessageContaining("instant");
    }
}
