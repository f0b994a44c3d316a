/**
 * The WhatsApp Cloud API channel: {@link io.campaignkit.channel.whatsapp.WhatsAppCloudAdapter}, its
 * configuration {@link io.campaignkit.channel.whatsapp.WhatsAppCloudConfig}, and the
 * {@link java.util.ServiceLoader} provider registered under the channel id {@code whatsapp-cloud}.
 *
 * <pre>{@code
 * WhatsAppCloudAdapter whatsapp = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
 *         .phoneNumberId("106540352242922")
 *         .accessToken(Secret.of(System.getenv("WHATSAPP_TOKEN")))
 *         .appSecret(Secret.of(System.getenv("META_APP_SECRET")))
 *         .verifyToken(Secret.of(System.getenv("WHATSAPP_VERIFY_TOKEN")))
 *         .maxMessagesPerSecond(80)       // the number's throughput tier, up to 1,000
 *         .build());
 * }</pre>
 *
 * <p>The host's HTTP layer passes every call to its webhook URL (GET and POST, full URL, all headers,
 * raw body) to {@link io.campaignkit.channel.whatsapp.WhatsAppCloudAdapter#handleWebhook} and writes
 * back the result's status, content type and body. Only JDK HTTP and Jackson are used; no Meta SDK.
 *
 * <p>Inbound webhooks: every message type reaches the engine typed
 * ({@link io.campaignkit.channel.event.InboundContent}; a type Meta adds later as {@code Unsupported}
 * with its name). Meta's user ids are normalized to E.164: Mexico's {@code 521} + 10 digits becomes
 * {@code +52} + the 10 digits, a Brazilian mobile without the ninth digit gets it, Argentina's
 * {@code 549} is kept (it is the E.164 mobile form). A user who hides the number behind a username
 * writes from a business-scoped user id ({@code from_user_id}, such as {@code US.13491208655302741918}),
 * which the engine hands to the host's unrouted-message handler. {@code user_preferences} changes (a
 * user stopping or resuming marketing messages) and status error 131050 are opt-outs and opt-ins. A
 * message without an id or a readable sender is reported as an
 * {@link io.campaignkit.channel.event.UnsupportedMessage}, and a timestamp more than an hour ahead of
 * the adapter's clock is replaced by the clock's time.
 */
@NullMarked
package io.campaignkit.channel.whatsapp;

import org.jspecify.annotations.NullMarked;
