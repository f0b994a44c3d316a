package io.campaignkit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The endpoint as a plain function, as a host on another HTTP server calls it. */
class WebhookEndpointTest {

    private final WebhookEndpoint endpoint = WebhookEndpoint.custom((channel, request) -> {
                if (channel.equals("boom")) {
                    throw new IllegalStateException("handler bug");
                }
                return WebhookResult.ok(WebhookResult.TEXT_PLAIN, channel + ":" + request.bodyAsString(), List.of());
            })
            .route("twilio", Set.of("post"))
            .route("boom")
            .build();

    @Test
    void theChannelIsTheSegmentAfterTheLastWebhooksPrefix() {
        assertThat(WebhookEndpoint.channelOf("/app/webhooks/twilio")).contains("twilio");
        assertThat(WebhookEndpoint.channelOf("/webhooks/")).isEmpty();
        assertThat(WebhookEndpoint.channelOf("/webhooks/a/b")).isEmpty();
        assertThat(WebhookEndpoint.channelOf("/other")).isEmpty();
    }

    @Test
    void aRoutedCallReachesTheHandlerWithItsChannelAndIsCounted() {
        WebhookResponse response = endpoint.handle(
                "POST",
                URI.create("https://h.example/app/webhooks/twilio?x=1"),
                WebhookHeaders.none(),
                "a=1".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("twilio:a=1");
        assertThat(endpoint.acceptedCount()).isEqualTo(1);
    }

    @Test
    void aWrongMethodSaysWhichAreAllowedAndAFailingHandlerIs500() {
        WebhookResponse get = endpoint.handle(
                "GET", URI.create("https://h.example/webhooks/twilio"), WebhookHeaders.none(), new byte[0]);
        WebhookResponse failed = endpoint.handle(
                "POST", URI.create("https://h.example/webhooks/boom"), WebhookHeaders.none(), new byte[0]);

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.headers()).containsEntry("Allow", "POST");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(endpoint.acceptedCount()).isZero();
    }

    @Test
    void anEndpointWithoutRoutesIsRefusedNamingWhatToDo() {
        assertThatThrownBy(() -> WebhookEndpoint.custom((c, r) -> WebhookResult.ok(List.of()))
                        .build())
                .hasMessageContaining("route(channelId)");
        assertThatThrownBy(() -> WebhookEndpoint.custom((c, r) -> WebhookResult.ok(List.of()))
                        .route("a/b"))
                .hasMessageContaining("'a/b'");
    }
}
