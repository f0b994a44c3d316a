package io.campaignkit.channel.webhook;

import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.internal.Checks;
import java.util.List;

/**
 * What to answer a provider's webhook call with, and the verified events it carried.
 *
 * <p>Events are present only with a 2xx status: a refused request ({@link #unauthorized},
 * {@link #forbidden}, {@link #badRequest}) carries none.
 *
 * @param status      the HTTP status to answer with
 * @param contentType the content type of {@code body}, such as {@code text/plain} or {@code text/xml}
 * @param body        the body to answer with (a challenge echo, an empty TwiML document), may be empty
 * @param events      the verified events, in the order the provider listed them
 */
public record WebhookResult(int status, String contentType, String body, List<ChannelEvent> events) {

    /** Content type of the plain-text answers made by the factories here. */
    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";

    /**
     * Validates and copies; every argument is checked and a bad one is named in the error.
     *
     * @param status see {@link #status()}
     * @param contentType see {@link #contentType()}
     * @param body see {@link #body()}
     * @param events see {@link #events()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public WebhookResult {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status 100..599 (was " + status + ")");
        }
        Checks.notBlank(contentType, "contentType");
        Checks.notNull(body, "body");
        events = Checks.listOf(events, "events");
        if (!events.isEmpty() && !(status >= 200 && status < 300)) {
            throw new IllegalArgumentException(
                    "events are only allowed with a 2xx status (status " + status + ", " + events.size() + " events)");
        }
    }

    /**
     * 200 with an empty body and these events.
     *
     * @param events the events, not null
     * @return the result
     */
    public static WebhookResult ok(List<ChannelEvent> events) {
        return new WebhookResult(200, TEXT_PLAIN, "", events);
    }

    /**
     * 200 with a body and these events (for providers that read the answer, such as TwiML).
     *
     * @param contentType the body's content type, not blank
     * @param body        the body, not null
     * @param events      the events, not null
     * @return the result
     */
    public static WebhookResult ok(String contentType, String body, List<ChannelEvent> events) {
        return new WebhookResult(200, contentType, body, events);
    }

    /**
     * 400: the body could not be parsed. No events.
     *
     * @param reason a short reason for the provider's logs, not blank; never containing secrets
     * @return the result
     */
    public static WebhookResult badRequest(String reason) {
        return new WebhookResult(400, TEXT_PLAIN, Checks.notBlank(reason, "reason"), List.of());
    }

    /**
     * 401: the signature or verification token is missing or wrong. No events.
     *
     * @param reason a short reason, not blank; never containing the expected signature or a secret
     * @return the result
     */
    public static WebhookResult unauthorized(String reason) {
        return new WebhookResult(401, TEXT_PLAIN, Checks.notBlank(reason, "reason"), List.of());
    }

    /**
     * 403: the request is authenticated but not allowed (for instance for another account). No events.
     *
     * @param reason a short reason, not blank
     * @return the result
     */
    public static WebhookResult forbidden(String reason) {
        return new WebhookResult(403, TEXT_PLAIN, Checks.notBlank(reason, "reason"), List.of());
    }

    /**
     * 405: the method is not one this webhook answers. No events.
     *
     * @param method the method received, not blank
     * @return the result
     */
    public static WebhookResult methodNotAllowed(String method) {
        return new WebhookResult(
                405, TEXT_PLAIN, "method not allowed: " + Checks.notBlank(method, "method"), List.of());
    }

    /**
     * Whether the provider's call was accepted.
     *
     * @return true for a 2xx status
     */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
