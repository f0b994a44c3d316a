/**
 * The host kit: what every application embedding the engine writes around it, done once.
 *
 * <ul>
 *   <li>{@link io.campaignkit.host.WebhookEndpoint}: the webhook endpoint as a plain function from a
 *       request to a response, for any HTTP server;</li>
 *   <li>{@link io.campaignkit.host.JdkWebhookHandler}: the same mounted on the JDK's HTTP server, and
 *       {@link io.campaignkit.host.WebhookServer}: a server of its own for a host without one.</li>
 * </ul>
 * The engine's runner that owns its thread, waiting for a campaign to settle and create-if-absent
 * are on {@link io.campaignkit.core.engine.CampaignRunner} and
 * {@link io.campaignkit.core.engine.CampaignEngine}; reports are in {@code campaign-report}.
 */
@NullMarked
package io.campaignkit.host;

import org.jspecify.annotations.NullMarked;
