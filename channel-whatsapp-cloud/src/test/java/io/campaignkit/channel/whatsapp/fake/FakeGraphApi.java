package io.campaignkit.channel.whatsapp.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A stand-in for the Graph API on loopback (127.0.0.1, ephemeral port), started by each test.
 * It records every request and answers from a script; delayed answers are sent from a scheduler
 * after the handler has returned, so hundreds of requests can wait at once without a thread each.
 * The phone-number lookup of the credentials check (a GET of {@code /{version}/{id}?fields=...}, which an
 * engine makes at every launch) is answered apart, from {@link #enqueueLookup} or else as a known number,
 * and kept apart ({@link #takeLookup}), so a send script is not consumed by it; {@link #lookupsFromScript()}
 * puts lookups back in the one script (tests of the check itself).
 */
public final class FakeGraphApi implements AutoCloseable {

    /** A request as the server received it; header names are lower-case. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer. {@link #hang()} never answers; {@link #drop()} closes the connection unanswered. */
    public record Response(int status, String body, Duration delay, Mode mode) {
        public enum Mode {
            ANSWER,
            HANG,
            DROP
        }

        public static Response json(int status, String body) {
            return new Response(status, body, Duration.ZERO, Mode.ANSWER);
        }

        public static Response hang() {
            return new Response(0, null, Duration.ZERO, Mode.HANG);
        }

        public static Response drop() {
            return new Response(0, null, Duration.ZERO, Mode.DROP);
        }

        public Response after(Duration delay) {
            return new Response(status, body, Objects.requireNonNull(delay), mode);
        }
    }

    private final HttpServer server;
    private final ScheduledExecutorService scheduler;
    private final BlockingQueue<RecordedRequest> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Response> scripted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<HttpExchange> hanging = new ConcurrentLinkedQueue<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong messageIds = new AtomicLong();
    private final Map<String, String> callbackData = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger maxPending = new AtomicInteger();
    private final boolean recordRequests;
    private volatile Function<RecordedRequest, Response> fallback = this::accepted;
    private final BlockingQueue<RecordedRequest> lookups = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Response> lookupScript = new ConcurrentLinkedQueue<>();
    private volatile boolean lookupsApart = true;

    private FakeGraphApi(boolean recordRequests) {
        this.recordRequests = recordRequests;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fake-graph-api-responder");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server that records every request. */
    public static FakeGraphApi start() {
        return new FakeGraphApi(true);
    }

    /** Starts a server that records nothing (benchmarks: no unbounded memory growth). */
    public static FakeGraphApi startWithoutRecording() {
        return new FakeGraphApi(false);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Lookups (the credentials check's GET) are answered from the one script and recorded with the sends. */
    public FakeGraphApi lookupsFromScript() {
        lookupsApart = false;
        return this;
    }

    /** Answers the next phone-number lookups, in order, with these; afterwards a known number answers. */
    public FakeGraphApi enqueueLookup(Response... responses) {
        lookupScript.addAll(List.of(responses));
        return this;
    }

    /** The next phone-number lookup received (waits up to 10 s). */
    public RecordedRequest takeLookup() {
        try {
            RecordedRequest request = lookups.poll(10, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no phone-number lookup reached the fake Graph API within 10 s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** How many phone-number lookups were received and not yet taken. */
    public int lookupCount() {
        return lookups.size();
    }

    /** Meta's answer to a lookup of a number it knows: the id asked for, a display number, name and rating. */
    public static Response knownNumber(RecordedRequest request) {
        String path = request.path();
        String id = path.substring(path.indexOf('/', 1) + 1, path.indexOf('?'));
        return Response.json(
                200,
                "{\"display_phone_number\":\"+52 55 1234 5678\",\"verified_name\":\"Fake Graph\","
                        + "\"quality_rating\":\"GREEN\",\"id\":\"" + id + "\"}");
    }

    private static boolean isLookup(RecordedRequest request) {
        return request.method().equals("GET") && request.path().contains("?fields=");
    }

    /** Answers the next requests, in order, with these responses; afterwards the fallback applies. */
    public FakeGraphApi enqueue(Response... responses) {
        scripted.addAll(List.of(responses));
        return this;
    }

    /** The answer once the script is exhausted; by default an "accepted" send response. */
    public FakeGraphApi otherwise(Function<RecordedRequest, Response> fallback) {
        this.fallback = Objects.requireNonNull(fallback);
        return this;
    }

    /** Every request answers "accepted" after {@code delay}. */
    public FakeGraphApi acceptAllAfter(Duration delay) {
        return otherwise(request -> accepted(request).after(delay));
    }

    /** Answers every request held by {@link Response#hang()} so far with an "accepted" response. */
    public void releaseHanging() {
        HttpExchange exchange;
        while ((exchange = hanging.poll()) != null) {
            answer(exchange, accepted(null));
        }
    }

    public int hangingCount() {
        return hanging.size();
    }

    public RecordedRequest takeRequest() {
        try {
            RecordedRequest request = received.poll(10, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request reached the fake Graph API within 10 s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The most requests received and not yet answered at any one time (how much was in flight). */
    public int maxConcurrentRequests() {
        return maxPending.get();
    }

    public int requestCount() {
        return received.size();
    }

    /**
     * The success body Meta sends; message ids are {@code wamid.fake.1}, {@code .2}, ...; the
     * {@code wa_id} is the request's {@code to}, and its {@code biz_opaque_callback_data} is remembered
     * for {@link #callbackDataOf(String)}.
     */
    public Response accepted(RecordedRequest request) {
        String id = "wamid.fake." + messageIds.incrementAndGet();
        String to = "1";
        if (recordRequests && request != null) {
            JsonNode body = parse(request.body());
            to = body.path("to").asText("1");
            JsonNode callback = body.get("biz_opaque_callback_data");
            if (callback != null) {
                callbackData.put(id, callback.asText());
            }
        }
        return Response.json(
                200,
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                        + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"" + id
                        + "\",\"message_status\":\"accepted\"}]}");
    }

    /** The {@code biz_opaque_callback_data} sent with the message that got {@code messageId}, if any. */
    public Optional<String> callbackDataOf(String messageId) {
        return Optional.ofNullable(callbackData.get(messageId));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        RecordedRequest request = new RecordedRequest(
                exchange.getRequestMethod(), exchange.getRequestURI().toString(), lowerCaseHeaders(exchange), body);
        maxPending.accumulateAndGet(pending.incrementAndGet(), Math::max);
        boolean apart = lookupsApart && isLookup(request);
        Response response = apart ? lookupScript.poll() : scripted.poll();
        if (response == null) {
            response = apart ? knownNumber(request) : fallback.apply(request);
        }
        if (response.mode() == Response.Mode.HANG) {
            // Held before the request is visible, so a test that saw it can release it.
            hanging.add(exchange);
        }
        if (apart) {
            lookups.add(request);
        } else if (recordRequests) {
            received.add(request);
        }
        switch (response.mode()) {
            case HANG -> {}
            case DROP -> {
                pending.decrementAndGet();
                exchange.close();
            }
            case ANSWER -> {
                if (response.delay().isZero()) {
                    answer(exchange, response);
                } else {
                    Response delayed = response;
                    scheduler.schedule(
                            () -> answer(exchange, delayed), delayed.delay().toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        return headers;
    }

    private void answer(HttpExchange exchange, Response response) {
        pending.decrementAndGet();
        try {
            byte[] bytes =
                    response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException clientWentAway) {
            // The client timed out or closed the connection: nothing to answer any more.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        hanging.forEach(HttpExchange::close);
        server.stop(0);
        scheduler.shutdownNow();
    }
}
