/**
 * Webhook calls from a provider as plain data: the host's HTTP layer builds a
 * {@link io.campaignkit.channel.webhook.WebhookRequest}, the adapter answers with a
 * {@link io.campaignkit.channel.webhook.WebhookResult}. No HTTP server types leak into the SPI.
 */
@NullMarked
package io.campaignkit.channel.webhook;

import org.jspecify.annotations.NullMarked;
