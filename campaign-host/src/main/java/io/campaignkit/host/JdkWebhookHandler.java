package io.campaignkit.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.campaignkit.channel.webhook.WebhookHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WebhookEndpoint} mounted on the JDK's HTTP server ({@code com.sun.net.httpserver}):
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext(WebhookEndpoint.PATH_PREFIX, JdkWebhookHandler.of(webhooks).behind(publicUrl));
 * }</pre>
 *
 * <p>Adapters verify signatures over the URL the provider called, so the request's URL is rebuilt
 * from the public base URL when the server sits behind a tunnel or a proxy ({@link #behind}), else
 * from the {@code Host} header, else from the address the server listens on.
 */
public final class JdkWebhookHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JdkWebhookHandler.class);

    private final WebhookEndpoint endpoint;
    private final Optional<URI> publicUrl;

    private JdkWebhookHandler(WebhookEndpoint endpoint, Optional<URI> publicUrl) {
        this.endpoint = endpoint;
        this.publicUrl = publicUrl;
    }

    /**
     * A handler for requests reaching the server directly.
     *
     * @param endpoint the endpoint to hand requests to
     * @return the handler
     */
    public static JdkWebhookHandler of(WebhookEndpoint endpoint) {
        return new JdkWebhookHandler(Objects.requireNonNull(endpoint, "endpoint"), Optional.empty());
    }

    /**
     * The same handler for a server reached through {@code base} (a tunnel or proxy in front of it):
     * request URLs are rebuilt under it.
     *
     * @param base scheme, host, port and optional path prefix providers call; empty: none
     * @return a new handler
     */
    public JdkWebhookHandler behind(Optional<URI> base) {
        return new JdkWebhookHandler(endpoint, Objects.requireNonNull(base, "base"));
    }

    /** @return the endpoint requests go to */
    public WebhookEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            WebhookResponse response = endpoint.handle(
                    exchange.getRequestMethod(),
                    requestUrl(exchange),
                    WebhookHeaders.of(exchange.getRequestHeaders()),
                    exchange.getRequestBody());
            byte[] body = response.bodyBytes();
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("webhook exchange failed", e);
        }
    }

    private URI requestUrl(HttpExchange exchange) {
        URI called = exchange.getRequestURI();
        String pathAndQuery = called.getRawPath() + (called.getRawQuery() == null ? "" : "?" + called.getRawQuery());
        if (publicUrl.isPresent()) {
            String base = publicUrl.get().toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && !host.isBlank()) {
            return URI.create("http://" + host.strip() + pathAndQuery);
        }
        InetSocketAddress local = exchange.getLocalAddress();
        return URI.create("http://" + local.getAddress().getHostAddress() + ":" + local.getPort() + pathAndQuery);
    }
}
