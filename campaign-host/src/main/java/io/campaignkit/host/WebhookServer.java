package io.campaignkit.host;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook server of its own on the JDK's HTTP server, for a host that has none: it serves a
 * {@link WebhookEndpoint} on {@code /webhooks/<channel>} and owns its threads, which {@link #close()}
 * stops.
 *
 * <pre>{@code
 * try (WebhookServer webhooks = WebhookServer.start(null, 8080, Optional.of(publicUrl), endpoint)) {
 *     ... tell the provider webhooks.urlFor("whatsapp-cloud") ...
 * }
 * }</pre>
 */
public final class WebhookServer implements AutoCloseable {

    /** Threads answering webhook calls. */
    public static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<URI> publicUrl;
    private final WebhookEndpoint endpoint;

    private WebhookServer(
            HttpServer server, ExecutorService executor, Optional<URI> publicUrl, WebhookEndpoint endpoint) {
        this.server = server;
        this.executor = executor;
        this.publicUrl = publicUrl;
        this.endpoint = endpoint;
    }

    /**
     * Starts listening.
     *
     * @param address the address to bind (null: every interface)
     * @param port the port; 0 picks a free one
     * @param publicUrl the scheme, host and port providers call (path prefix allowed), if not this server's
     * @param endpoint what answers the calls
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound (in use, not allowed), naming it
     */
    public static WebhookServer start(
            InetAddress address, int port, Optional<URI> publicUrl, WebhookEndpoint endpoint) {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(endpoint, "endpoint");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for webhooks on port " + port + ": " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "campaignkit-webhooks-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", JdkWebhookHandler.of(endpoint).behind(publicUrl));
        server.setExecutor(executor);
        server.start();
        return new WebhookServer(server, executor, publicUrl, endpoint);
    }

    /** @return how many webhook requests the adapters accepted (2xx) */
    public long acceptedCount() {
        return endpoint.acceptedCount();
    }

    /** @return the port listened on */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The URL a provider calls for a channel: under the public URL when given, else this server's.
     *
     * @param channelId the channel
     * @return the route's URL
     */
    public URI urlFor(String channelId) {
        if (publicUrl.isPresent()) {
            return WebhookEndpoint.routeUrl(publicUrl.get(), channelId);
        }
        InetAddress bound = server.getAddress().getAddress();
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        return WebhookEndpoint.routeUrl(URI.create("http://" + host + ":" + port()), channelId);
    }

    /** Stops listening and stops the threads. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
