package io.campaignkit.channel.simulated;

import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.webhook.WebhookSignatures;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Both ends of the simulated provider's webhook signature, {@code sha256=} and the hex HMAC-SHA256 of
 * the URL, a newline and the body, in {@link SimulatedChannel#SIGNATURE_HEADER}: signing the requests the
 * channel sends, and verifying and decoding the ones it receives.
 */
final class WebhookSigner {

    private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final URI webhookUrl;
    private final Secret secret;

    WebhookSigner(URI webhookUrl, Secret secret) {
        this.webhookUrl = webhookUrl;
        this.secret = secret;
    }

    String signatureFor(URI url, byte[] body) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes((url.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        signed.writeBytes(body);
        return "sha256=" + WebhookSignatures.hmacSha256Hex(secret, signed.toByteArray());
    }

    /** A POST of {@code formBody} to the configured webhook URL, validly signed. */
    WebhookRequest signed(String formBody) {
        byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
        WebhookHeaders headers = WebhookHeaders.none()
                .with("Content-Type", FORM_CONTENT_TYPE)
                .with(SimulatedChannel.SIGNATURE_HEADER, signatureFor(webhookUrl, body));
        return WebhookRequest.post(webhookUrl, headers, body);
    }

    /** 405 for a method other than POST, 401 for a missing or wrong signature, 400 for an unreadable body, else 200. */
    WebhookResult verifyAndDecode(WebhookRequest request) {
        if (request == null) {
            return WebhookResult.badRequest("no request");
        }
        if (!"POST".equals(request.method())) {
            return WebhookResult.methodNotAllowed(request.method());
        }
        Optional<String> signature = request.header(SimulatedChannel.SIGNATURE_HEADER);
        if (signature.isEmpty()) {
            return WebhookResult.unauthorized("missing " + SimulatedChannel.SIGNATURE_HEADER);
        }
        if (!WebhookSignatures.constantTimeEquals(signatureFor(request.url(), request.body()), signature.get())) {
            return WebhookResult.unauthorized(SimulatedChannel.SIGNATURE_HEADER + " does not match");
        }
        try {
            return WebhookResult.ok(SimulatedWebhookCodec.decode(request.formParameters()));
        } catch (IllegalArgumentException e) {
            return WebhookResult.badRequest("malformed simulated webhook: " + e.getMessage());
        }
    }
}
