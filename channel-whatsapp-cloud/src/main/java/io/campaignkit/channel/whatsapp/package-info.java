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
 */
package io.campaignkit.channel.whatsapp;
