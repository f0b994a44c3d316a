package io.campaignkit.host;

import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.engine.CampaignEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint of a host, as a plain function from a request to a response, for any HTTP
 * server (a servlet, Spring, Netty…); {@link JdkWebhookHandler} mounts it on the JDK's own server and
 * {@link WebhookServer} runs one.
 *
 * <pre>{@code
 * WebhookEndpoint webhooks = WebhookEndpoint.forEngine(engine).route("whatsapp-cloud").build();
 * // in your controller, for POST and GET .../webhooks/{channel}:
 * WebhookResponse answer = webhooks.handle(method, fullUrlAsTheProviderCalledIt, headers, body);
 * }</pre>
 *
 * <p>Each channel has one route, {@code <anything>/webhooks/<channel id>}. A request to a route not
 * declared answers 404, a method the route does not take 405 (with {@code Allow}), a body over
 * {@link #MAX_BODY_BYTES} 413; none of them reaches the engine. Any other request is stamped with its
 * arrival time ({@link WebhookRequest#withReceivedAt}) and handed, as received, to the engine, whose
 * channel adapter verifies the signature and parses it; the adapter's answer is returned. The URL
 * passed must be the one the provider called (scheme, host, path and query as it saw them, not an
 * address rewritten by a proxy): signatures are computed over it. Thread-safe.
 */
public final class WebhookEndpoint {

    /** The path segment before the channel id in every route. */
    public static final String PATH_PREFIX = "/webhooks/";
    /** Bodies above this size are refused with 413: no provider sends webhooks this large. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /**
     * What a route takes unless told otherwise: POST for events, GET for a provider's subscription
     * handshake, which the adapter answers (or refuses) itself.
     */
    public static final Set<String> DEFAULT_METHODS = Set.of("GET", "POST");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final BiFunction<String, WebhookRequest, WebhookResult> handler;
    private final Map<String, Set<String>> routes;
    private final Clock clock;
    private final AtomicLong accepted = new AtomicLong();

    private WebhookEndpoint(Builder builder) {
        this.handler = builder.handler;
        this.routes = Map.copyOf(builder.routes);
        this.clock = builder.clock;
    }

    /**
     * An endpoint that hands each call to {@link CampaignEngine#handleWebhook}.
     *
     * @param engine the engine
     * @return a builder: declare a route per channel
     */
    public static Builder forEngine(CampaignEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return new Builder(engine::handleWebhook);
    }

    /**
     * An endpoint that hands each call to {@code handler}, given the route's channel id.
     *
     * @param handler answers a channel's request, as {@link CampaignEngine#handleWebhook} does
     * @return a builder: declare a route per channel
     */
    public static Builder custom(BiFunction<String, WebhookRequest, WebhookResult> handler) {
        return new Builder(Objects.requireNonNull(handler, "handler"));
    }

    /**
     * The channel id a path routes to: the segment after the last {@value #PATH_PREFIX}.
     *
     * @param rawPath the request's path
     * @return the channel id, or empty when the path is no webhook route
     */
    public static Optional<String> channelOf(String rawPath) {
        int at = rawPath == null ? -1 : rawPath.lastIndexOf(PATH_PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        String id = rawPath.substring(at + PATH_PREFIX.length());
        return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
    }

    /**
     * The URL a provider calls for {@code channelId} under a base URL (scheme, host, port and an
     * optional path prefix): {@code https://x.example/base/} gives {@code https://x.example/base/webhooks/twilio}.
     *
     * @param base where the host is reached from outside
     * @param channelId the channel
     * @return the route's URL
     */
    public static URI routeUrl(URI base, String channelId) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + PATH_PREFIX + channelId);
    }

    /**
     * Answers one webhook call.
     *
     * @param method the HTTP method
     * @param url the full URL the provider called, with its query
     * @param headers the request's headers
     * @param body the raw body
     * @return what to write back; never throws for a bad request (a failing handler answers 500)
     */
    public WebhookResponse handle(String method, URI url, WebhookHeaders headers, byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Optional<String> channelId = channelOf(url.getRawPath());
        Set<String> methods = channelId.map(routes::get).orElse(null);
        if (methods == null) {
            return text(404, "not found: webhooks are POST " + PATH_PREFIX + "<channel>", Map.of());
        }
        if (!methods.contains(method.toUpperCase(Locale.ROOT))) {
            return text(405, "method not allowed", Map.of("Allow", String.join(", ", new TreeSet<>(methods))));
        }
        if (body.length > MAX_BODY_BYTES) {
            return text(413, "body too large", Map.of());
        }
        WebhookRequest request = WebhookRequest.of(method, url, headers, body).withReceivedAt(clock.instant());
        WebhookResult result;
        try {
            result = handler.apply(channelId.get(), request);
        } catch (RuntimeException e) {
            LOG.warn("webhook for {} failed", channelId.get(), e);
            return text(500, "webhook handling failed", Map.of());
        }
        if (result.accepted()) {
            accepted.incrementAndGet();
        }
        return new WebhookResponse(result.status(), result.contentType(), result.body(), Map.of());
    }

    /**
     * Answers one webhook call whose body is still a stream: reads at most {@link #MAX_BODY_BYTES}
     * (and one more byte, to refuse a larger body with 413 without reading it all).
     *
     * @param method the HTTP method
     * @param url the full URL the provider called
     * @param headers the request's headers
     * @param body the body stream, not closed here
     * @return what to write back
     * @throws IOException when the stream fails
     */
    public WebhookResponse handle(String method, URI url, WebhookHeaders headers, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        return handle(method, url, headers, bytes);
    }

    /** @return the channel ids routed, with the methods each takes */
    public Map<String, Set<String>> routes() {
        return routes;
    }

    /** @return how many calls the adapters accepted (2xx) */
    public long acceptedCount() {
        return accepted.get();
    }

    private static WebhookResponse text(int status, String text, Map<String, String> headers) {
        return new WebhookResponse(status, WebhookResult.TEXT_PLAIN, text, headers);
    }

    /** Declares the routes of a {@link WebhookEndpoint}. */
    public static final class Builder {

        private final BiFunction<String, WebhookRequest, WebhookResult> handler;
        private final Map<String, Set<String>> routes = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder(BiFunction<String, WebhookRequest, WebhookResult> handler) {
            this.handler = handler;
        }

        /**
         * Routes {@code .../webhooks/<channelId>} for {@link #DEFAULT_METHODS}.
         *
         * @param channelId the channel's id, as its adapter's {@code id()}
         * @return this builder
         */
        public Builder route(String channelId) {
            return route(channelId, DEFAULT_METHODS);
        }

        /**
         * Routes {@code .../webhooks/<channelId>} for these methods only.
         *
         * @param channelId the channel's id
         * @param methods the HTTP methods it takes, such as {@code POST}
         * @return this builder
         */
        public Builder route(String channelId, Set<String> methods) {
            if (channelId == null || channelId.isBlank() || channelId.contains("/")) {
                throw new IllegalArgumentException(
                        "channelId must be a channel id without '/', was '" + channelId + "'");
            }
            if (methods == null || methods.isEmpty()) {
                throw new IllegalArgumentException("methods of route '" + channelId + "' must not be empty");
            }
            Set<String> upper = new TreeSet<>();
            methods.forEach(method -> upper.add(method.toUpperCase(Locale.ROOT)));
            routes.put(channelId, Set.copyOf(upper));
            return this;
        }

        /**
         * The clock that stamps each request's arrival; the system clock by default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @return the endpoint
         * @throws IllegalArgumentException when no route is declared
         */
        public WebhookEndpoint build() {
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("routes: declare at least one channel with route(channelId)");
            }
            return new WebhookEndpoint(this);
        }
    }
}
