package io.campaignkit.channel.simulated;

import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;

/**
 * One webhook request a {@link SimulatedChannel} delivered, and the endpoint's answer.
 *
 * @param request the signed request
 * @param result  the answer
 */
public record DeliveredWebhook(WebhookRequest request, WebhookResult result) {}
