package io.campaignkit.host;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What an HTTP server writes back for one webhook call: the status, the body and its content type,
 * and any extra header ({@code Allow} on a 405).
 *
 * @param status the HTTP status
 * @param contentType the body's content type
 * @param body the body, may be empty
 * @param headers extra headers to set, by name
 */
public record WebhookResponse(int status, String contentType, String body, Map<String, String> headers) {

    /**
     * Checks and copies.
     *
     * @param status see {@link #status()}
     * @param contentType see {@link #contentType()}
     * @param body see {@link #body()}
     * @param headers see {@link #headers()}
     */
    public WebhookResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** @return the body encoded as UTF-8, the bytes to write */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
