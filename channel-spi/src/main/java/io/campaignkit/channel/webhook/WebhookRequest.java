package io.campaignkit.channel.webhook;

import io.campaignkit.channel.internal.Checks;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP call from a provider, exactly as received. Signatures are computed over the raw body bytes
 * and the full URL the provider called, so the host passes both untouched: never a re-serialised body,
 * and the public URL (scheme, host, port, path and query as the provider saw them, not an address
 * rewritten by a proxy).
 *
 * <p>The host stamps the instant the request arrived ({@link #withReceivedAt}) once, when it reads
 * it off the wire; an adapter uses it as the time of an event the provider sent without one, so that
 * handling the same request twice gives equal events with no state or clock in the adapter. The host
 * kit's webhook endpoint ({@code campaign-host}) stamps every request.
 *
 * <p>Immutable; {@link #body()} returns a copy.
 */
public final class WebhookRequest {

    private final String method;
    private final URI url;
    private final WebhookHeaders headers;
    private final byte[] body;
    private final @Nullable Instant receivedAt; // null: not stamped by the host

    private WebhookRequest(String method, URI url, WebhookHeaders headers, byte[] body, @Nullable Instant receivedAt) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
        this.receivedAt = receivedAt;
    }

    /**
     * A request.
     *
     * @param method  the HTTP method such as {@code POST}, not blank; upper-cased
     * @param url     the full, absolute URL the provider called, not null
     * @param headers the headers, not null
     * @param body    the raw body bytes, not null (empty for none); copied
     * @return the request
     */
    public static WebhookRequest of(String method, URI url, WebhookHeaders headers, byte[] body) {
        Checks.notBlank(method, "method");
        Checks.notNull(url, "url");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("url must be the absolute URL the provider called (was " + url + ")");
        }
        Checks.notNull(headers, "headers");
        Checks.notNull(body, "body");
        return new WebhookRequest(method.toUpperCase(Locale.ROOT), url, headers, body.clone(), null);
    }

    /**
     * A POST request.
     *
     * @param url     the full URL, not null
     * @param headers the headers, not null
     * @param body    the raw body, not null
     * @return the request
     */
    public static WebhookRequest post(URI url, WebhookHeaders headers, byte[] body) {
        return of("POST", url, headers, body);
    }

    /**
     * A GET request with no body, such as a subscription handshake.
     *
     * @param url     the full URL with its query, not null
     * @param headers the headers, not null
     * @return the request
     */
    public static WebhookRequest get(URI url, WebhookHeaders headers) {
        return of("GET", url, headers, new byte[0]);
    }

    /** @return the upper-cased HTTP method */
    public String method() {
        return method;
    }

    /** @return the full URL the provider called */
    public URI url() {
        return url;
    }

    /** @return the headers */
    public WebhookHeaders headers() {
        return headers;
    }

    /**
     * Shortcut for {@code headers().first(name)}.
     *
     * @param name the header name in any case, not blank
     * @return the first value, or empty
     */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /**
     * When the host received the request, if it stamped it: the time of any event whose payload
     * carries none (a status callback without a timestamp), so that the same request always yields
     * equal events. An adapter falls back to its own clock only when this is empty.
     *
     * @return the arrival instant, or empty when the host did not stamp it
     */
    public Optional<Instant> receivedAt() {
        return Optional.ofNullable(receivedAt);
    }

    /**
     * A copy stamped with the instant the host received it; the host calls it once per request, as it
     * reads it off the wire.
     *
     * @param instant when the request arrived, not null
     * @return a new request with the same method, URL, headers and body
     */
    public WebhookRequest withReceivedAt(Instant instant) {
        Checks.notNull(instant, "instant");
        return new WebhookRequest(method, url, headers, body, instant);
    }

    /** @return a copy of the raw body bytes */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body decoded as UTF-8 */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body read as {@code application/x-www-form-urlencoded} (Twilio-style callbacks), names in
     * order of first appearance.
     *
     * @return names to values; empty for an empty body
     * @throws IllegalArgumentException when the body is not valid form encoding; an adapter answers
     *                                  {@link WebhookResult#badRequest(String) 400}
     */
    public Map<String, List<String>> formParameters() {
        return decodeParameters(bodyAsString(), "body");
    }

    /**
     * The URL's query parameters (such as a subscription handshake's), names in order of first
     * appearance.
     *
     * @return names to values; empty when there is no query
     * @throws IllegalArgumentException when the query is not valid URL encoding
     */
    public Map<String, List<String>> queryParameters() {
        String query = url.getRawQuery();
        return query == null ? Map.of() : decodeParameters(query, "query");
    }

    /**
     * A copy with a different body and the same method, URL and headers; used by tests to tamper
     * with a signed request.
     *
     * @param newBody the body, not null
     * @return a new request
     */
    public WebhookRequest withBody(byte[] newBody) {
        Checks.notNull(newBody, "newBody");
        return new WebhookRequest(method, url, headers, newBody.clone(), receivedAt);
    }

    /**
     * A copy with different headers.
     *
     * @param newHeaders the headers, not null
     * @return a new request
     */
    public WebhookRequest withHeaders(WebhookHeaders newHeaders) {
        Checks.notNull(newHeaders, "newHeaders");
        return new WebhookRequest(method, url, newHeaders, body, receivedAt);
    }

    private static Map<String, List<String>> decodeParameters(String encoded, String where) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), where);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), where);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String text, String where) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + where + " is not valid URL encoding near '" + text + "'", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest request
                && method.equals(request.method)
                && url.equals(request.url)
                && headers.equals(request.headers)
                && Arrays.equals(body, request.body)
                && Objects.equals(receivedAt, request.receivedAt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * method.hashCode() + url.hashCode()) + Arrays.hashCode(body);
    }

    /** @return method, URL, header names and body size; never header values or body content */
    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + url + ", headers=" + headers.names() + ", body=" + body.length
                + " bytes" + (receivedAt == null ? "" : ", received " + receivedAt) + "]";
    }
}
