package io.campaignkit.cli.internal;

import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Delivers the simulated channel's signed webhooks over real HTTP to the program's own webhook
 * server, so {@code demo} exercises the path a provider's calls take.
 */
final class WebhookPoster {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    WebhookResult post(WebhookRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.url())
                .timeout(Duration.ofSeconds(10))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().asMap().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> http.header(name, value));
            }
        });
        try {
            HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(WebhookResult.TEXT_PLAIN);
            return new WebhookResult(response.statusCode(), contentType, response.body(), List.of());
        } catch (IOException e) {
            return new WebhookResult(599, WebhookResult.TEXT_PLAIN, "not delivered: " + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookResult(599, WebhookResult.TEXT_PLAIN, "interrupted", List.of());
        }
    }
}
