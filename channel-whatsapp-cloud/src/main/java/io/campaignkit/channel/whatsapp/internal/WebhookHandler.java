package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.util.List;
import java.util.Map;

/**
 * The webhook endpoint: GET answers Meta's subscription check, POST is size-checked, then its
 * signature verified over the raw bytes, and only then parsed.
 */
public final class WebhookHandler {

    private static final String PAYLOAD_TOO_LARGE_REASON = "webhook body larger than the configured limit";

    private final Secret verifyToken;
    private final WebhookSignature signature;
    private final WebhookPayloadReader reader;
    private final EventMapper mapper;
    private final int maxBodyBytes;

    public WebhookHandler(
            Secret verifyToken, Secret appSecret, WebhookPayloadReader reader, EventMapper mapper, int maxBodyBytes) {
        this.verifyToken = verifyToken;
        this.signature = new WebhookSignature(appSecret.revealBytes());
        this.reader = reader;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    public WebhookResult handle(WebhookRequest request) {
        return switch (request.method()) {
            case "GET" -> subscriptionCheck(request);
            case "POST" -> notification(request);
            default -> WebhookResult.methodNotAllowed(request.method());
        };
    }

    private WebhookResult subscriptionCheck(WebhookRequest request) {
        Map<String, List<String>> query;
        try {
            query = request.queryParameters();
        } catch (IllegalArgumentException badEncoding) {
            return WebhookResult.forbidden("subscription check refused");
        }
        String mode = first(query, "hub.mode");
        String token = first(query, "hub.verify_token");
        String challenge = first(query, "hub.challenge");
        // Issue 6: anything but a matching subscribe request is 403, with no hint of which part failed.
        if (!"subscribe".equals(mode) || !verifyToken.matches(token) || challenge == null || challenge.isEmpty()) {
            return WebhookResult.forbidden("subscription check refused");
        }
        return WebhookResult.ok(WebhookResult.TEXT_PLAIN, challenge, List.of());
    }

    private WebhookResult notification(WebhookRequest request) {
        byte[] body = request.body();
        if (body.length > maxBodyBytes) {
            return new WebhookResult(413, WebhookResult.TEXT_PLAIN, PAYLOAD_TOO_LARGE_REASON, List.of());
        }
        if (!signature.matches(body, request.header(WebhookSignature.HEADER).orElse(null))) {
            return WebhookResult.unauthorized("missing or invalid " + WebhookSignature.HEADER);
        }
        try {
            // the host's arrival stamp makes the same request give equal events, whenever it is handled
            WebhookPayload payload = reader.read(body);
            return WebhookResult.ok(
                    request.receivedAt().isPresent()
                            ? mapper.toEvents(payload, request.receivedAt().get())
                            : mapper.toEvents(payload));
        } catch (WebhookPayloadReader.MalformedPayloadException malformed) {
            return WebhookResult.badRequest(malformed.getMessage());
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
