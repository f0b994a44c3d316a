package io.campaignkit.channel.whatsapp.internal;

/**
 * A Graph API error as Meta reported it. Everything is kept: reports and support need the HTTP
 * status, Meta's code, the details and the fbtrace_id, not a summary.
 *
 * @param httpStatus HTTP status of the response
 * @param code       Meta's error code, or {@code null} when the body carried none (e.g. a proxy's HTML page)
 * @param type       e.g. {@code OAuthException}; may be {@code null}
 * @param message    Meta's message (titles are being deprecated); may be {@code null}
 * @param details    {@code error_data.details}; may be {@code null}
 * @param fbtraceId  Meta's trace id for support requests; may be {@code null}
 */
public record GraphError(int httpStatus, Integer code, String type, String message, String details, String fbtraceId) {

    /** A short, human description with no secret in it (the body never contains the token). */
    public String describe() {
        StringBuilder text = new StringBuilder("HTTP ").append(httpStatus);
        if (code != null) {
            text.append(", code ").append(code);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        if (details != null) {
            text.append(" (").append(details).append(')');
        }
        if (fbtraceId != null) {
            text.append(" [fbtrace_id ").append(fbtraceId).append(']');
        }
        return text.toString();
    }
}
