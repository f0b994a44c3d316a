package io.campaignkit.channel.whatsapp.fake;

import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookSignatures;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Webhook calls as Meta makes them, signed with the SPI's HMAC helper (not the adapter's own code),
 * in the documented payload shapes. JSON is written with single quotes for readability and converted.
 */
public final class MetaWebhooks {

    public static final URI ENDPOINT = URI.create("https://host.example/webhooks/whatsapp");
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final Secret appSecret;
    private final String phoneNumberId;

    public MetaWebhooks(String appSecret, String phoneNumberId) {
        this.appSecret = Secret.of(appSecret);
        this.phoneNumberId = phoneNumberId;
    }

    /** A POST of {@code json} (single quotes allowed) with a valid signature. */
    public WebhookRequest signed(String json) {
        return signedBytes(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    public WebhookRequest signedBytes(byte[] body) {
        String signature = "sha256=" + WebhookSignatures.hmacSha256Hex(appSecret, body);
        return WebhookRequest.post(
                ENDPOINT,
                WebhookHeaders.ofSingle(Map.of("Content-Type", "application/json", SIGNATURE_HEADER, signature)),
                body);
    }

    public WebhookRequest withBadSignature(WebhookRequest signed) {
        String wrong = "sha256=" + WebhookSignatures.hmacSha256Hex(Secret.of("not-the-app-secret"), signed.body());
        return signed.withHeaders(signed.headers().with(SIGNATURE_HEADER, wrong));
    }

    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return signed.withHeaders(signed.headers().without(SIGNATURE_HEADER));
    }

    /** Meta's subscription check; a null argument leaves that parameter out. */
    public static WebhookRequest subscription(String mode, String verifyToken, String challenge) {
        StringBuilder query = new StringBuilder();
        append(query, "hub.mode", mode);
        append(query, "hub.verify_token", verifyToken);
        append(query, "hub.challenge", challenge);
        return WebhookRequest.get(
                URI.create(ENDPOINT + (query.length() == 0 ? "" : "?" + query)), WebhookHeaders.none());
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.length() == 0 ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** A whole notification with one change whose {@code value} holds {@code valueFields} after the metadata. */
    public String notification(String valueFields) {
        return notificationFor(phoneNumberId, valueFields);
    }

    public static String notificationFor(String phoneNumberId, String valueFields) {
        return "{'object':'whatsapp_business_account','entry':[{'id':'102290129340398','changes':[{'field':'messages',"
                + "'value':{'messaging_product':'whatsapp','metadata':{'display_phone_number':'15550001111',"
                + "'phone_number_id':'" + phoneNumberId + "'}," + valueFields + "}}]}]}";
    }

    /** {@code 'statuses':[...]} with one status; {@code extra} is inserted into the status object. */
    public static String status(String messageId, String status, String recipientWaId, String extra) {
        return "'statuses':[{'id':'" + messageId + "','status':'" + status + "','timestamp':'1682651887',"
                + "'recipient_id':'" + recipientWaId + "'" + (extra.isEmpty() ? "" : "," + extra) + "}]";
    }

    /** {@code 'contacts':[...],'messages':[...]} with one message from {@code fromWaId}; {@code body} is type-specific. */
    public static String message(String fromWaId, String messageId, String type, String body) {
        return "'contacts':[{'profile':{'name':'Ana'},'wa_id':'" + fromWaId + "'}],"
                + "'messages':[{'from':'" + fromWaId + "','id':'" + messageId + "','timestamp':'1673023653',"
                + "'type':'" + type + "'" + (body.isEmpty() ? "" : "," + body) + "}]";
    }
}
