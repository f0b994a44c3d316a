package io.campaignkit.channel.twilio;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.testkit.channel.ProviderAnswer;
import io.campaignkit.testkit.channel.ScriptedProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The fake Twilio API and Twilio's webhook calls, as the contract kit scripts them. */
final class TwilioScriptedProvider implements ScriptedProvider {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "kit-auth-token";
    static final URI INBOUND_URL = URI.create("https://hooks.example.com/twilio/inbound");

    private final FakeTwilioApi api;
    private final String sender;
    private final SignedWebhooks signer = new SignedWebhooks(AUTH_TOKEN);
    /** Released when the kit is done, so held requests end. */
    private final CountDownLatch neverAnswered = new CountDownLatch(1);

    TwilioScriptedProvider(FakeTwilioApi api, String sender) {
        this.api = api;
        this.sender = sender;
    }

    void release() {
        neverAnswered.countDown();
    }

    @Override
    public String senderId() {
        return sender;
    }

    @Override
    public List<ProviderAnswer> answersMeaning(SendErrorClass errorClass) {
        List<ProviderAnswer> answers = new ArrayList<>();
        switch (errorClass) {
            case RECIPIENT_PERMANENT -> {
                for (int code : new int[] {21211, 21614, 30005, 30006, 63024, 21610, 63016, 63049}) {
                    answers.add(code(400, code));
                }
                answers.add(ProviderAnswer.withoutCode(
                        "HTTP 400 with an unknown code in a non-JSON body",
                        () -> api.thenReply(new FakeTwilioApi.Json(400, "bad request"))));
            }
            case CONTENT_PERMANENT -> {
                for (int code : new int[] {21408, 30007, 30032, 30034}) {
                    answers.add(code(400, code));
                }
            }
            case RATE_LIMITED -> {
                answers.add(code(429, 20429));
                for (int code : new int[] {63018, 30001, 21611}) {
                    answers.add(code(400, code));
                }
            }
            case TRANSIENT -> {
                for (int code : new int[] {30003, 30008}) {
                    answers.add(code(400, code));
                }
            }
            case AUTHENTICATION -> {
                answers.add(code(401, 20003));
                answers.add(code(404, 20404));
            }
            case UNKNOWN_OUTCOME -> {
                answers.add(ProviderAnswer.withoutCode(
                        "HTTP 500 with a Twilio error body",
                        () -> api.thenReply(FakeTwilioApi.error(500, 20500, "Internal Server Error"))));
                answers.add(ProviderAnswer.withoutCode(
                        "HTTP 503 with an empty body", () -> api.thenReply(new FakeTwilioApi.Json(503, ""))));
                answers.add(ProviderAnswer.withoutCode(
                        "connection closed after the request was read",
                        () -> api.thenReply(new FakeTwilioApi.DropConnection())));
                answers.add(ProviderAnswer.withoutCode(
                        "no answer within the request timeout",
                        () -> api.thenReply(new FakeTwilioApi.Hold(neverAnswered))));
            }
        }
        return answers;
    }

    private ProviderAnswer code(int httpStatus, int code) {
        return ProviderAnswer.withCode(
                "HTTP " + httpStatus + ", Twilio code " + code,
                String.valueOf(code),
                () -> api.thenReply(FakeTwilioApi.error(httpStatus, code, "scripted error " + code)));
    }

    @Override
    public WebhookRequest signedStatusWebhook(String providerMessageId, DeliveryStatus status) {
        return statusWebhook(providerMessageId, status, Map.of());
    }

    @Override
    public WebhookRequest signedStatusWebhookWithUnknownFields(String providerMessageId, DeliveryStatus status) {
        return statusWebhook(
                providerMessageId,
                status,
                Map.of("ChannelInstallSid", "XE123", "SomeNewField", "surprise", "StructuredMessage", "false"));
    }

    private WebhookRequest statusWebhook(String sid, DeliveryStatus status, Map<String, String> extra) {
        FakeTwilioApi.Recorded sent = api.acceptedRequest(sid)
                .orElseThrow(() -> new IllegalArgumentException("the fake never accepted " + sid));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", sent.param("From") == null ? "+15005550006" : sent.param("From"));
        params.put("To", sent.param("To"));
        params.put("ApiVersion", "2010-04-01");
        String twilioStatus = switch (status) {
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case READ -> "read";
            case FAILED -> "undelivered";
        };
        params.put("MessageStatus", twilioStatus);
        params.put("SmsStatus", twilioStatus);
        if (status == DeliveryStatus.FAILED) {
            params.put("ErrorCode", "30006");
        }
        params.putAll(extra);
        return signer.post(URI.create(sent.param("StatusCallback")), params);
    }

    @Override
    public WebhookRequest signedInboundTextWebhook(String providerMessageId, String from, String text) {
        return signer.post(INBOUND_URL, inbound(providerMessageId, from, text));
    }

    @Override
    public WebhookRequest signedUnknownMessageTypeWebhook(String providerMessageId, String from) {
        // Twilio forwards a WhatsApp message it cannot represent (a poll, an order) with no Body, media,
        // button or location: nothing CampaignKit knows
        return signer.post(INBOUND_URL, inbound(providerMessageId, from, ""));
    }

    private Map<String, String> inbound(String sid, String from, String text) {
        boolean whatsApp = sender.startsWith("whatsapp:");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", (whatsApp ? "whatsapp:" : "") + from);
        params.put("To", sender);
        params.put("Body", text);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        params.put("SmsStatus", "received");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    @Override
    public WebhookRequest signedMalformedWebhook() {
        String body = "MessageSid=SM1&Body=%E0%A4%A";
        return WebhookRequest.post(
                INBOUND_URL,
                WebhookHeaders.ofSingle(
                        Map.of("X-Twilio-Signature", signer.sign(INBOUND_URL.toString(), Map.of("MessageSid", "SM1")))),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public WebhookRequest withBadSignature(WebhookRequest signed) {
        return signed.withHeaders(signed.headers().with("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return signed.withHeaders(signed.headers().without("X-Twilio-Signature"));
    }
}
