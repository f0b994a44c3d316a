package io.campaignkit.testkit.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's fake API on loopback for the {@link ChannelAdapterContractKit}: an HTTP server on
 * {@code 127.0.0.1} that answers each send as scripted ({@link #answerNext}, {@link #holdNext} past
 * the adapter's timeout, {@link #dropNext} the connection after reading the request), else accepts it
 * with a fresh message id; it remembers each accepted send so that its status webhooks echo what the
 * adapter sent (the correlation id), and it makes the bad-signature variants of any signed webhook.
 *
 * <p>A vendor writes what is its own only: how the provider signs ({@link #signatureHeader},
 * {@link #sign}), what an accepted send answers ({@link #accepted}), and the bodies of the webhooks
 * ({@link #statusBody} and the rest of {@link ScriptedProvider}'s builders, with {@link #signed}).
 *
 * <pre>{@code
 * final class FakeAcme extends LoopbackProvider {
 *     FakeAcme() { super(URI.create("https://host.test/webhooks/acme")); }
 *     protected String signatureHeader() { return "X-Acme-Signature"; }
 *     protected String sign(URI url, byte[] body) { return AcmeAdapter.sign(SECRET, url, body); }  // the adapter's own code
 *     protected Answer accepted(String messageId, Request send) { return Answer.of(201, "id=" + messageId); }
 *     ... answersMeaning, statusesReported and the webhook bodies ...
 * }
 * }</pre>
 */
public abstract class LoopbackProvider implements ScriptedProvider, AutoCloseable {

    /** How long a held answer waits at most: far beyond any adapter timeout under test. */
    public static final long HOLD_SECONDS = 30;

    /**
     * One request the adapter made.
     *
     * @param method the HTTP method
     * @param uri the path and query called
     * @param headers the request headers
     * @param body the raw body
     */
    public record Request(String method, URI uri, WebhookHeaders headers, byte[] body) {
        /** @return the body as UTF-8 text */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the body read as a form ({@code application/x-www-form-urlencoded}), lenient: empty if unreadable */
        public Map<String, java.util.List<String>> form() {
            try {
                return WebhookRequest.post(URI.create("http://form.invalid/"), WebhookHeaders.none(), body)
                        .formParameters();
            } catch (IllegalArgumentException e) {
                return Map.of();
            }
        }
    }

    /**
     * One answer of the fake.
     *
     * @param status the HTTP status
     * @param contentType the body's content type
     * @param body the body
     * @param headers extra headers ({@code Retry-After})
     */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        /**
         * A plain answer.
         *
         * @param status the HTTP status
         * @param contentType the body's content type
         * @param body the body
         * @return the answer
         */
        public static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType, body, Map.of());
        }

        /**
         * @param name a header
         * @param value its value
         * @return this answer with the header added
         */
        public Answer withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, contentType, body, Map.copyOf(more));
        }
    }

    private enum Behaviour {
        ANSWER,
        HOLD,
        DROP
    }

    private record Scripted(Behaviour behaviour, @Nullable Answer answer) {}

    private final URI webhookUrl;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final Map<String, Request> acceptedById = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);

    /**
     * Starts the fake on a free loopback port.
     *
     * @param webhookUrl the URL the provider calls the host's webhook at (signatures cover it)
     */
    protected LoopbackProvider(URI webhookUrl) {
        this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake provider on loopback: " + e.getMessage(), e);
        }
        server.setExecutor(handlers); // one thread would let a held answer block every other send
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return where the adapter under test sends: {@code http://127.0.0.1:<port>} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return the URL webhooks are addressed to */
    public URI webhookUrl() {
        return webhookUrl;
    }

    // ------------------------------------------------------------------ scripting the next send

    /**
     * The next send gets {@code answer}.
     *
     * @param answer what the provider answers
     * @return an arming action, for {@link ProviderAnswer}
     */
    public Runnable answerNext(Answer answer) {
        Objects.requireNonNull(answer, "answer");
        return () -> scripted.add(new Scripted(Behaviour.ANSWER, answer));
    }

    /** @return an arming action: the next send gets no answer until the fake closes (past any adapter timeout) */
    public Runnable holdNext() {
        return () -> scripted.add(new Scripted(Behaviour.HOLD, null));
    }

    /** @return an arming action: the next send's connection is dropped after its request was read */
    public Runnable dropNext() {
        return () -> scripted.add(new Scripted(Behaviour.DROP, null));
    }

    /**
     * An error answer with the provider's code, for {@link #answersMeaning}.
     *
     * @param status the HTTP status
     * @param providerCode the code the adapter must report
     * @param answer the whole answer (its body carries the code as the provider words it)
     * @return the provider answer, armed on the next send
     */
    protected ProviderAnswer error(int status, String providerCode, Answer answer) {
        return ProviderAnswer.withCode("HTTP " + status + " " + providerCode, providerCode, answerNext(answer));
    }

    /**
     * The answers every provider gives that mean {@link io.campaignkit.channel.SendErrorClass#UNKNOWN_OUTCOME}:
     * none within the adapter's timeout, and a connection dropped after the request was read.
     *
     * @return the two answers
     */
    protected java.util.List<ProviderAnswer> noAnswers() {
        return java.util.List.of(
                ProviderAnswer.withoutCode("no answer within the adapter's timeout", holdNext()),
                ProviderAnswer.withoutCode("connection dropped after the request", dropNext()));
    }

    /**
     * The send that got {@code providerMessageId}, as the adapter made it: what status webhooks echo.
     *
     * @param providerMessageId an id this fake gave
     * @return the request
     * @throws IllegalArgumentException when this fake never accepted a message with that id
     */
    public Request sendOf(String providerMessageId) {
        Request request = acceptedById.get(providerMessageId);
        if (request == null) {
            throw new IllegalArgumentException("the fake never accepted a message with id " + providerMessageId);
        }
        return request;
    }

    // ------------------------------------------------------------------ what the vendor writes

    /** @return the header the provider signs webhooks in */
    protected abstract String signatureHeader();

    /**
     * The provider's signature of a webhook, as it would put it in {@link #signatureHeader()}.
     *
     * @param url the URL the webhook is sent to
     * @param body the raw body
     * @return the header's value
     */
    protected abstract String sign(URI url, byte[] body);

    /**
     * The provider's answer to a send it accepted.
     *
     * @param messageId the id this fake gives the message
     * @param send the adapter's request
     * @return the answer
     */
    protected abstract Answer accepted(String messageId, Request send);

    /**
     * The next message id; {@code FAKE-000001}, {@code FAKE-000002}… by default.
     *
     * @param sequence 1, 2, …
     * @return the id
     */
    protected String messageId(long sequence) {
        return String.format("FAKE-%06d", sequence);
    }

    // ------------------------------------------------------------------ signed webhooks

    /**
     * A POST of {@code body} to {@link #webhookUrl()}, signed as the provider signs, and stamped with
     * its arrival as a host stamps it ({@link WebhookRequest#withReceivedAt}).
     *
     * @param contentType the body's content type
     * @param body the body
     * @return the request
     */
    protected WebhookRequest signed(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return WebhookRequest.post(
                        webhookUrl,
                        WebhookHeaders.none()
                                .with("Content-Type", contentType)
                                .with(signatureHeader(), sign(webhookUrl, bytes)),
                        bytes)
                .withReceivedAt(java.time.Instant.now());
    }

    /** A well-formed signature of another body: right shape, wrong value. */
    @Override
    public WebhookRequest withBadSignature(WebhookRequest signed) {
        byte[] other = (signed.bodyAsString() + " ").getBytes(StandardCharsets.UTF_8);
        return signed.withHeaders(signed.headers().with(signatureHeader(), sign(signed.url(), other)));
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return signed.withHeaders(signed.headers().without(signatureHeader()));
    }

    // ------------------------------------------------------------------ the server

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    WebhookHeaders.of(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            Scripted next = scripted.poll();
            Answer answer;
            if (next == null) {
                String id = messageId(ids.incrementAndGet());
                acceptedById.put(id, request);
                answer = accepted(id, request);
            } else if (next.behaviour() == Behaviour.HOLD) {
                closing.await(HOLD_SECONDS, TimeUnit.SECONDS);
                return;
            } else if (next.behaviour() == Behaviour.DROP) {
                return; // closing the exchange unanswered drops the connection
            } else {
                answer = Objects.requireNonNull(next.answer(), "an ANSWER is scripted with its answer");
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server; held answers are released unanswered. Idempotent. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
