package io.campaignkit.channel.whatsapp.fake;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.testkit.channel.ProviderAnswer;
import io.campaignkit.testkit.channel.ScriptedProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The contract kit's view of the fake Graph API plus Meta's webhooks. */
public final class WhatsAppScriptedProvider implements ScriptedProvider {

    private final FakeGraphApi graph;
    private final MetaWebhooks webhooks;
    private final String phoneNumberId;

    public WhatsAppScriptedProvider(FakeGraphApi graph, String appSecret, String phoneNumberId) {
        this.graph = graph;
        this.webhooks = new MetaWebhooks(appSecret, phoneNumberId);
        this.phoneNumberId = phoneNumberId;
    }

    @Override
    public String senderId() {
        return phoneNumberId;
    }

    private ProviderAnswer metaError(int httpStatus, int code) {
        String body =
                "{\"error\":{\"message\":\"(#" + code + ") scripted\",\"type\":\"OAuthException\",\"code\":" + code
                        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"scripted " + code + "\"},"
                        + "\"fbtrace_id\":\"AbC\"}}";
        return ProviderAnswer.withCode(
                "HTTP " + httpStatus + ", code " + code,
                String.valueOf(code),
                () -> graph.enqueue(FakeGraphApi.Response.json(httpStatus, body)));
    }

    @Override
    public List<ProviderAnswer> answersMeaning(SendErrorClass errorClass) {
        return switch (errorClass) {
            case RECIPIENT_PERMANENT ->
                List.of(
                        metaError(400, 131026),
                        metaError(400, 131050),
                        metaError(400, 131021),
                        metaError(400, 131049),
                        metaError(400, 131056));
            case CONTENT_PERMANENT -> List.of(metaError(400, 132000), metaError(404, 132001), metaError(400, 132015));
            case RATE_LIMITED ->
                List.of(
                        metaError(429, 130429),
                        metaError(400, 80007),
                        metaError(400, 4),
                        ProviderAnswer.withoutCode(
                                "HTTP 429 without a body", () -> graph.enqueue(FakeGraphApi.Response.json(429, ""))));
            case TRANSIENT ->
                List.of(
                        metaError(500, 131000),
                        metaError(503, 133004),
                        metaError(400, 987654),
                        ProviderAnswer.withoutCode(
                                "HTTP 502 with an HTML page",
                                () -> graph.enqueue(FakeGraphApi.Response.json(502, "<html>Bad gateway</html>"))));
            case AUTHENTICATION ->
                List.of(
                        metaError(401, 190),
                        metaError(400, 0),
                        metaError(403, 10),
                        metaError(400, 368),
                        metaError(400, 131031));
            case UNKNOWN_OUTCOME ->
                List.of(
                        ProviderAnswer.withoutCode(
                                "no answer within the request timeout",
                                () -> graph.enqueue(FakeGraphApi.Response.hang())),
                        ProviderAnswer.withoutCode(
                                "connection closed after the request",
                                () -> graph.enqueue(FakeGraphApi.Response.drop())));
        };
    }

    @Override
    public Set<DeliveryStatus> statusesReported() {
        return EnumSet.allOf(DeliveryStatus.class);
    }

    private String statusJson(String providerMessageId, DeliveryStatus status, String unknownInStatus) {
        String state = status.name().toLowerCase(Locale.ROOT);
        String extra;
        if (status == DeliveryStatus.FAILED) {
            // Meta sends no biz_opaque_callback_data with failures.
            extra = "'errors':[{'code':131026,'title':'Message undeliverable','message':'Message undeliverable',"
                    + "'error_data':{'details':'Message Undeliverable.'}}]";
        } else {
            extra = graph.callbackDataOf(providerMessageId)
                    .map(
                            data -> "'biz_opaque_callback_data':'" + data + "',"
                                    + "'pricing':{'billable':true,'pricing_model':'PMP','category':'marketing','type':'regular'}")
                    .orElse("'pricing':{'billable':true}");
        }
        return MetaWebhooks.status(providerMessageId, state, "525500998877", extra + unknownInStatus);
    }

    @Override
    public WebhookRequest signedStatusWebhook(String providerMessageId, DeliveryStatus status) {
        return webhooks.signed(webhooks.notification(statusJson(providerMessageId, status, "")));
    }

    @Override
    public WebhookRequest signedStatusWebhookWithUnknownFields(String providerMessageId, DeliveryStatus status) {
        String value = statusJson(providerMessageId, status, ",'future_field':{'nested':[1,{'x':null}]}")
                + ",'throughput':{'level':'HIGH'}";
        String body = webhooks.notification(value)
                .replace(
                        "'object':'whatsapp_business_account',",
                        "'object':'whatsapp_business_account','envelope_v2':true,")
                .replace("'metadata':{", "'metadata':{'region':'LATAM',");
        return webhooks.signed(body);
    }

    @Override
    public WebhookRequest signedInboundTextWebhook(String providerMessageId, String from, String text) {
        return webhooks.signed(webhooks.notification(
                MetaWebhooks.message(from.substring(1), providerMessageId, "text", "'text':{'body':'" + text + "'}")));
    }

    @Override
    public WebhookRequest signedUnknownMessageTypeWebhook(String providerMessageId, String from) {
        return webhooks.signed(webhooks.notification(
                MetaWebhooks.message(from.substring(1), providerMessageId, "hologram", "'hologram':{'frames':3}")));
    }

    @Override
    public WebhookRequest signedMalformedWebhook() {
        return webhooks.signed("{'object':'whatsapp_business_account','entry':[{'changes':");
    }

    @Override
    public WebhookRequest withBadSignature(WebhookRequest signed) {
        return webhooks.withBadSignature(signed);
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return webhooks.withoutSignature(signed);
    }
}
