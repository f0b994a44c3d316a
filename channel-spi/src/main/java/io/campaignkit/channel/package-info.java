/**
 * The contract between the CampaignKit engine and a messaging channel (WhatsApp, SMS, ...).
 *
 * <p>A vendor implements {@link io.campaignkit.channel.ChannelAdapter} and a
 * {@link io.campaignkit.channel.ChannelAdapterProvider} registered for {@link java.util.ServiceLoader}.
 * The adapter sends one {@link io.campaignkit.channel.OutboundMessage} at a time, asynchronously,
 * and answers with a {@link io.campaignkit.channel.SendReceipt} or fails with a
 * {@link io.campaignkit.channel.ChannelSendException} whose {@link io.campaignkit.channel.SendErrorClass}
 * tells the engine what to do next. Webhook calls from the provider come in as
 * {@link io.campaignkit.channel.webhook.WebhookRequest}s and leave as a
 * {@link io.campaignkit.channel.webhook.WebhookResult} with verified
 * {@link io.campaignkit.channel.event.ChannelEvent}s.
 *
 * <p>This module depends on the JDK only. Every adapter should pass the
 * {@code ChannelAdapterContractKit} of {@code campaign-testkit}.
 */
@NullMarked
package io.campaignkit.channel;

import org.jspecify.annotations.NullMarked;
