package io.campaignkit.examples.parrot;

import io.campaignkit.channel.Secret;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.testkit.channel.LoopbackProvider;
import io.campaignkit.testkit.channel.ProviderAnswer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Parrot SMS on loopback: the vendor writes the signing, the answers and the webhook bodies only. */
final class FakeParrotSms extends LoopbackProvider {

    static final String SENDER = "+15550002222";
    private static final String FORM = "application/x-www-form-urlencoded";
    private final Secret webhookSecret;
    FakeParrotSms(Secret webhookSecret) {
        super(URI.create("https://hooks.host.test/webhooks/parrot-sms"));
        this.webhookSecret = webhookSecret;
    }

    @Override protected String signatureHeader() {
        return ParrotSmsAdapter.SIGNATURE_HEADER;
    }

    @Override protected String sign(URI url, byte[] body) {
        return ParrotSmsAdapter.sign(webhookSecret, body);
    }

    @Override protected Answer accepted(String messageId, Request send) {
        return Answer.of(202, "text/plain", "queued " + messageId);
    }

    @Override public String senderId() {
        return SENDER;
    }

    /** An SMS provider: no read receipts, and no content error of its own. */
    @Override public Set<DeliveryStatus> statusesReported() {
        return EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
    }

    @Override public Set<SendErrorClass> errorClassesProduced() {
        return EnumSet.complementOf(EnumSet.of(SendErrorClass.CONTENT_PERMANENT));
    }

    @Override public List<ProviderAnswer> answersMeaning(SendErrorClass errorClass) {
        return switch (errorClass) {
            case RECIPIENT_PERMANENT -> List.of(error(400, "E100"), error(400, "E101"));
            case AUTHENTICATION -> List.of(error(401, "E200"));
            case RATE_LIMITED -> List.of(error(429, "E300", Answer.of(429, "text/plain", "error E300 slow down")
                    .withHeader("Retry-After", "2")));
            case TRANSIENT -> List.of(error(503, "E500"));
            case UNKNOWN_OUTCOME -> noAnswers();
            case CONTENT_PERMANENT -> List.of();
        };
    }

    private ProviderAnswer error(int status, String code) { // Parrot words every error "error <code> <message>"
        return error(status, code, Answer.of(status, "text/plain", "error " + code + " the parrot says no")); }

    @Override public WebhookRequest signedStatusWebhook(String providerMessageId, DeliveryStatus status) {
        return signed(FORM, report(providerMessageId, status));
    }

    @Override public WebhookRequest signedStatusWebhookWithUnknownFields(String providerMessageId, DeliveryStatus status) {
        return signed(FORM, "v=9&" + report(providerMessageId, status) + "&parts=1&cost=0.01");
    }

    @Override public WebhookRequest signedInboundTextWebhook(String providerMessageId, String from, String text) {
        return signed(FORM, "kind=mo&msgid=" + e(providerMessageId) + "&src=" + e(from) + "&dst=" + e(SENDER) + "&msg=" + e(text));
    }

    @Override public WebhookRequest signedUnknownMessageTypeWebhook(String providerMessageId, String from) {
        return signed(FORM, "kind=mms&msgid=" + e(providerMessageId) + "&src=" + e(from) + "&dst=" + e(SENDER));
    }

    @Override public WebhookRequest signedMalformedWebhook() {
        return signed(FORM, "kind=dlr&msgid=%ZZ");
    }

    /** A delivery report echoes the send's {@code tag}: the correlation id the adapter passed. */
    private String report(String id, DeliveryStatus status) {
        String state = switch (status) {
            case SENT -> "ACCEPTD";
            case DELIVERED -> "DELIVRD";
            default -> "UNDELIV&err=E101";
        };
        return "kind=dlr&msgid=" + e(id) + "&tag=" + e(sendOf(id).form().get("tag").get(0)) + "&state=" + state;
    }

    private static String e(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
