package io.campaignkit.cli.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program's webhook endpoint on the JDK's HTTP server: {@code POST /webhooks/whatsapp-cloud},
 * {@code GET /webhooks/whatsapp-cloud} (Meta's subscription check), {@code POST /webhooks/twilio}
 * and {@code POST /webhooks/simulated}. Each request goes, as received, to the engine, which has
 * the channel's adapter verify and parse it; the adapter's answer is written back.
 *
 * <p>Adapters verify signatures over the URL the provider called, so the request's URL is rebuilt
 * from {@code --public-url} when given (a tunnel or proxy in front of this port), else from the
 * {@code Host} header.
 */
public final class WebhookServer implements AutoCloseable {

    /** Where every route lives. */
    public static final String PATH_PREFIX = "/webhooks/";
    /** Bodies above this size are refused with 413: no provider sends webhooks this large. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    private static final Map<String, Set<String>> ROUTES = Map.of(
            "whatsapp-cloud", Set.of("GET", "POST"),
            "twilio", Set.of("POST"),
            "simulated", Set.of("POST"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<URI> publicUrl;
    private final BiFunction<String, WebhookRequest, WebhookResult> handler;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();

    private WebhookServer(HttpServer server, ExecutorService executor, Optional<URI> publicUrl,
            BiFunction<String, WebhookRequest, WebhookResult> handler) {
        this.server = server;
        this.executor = executor;
        this.publicUrl = publicUrl;
        this.handler = handler;
    }

    /**
     * Starts listening.
     *
     * @param address the address to bind (null: every interface)
     * @param port the port; 0 picks a free one
     * @param publicUrl the scheme, host and port providers call (path prefix allowed), if not this server's
     * @param handler receives the channel id of the route and the request; answers what to write back
     */
    public static WebhookServer start(InetAddress address, int port, Optional<URI> publicUrl,
            BiFunction<String, WebhookRequest, WebhookResult> handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (IOException e) {
            throw CliException.usage("cannot listen for webhooks on port " + port + ": " + e.getMessage()
                    + "; pick another --webhook-port", e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "campaignkit-webhooks-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        WebhookServer webhooks = new WebhookServer(server, executor, publicUrl, handler);
        server.createContext("/", webhooks::handle);
        server.setExecutor(executor);
        server.start();
        return webhooks;
    }

    /** How many webhook requests the engine accepted (2xx). */
    public long acceptedCount() {
        return accepted.get();
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL a provider calls for {@code channelId}. */
    public URI urlFor(String channelId) {
        return URI.create(base() + PATH_PREFIX + channelId);
    }

    /** The URL of {@code channelId}'s route under a public base URL (a tunnel or proxy in front of the program). */
    public static URI routeUrl(URI publicBase, String channelId) {
        String text = publicBase.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + PATH_PREFIX + channelId);
    }

    private String base() {
        if (publicUrl.isPresent()) {
            String text = routeUrl(publicUrl.get(), "x").toString();
            return text.substring(0, text.length() - (PATH_PREFIX.length() + 1));
        }
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return "http://" + host + ":" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String channelId = path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : "";
            Set<String> methods = ROUTES.get(channelId);
            if (methods == null) {
                respond(exchange, 404, "not found: webhooks are POST " + PATH_PREFIX + "<channel>");
                return;
            }
            if (!methods.contains(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", String.join(", ", methods));
                respond(exchange, 405, "method not allowed");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                respond(exchange, 413, "body too large");
                return;
            }
            WebhookRequest request = WebhookRequest.of(exchange.getRequestMethod(), requestUrl(exchange),
                    WebhookHeaders.of(exchange.getRequestHeaders()), body);
            WebhookResult result;
            try {
                result = handler.apply(channelId, request);
            } catch (RuntimeException e) {
                LOG.warn("webhook for {} failed", channelId, e);
                respond(exchange, 500, "webhook handling failed");
                return;
            }
            if (result.accepted()) {
                accepted.incrementAndGet();
            }
            byte[] answer = result.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", result.contentType());
            exchange.sendResponseHeaders(result.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("webhook exchange failed", e);
        }
    }

    private URI requestUrl(HttpExchange exchange) {
        URI called = exchange.getRequestURI();
        String query = called.getRawQuery() == null ? "" : "?" + called.getRawQuery();
        if (publicUrl.isEmpty()) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host != null && !host.isBlank()) {
                return URI.create("http://" + host.strip() + called.getRawPath() + query);
            }
        }
        return URI.create(base() + called.getRawPath() + query);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", WebhookResult.TEXT_PLAIN);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
