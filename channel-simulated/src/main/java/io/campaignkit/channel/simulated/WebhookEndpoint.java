package io.campaignkit.channel.simulated;

import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;

/**
 * Where a {@link SimulatedChannel} delivers its signed webhook requests: by default its own
 * {@link SimulatedChannel#handleWebhook}; in a host's integration test, the host's webhook entry point
 * (which hands the request to the engine, which calls the adapter), so the whole path is exercised.
 */
@FunctionalInterface
public interface WebhookEndpoint {

    /**
     * Delivers one request, as the provider's HTTP call would.
     *
     * @param request the signed request
     * @return the answer the endpoint gave
     */
    WebhookResult deliver(WebhookRequest request);
}
