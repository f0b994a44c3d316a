package io.campaignkit.channel.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of Twilio's REST API on loopback: records every request and answers with scripted replies
 * (by default a queued message with a fresh {@code SM…} sid). Reached through {@code localhost},
 * never {@code 127.0.0.1}: the SDK rewrites four-label hosts (see the reference's host bug).
 */
public final class FakeTwilioApi implements AutoCloseable {

    /** One request as the fake received it. */
    public record Recorded(
            String method,
            String path,
            String authorization,
            String contentType,
            Map<String, List<String>> form,
            String query) {
        /** The single value of a form parameter, or null. */
        public String param(String name) {
            List<String> values = form.get(name);
            return values == null ? null : values.get(0);
        }
    }

    /** What the fake answers to one request. */
    public sealed interface Reply permits Json, DropConnection, Hold {}

    public record Json(int status, String body) implements Reply {}

    /** Reads the request, then closes the connection without answering. */
    public record DropConnection() implements Reply {}

    /** Waits for the latch, then answers with the default reply (to keep requests in flight). */
    public record Hold(CountDownLatch release) implements Reply {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final AtomicInteger sids = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Recorded> acceptedBySid = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Reply defaultReply;

    private FakeTwilioApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public static FakeTwilioApi start() {
        try {
            FakeTwilioApi api = new FakeTwilioApi();
            api.server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Queues replies for the next requests, in order; after them the default reply. */
    /** Whether the next request is held (a {@link Hold} is the first scripted reply still to come). */
    public boolean nextReplyHolds() {
        return script.peekFirst() instanceof Hold;
    }

    public FakeTwilioApi thenReply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Replaces the default reply for all requests that have no scripted reply. */
    public FakeTwilioApi alwaysReply(Reply reply) {
        this.defaultReply = reply;
        return this;
    }

    /** A Twilio error body as the API sends it. */
    public static Json error(int httpStatus, int code, String message) {
        return new Json(
                httpStatus,
                "{\"code\":" + code + ",\"message\":\"" + message
                        + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":"
                        + httpStatus + "}");
    }

    public List<Recorded> requests() {
        return Collections.unmodifiableList(requests);
    }

    /** The request that created the message with this sid, if the fake accepted it. */
    public java.util.Optional<Recorded> acceptedRequest(String sid) {
        return java.util.Optional.ofNullable(acceptedBySid.get(sid));
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Waits until {@code count} requests are in the fake at once; false after the timeout. */
    public boolean awaitInFlight(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (inFlight) {
            while (inFlight.get() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                inFlight.wait(left);
            }
            return true;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (inFlight) {
            inFlight.incrementAndGet();
            inFlight.notifyAll();
        }
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded recorded = new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    parseForm(body),
                    exchange.getRequestURI().getQuery() == null
                            ? ""
                            : exchange.getRequestURI().getQuery());
            requests.add(recorded);
            Reply reply = script.pollFirst();
            if (reply == null) {
                reply = defaultReply;
            }
            if (reply instanceof DropConnection) {
                exchange.close();
                return;
            }
            if (reply instanceof Hold hold) {
                awaitQuietly(hold.release());
                reply = null;
            }
            Json json;
            if (reply instanceof Json scripted) {
                json = scripted;
            } else if (recorded.method().equals("GET") && recorded.path().endsWith("/IncomingPhoneNumbers.json")) {
                json = numberOfTheAccount(recorded);
            } else {
                String sid = String.format(Locale.ROOT, "SM%032d", sids.incrementAndGet());
                acceptedBySid.put(sid, recorded);
                json = new Json(201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"error_code\":null}");
            }
            byte[] bytes = json.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(json.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Unscripted, the sender lookup an engine makes at launch finds the number asked for: the account has it.
     */
    private static Json numberOfTheAccount(Recorded lookup) {
        String number = "";
        for (String pair : lookup.query().split("&")) {
            if (pair.startsWith("PhoneNumber=")) {
                number = pair.substring("PhoneNumber=".length()); // the query as received, decoded
            }
        }
        String account = lookup.path().split("/")[3];
        return new Json(
                200,
                "{\"end\":0,\"first_page_uri\":\"" + lookup.path() + "\",\"incoming_phone_numbers\":[{"
                        + "\"account_sid\":\"" + account + "\",\"friendly_name\":\"fake\",\"phone_number\":\""
                        + number + "\",\"sid\":\"PN0123456789abcdef0123456789abcdef\",\"status\":\"in-use\"}],"
                        + "\"next_page_uri\":null,\"page\":0,\"page_size\":1,\"previous_page_uri\":null,"
                        + "\"start\":0,\"uri\":\"" + lookup.path() + "\"}");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
