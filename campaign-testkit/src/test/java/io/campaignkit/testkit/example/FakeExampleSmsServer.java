package io.campaignkit.testkit.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.testkit.channel.ProviderAnswer;
import io.campaignkit.testkit.channel.ScriptedProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of the Example SMS API on loopback, for {@link ExampleSmsAdapterContractTest}: it accepts
 * every send with a fresh id unless the next answer was scripted, remembers each message's
 * {@code reference}, and builds the signed webhooks the real provider would send.
 */
final class FakeExampleSmsServer implements ScriptedProvider, AutoCloseable {

    static final String SENDER = "+15550001111";
    static final URI WEBHOOK_URL = URI.create("https://hooks.host.test/campaignkit/example-sms?tenant=t1");

    private enum Behaviour {
        ANSWER,
        HANG,
        DROP_CONNECTION
    }

    private record Answer(int status, String body, Map<String, String> headers, Behaviour behaviour) {}

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private final Map<String, Map<String, List<String>>> sentById = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExampleSmsConfiguration signing;

    private FakeExampleSmsServer(ExampleSmsConfiguration signing) throws IOException {
        this.signing = signing;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers); // the default executor is one thread: a hanging answer would block the rest
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake on a free loopback port; webhooks are signed as {@code signing} expects. */
    static FakeExampleSmsServer start(ExampleSmsConfiguration signing) {
        try {
            return new FakeExampleSmsServer(signing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> form = ExampleSmsWebhookParser.decodeLeniently(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer answer = scripted.poll();
            if (answer == null) {
                String id = String.format("EX-%06d", ids.incrementAndGet());
                sentById.put(id, form);
                answer = new Answer(201, "id=" + id + "&status=accepted", Map.of(), Behaviour.ANSWER);
            }
            if (answer.behaviour() == Behaviour.HANG) {
                closing.await(30, TimeUnit.SECONDS); // never answers within the adapter's timeout
                return;
            }
            if (answer.behaviour() == Behaviour.DROP_CONNECTION) {
                return; // closing the exchange unanswered drops the connection after the request was read
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/x-www-form-urlencoded");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable answerNext(int status, String code, Map<String, String> headers) {
        return () -> scripted.add(new Answer(
                status, "code=" + code + "&message=" + encode("the provider says " + code), headers, Behaviour.ANSWER));
    }

    @Override
    public String senderId() {
        return SENDER;
    }

    @Override
    public List<ProviderAnswer> answersMeaning(SendErrorClass errorClass) {
        return switch (errorClass) {
            case RECIPIENT_PERMANENT ->
                List.of(
                        ProviderAnswer.withCode(
                                "HTTP 400 invalid-number",
                                "invalid-number",
                                answerNext(400, "invalid-number", Map.of())),
                        ProviderAnswer.withCode(
                                "HTTP 400 opted-out", "opted-out", answerNext(400, "opted-out", Map.of())));
            case CONTENT_PERMANENT ->
                List.of(
                        ProviderAnswer.withCode(
                                "HTTP 404 template-not-found",
                                "template-not-found",
                                answerNext(404, "template-not-found", Map.of())),
                        ProviderAnswer.withCode(
                                "HTTP 422 with an unknown code",
                                "no-such-thing",
                                answerNext(422, "no-such-thing", Map.of())));
            case RATE_LIMITED ->
                List.of(ProviderAnswer.withCode(
                        "HTTP 429 rate-limited, Retry-After 2",
                        "rate-limited",
                        answerNext(429, "rate-limited", Map.of("Retry-After", "2"))));
            case TRANSIENT ->
                List.of(ProviderAnswer.withCode(
                        "HTTP 503 unavailable", "unavailable", answerNext(503, "unavailable", Map.of())));
            case AUTHENTICATION ->
                List.of(
                        ProviderAnswer.withCode(
                                "HTTP 401 bad-credentials",
                                "bad-credentials",
                                answerNext(401, "bad-credentials", Map.of())),
                        ProviderAnswer.withCode(
                                "HTTP 403 account-suspended",
                                "account-suspended",
                                answerNext(403, "account-suspended", Map.of())));
            case UNKNOWN_OUTCOME ->
                List.of(
                        ProviderAnswer.withoutCode(
                                "no answer before the timeout",
                                () -> scripted.add(new Answer(0, "", Map.of(), Behaviour.HANG))),
                        ProviderAnswer.withoutCode(
                                "connection dropped after the request",
                                () -> scripted.add(new Answer(0, "", Map.of(), Behaviour.DROP_CONNECTION))),
                        ProviderAnswer.withCode(
                                "HTTP 502 bad-gateway", "bad-gateway", answerNext(502, "bad-gateway", Map.of())));
        };
    }

    @Override
    public WebhookRequest signedStatusWebhook(String providerMessageId, DeliveryStatus status) {
        return signed(statusForm(providerMessageId, status));
    }

    @Override
    public WebhookRequest signedStatusWebhookWithUnknownFields(String providerMessageId, DeliveryStatus status) {
        return signed(
                "api-version=3&" + statusForm(providerMessageId, status) + "&price=0.0075&price-unit=USD&segments=1");
    }

    @Override
    public WebhookRequest signedInboundTextWebhook(String providerMessageId, String from, String text) {
        return signed("type=inbound&id=" + encode(providerMessageId) + "&from=" + encode(from) + "&to=" + encode(SENDER)
                + "&text=" + encode(text) + "&timestamp=" + Instant.now().getEpochSecond());
    }

    @Override
    public WebhookRequest signedUnknownMessageTypeWebhook(String providerMessageId, String from) {
        return signed("type=location&id=" + encode(providerMessageId) + "&from=" + encode(from) + "&to="
                + encode(SENDER) + "&latitude=19.43&longitude=-99.13");
    }

    @Override
    public WebhookRequest signedMalformedWebhook() {
        return signed("type=status&id=%ZZ&status=delivered");
    }

    @Override
    public WebhookRequest withBadSignature(WebhookRequest signed) {
        return signed.withHeaders(signed.headers()
                .with(ExampleSmsAdapter.SIGNATURE_HEADER, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return signed.withHeaders(signed.headers().without(ExampleSmsAdapter.SIGNATURE_HEADER));
    }

    private String statusForm(String providerMessageId, DeliveryStatus status) {
        Map<String, List<String>> sent = sentById.get(providerMessageId);
        if (sent == null) {
            throw new IllegalArgumentException("the fake never accepted a message with id " + providerMessageId);
        }
        String form = "type=status&id=" + encode(providerMessageId) + "&status="
                + status.name().toLowerCase()
                + "&to=" + encode(sent.get("to").get(0)) + "&reference="
                + encode(sent.get("reference").get(0))
                + "&timestamp=" + Instant.now().getEpochSecond();
        return status == DeliveryStatus.FAILED
                ? form + "&error-code=unreachable&error-message=handset+unreachable"
                : form;
    }

    private WebhookRequest signed(String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        WebhookHeaders headers = WebhookHeaders.none()
                .with("Content-Type", "application/x-www-form-urlencoded")
                .with(ExampleSmsAdapter.SIGNATURE_HEADER, ExampleSmsAdapter.sign(signing, WEBHOOK_URL, body));
        return WebhookRequest.post(WEBHOOK_URL, headers, body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
