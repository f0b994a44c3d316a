package io.campaignkit.cli.internal;

import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.host.WebhookEndpoint;
import io.campaignkit.host.WebhookServer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The webhook server of {@code run} and {@code serve}: its routes, and the engine it hands requests to. */
final class CliWebhooks {

    private CliWebhooks() {}

    /** The CLI's webhook routes: WhatsApp's subscription check is a GET; the other channels' webhooks are POSTs. */
    static WebhookEndpoint endpoint(BiFunction<String, WebhookRequest, WebhookResult> handler) {
        return WebhookEndpoint.custom(handler)
                .route("whatsapp-cloud")
                .route("twilio", Set.of("POST"))
                .route("simulated", Set.of("POST"))
                .route("simulated-sms", Set.of("POST"))
                .build();
    }

    /** Listens on {@code port}; a port in use is a usage error that says what to do. */
    static WebhookServer start(
            InetAddress bindAddress,
            int port,
            Optional<URI> publicUrl,
            BiFunction<String, WebhookRequest, WebhookResult> handler) {
        try {
            return WebhookServer.start(bindAddress, port, publicUrl, endpoint(handler));
        } catch (UncheckedIOException e) {
            throw CliException.usage(e.getMessage() + "; pick another --webhook-port", e);
        }
    }

    /** The server starts before the engine is built: until then a webhook is answered 503 (the provider retries). */
    static WebhookResult toEngine(CampaignEngine engine, String channelId, WebhookRequest request) {
        if (engine == null) {
            return new WebhookResult(503, WebhookResult.TEXT_PLAIN, "starting", List.of());
        }
        return engine.handleWebhook(channelId, request);
    }
}
