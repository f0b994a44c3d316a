package io.campaignkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookServerTest {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private WebhookServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void routesEachChannelWithTheRequestAsReceived() throws Exception {
        server = start(Optional.empty());

        HttpResponse<String> response = post("/webhooks/twilio?ckCorrelationId=c%3A1", "a=1&b=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(received.take())
                .isEqualTo("twilio POST http://127.0.0.1:" + server.port()
                        + "/webhooks/twilio?ckCorrelationId=c%3A1 a=1&b=2");
        assertThat(server.acceptedCount()).isEqualTo(1);
    }

    @Test
    void thePublicUrlIsWhatAdaptersVerifySignaturesOver() throws Exception {
        server = start(Optional.of(URI.create("https://abc.tunnel.example/prefix/")));

        post("/webhooks/whatsapp-cloud", "{}");

        assertThat(received.take())
                .startsWith("whatsapp-cloud POST https://abc.tunnel.example/prefix/webhooks/whatsapp-cloud ");
        assertThat(server.urlFor("twilio")).hasToString("https://abc.tunnel.example/prefix/webhooks/twilio");
    }

    @Test
    void routeUrlsUnderAPublicBase() {
        assertThat(WebhookEndpoint.routeUrl(URI.create("https://x.example"), "twilio"))
                .hasToString("https://x.example/webhooks/twilio");
        assertThat(WebhookEndpoint.routeUrl(URI.create("https://x.example/base/"), "whatsapp-cloud"))
                .hasToString("https://x.example/base/webhooks/whatsapp-cloud");
    }

    @Test
    void metasSubscriptionCheckIsAGet() throws Exception {
        server = start(Optional.empty());

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(url("/webhooks/whatsapp-cloud?hub.mode=subscribe"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.take()).startsWith("whatsapp-cloud GET ");
    }

    @Test
    void unknownRoutesWrongMethodsAndHugeBodiesAreRefusedBeforeTheEngine() throws Exception {
        server = start(Optional.empty());

        assertThat(post("/webhooks/pigeon", "x").statusCode()).isEqualTo(404);
        assertThat(post("/other", "x").statusCode()).isEqualTo(404);
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(url("/webhooks/twilio")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(post("/webhooks/simulated", "x".repeat(WebhookEndpoint.MAX_BODY_BYTES + 1))
                        .statusCode())
                .isEqualTo(413);
        assertThat(received).isEmpty();
        assertThat(server.acceptedCount()).isZero();
    }

    @Test
    void aRefusedWebhookIsAnsweredAsTheAdapterSaysAndNotCounted() throws Exception {
        server = WebhookServer.start(
                InetAddress.getLoopbackAddress(),
                0,
                Optional.empty(),
                routes(WebhookEndpoint.custom((channel, request) -> WebhookResult.unauthorized("bad signature"))));

        HttpResponse<String> response = post("/webhooks/twilio", "x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.acceptedCount()).isZero();
    }

    @Test
    void aPortInUseNamesThePort() {
        server = start(Optional.empty());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookServer.start(
                        InetAddress.getLoopbackAddress(),
                        server.port(),
                        Optional.empty(),
                        routes(WebhookEndpoint.custom((channel, request) -> WebhookResult.ok(List.of())))))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("port " + server.port());
    }

    @Test
    void everyRequestIsStampedWithItsArrivalOnce() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<WebhookRequest> requests =
                new java.util.concurrent.LinkedBlockingQueue<>();
        java.time.Instant arrival = java.time.Instant.parse("2026-12-15T10:00:00Z");
        server = WebhookServer.start(
                InetAddress.getLoopbackAddress(),
                0,
                Optional.empty(),
                WebhookEndpoint.custom((channel, request) -> {
                            requests.add(request);
                            return WebhookResult.ok(List.of());
                        })
                        .route("twilio")
                        .clock(java.time.Clock.fixed(arrival, java.time.ZoneOffset.UTC))
                        .build());

        post("/webhooks/twilio", "a=1");

        assertThat(requests.take().receivedAt()).contains(arrival);
    }

    private WebhookServer start(Optional<URI> publicUrl) {
        return WebhookServer.start(
                InetAddress.getLoopbackAddress(), 0, publicUrl, routes(WebhookEndpoint.custom((channel, request) -> {
                    received.add(describe(channel, request));
                    return WebhookResult.ok(WebhookResult.TEXT_PLAIN, "ok", List.of());
                })));
    }

    /** The CLI's routes: WhatsApp's subscription check is a GET, the others POST only. */
    private static WebhookEndpoint routes(WebhookEndpoint.Builder builder) {
        return builder.route("whatsapp-cloud")
                .route("twilio", java.util.Set.of("POST"))
                .route("simulated", java.util.Set.of("POST"))
                .build();
    }

    private static String describe(String channel, WebhookRequest request) {
        return channel + " " + request.method() + " " + request.url() + " " + request.bodyAsString();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
