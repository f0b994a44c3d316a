package io.campaignkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider API on loopback that misbehaves on purpose (issue 19, item 4), per recipient: it
 * holds the request and never answers, answers after 30 seconds, resets the connection (RST) or
 * answers bytes that are not HTTP; the others are accepted. Speaks just enough HTTP/1.1 on a raw
 * socket to do what no HTTP server library lets a test do. Its own threads (an acceptor, a timer,
 * one short-lived reader per connection) are named {@value #THREAD_PREFIX}…, so a test can leave them out of its thread counts.
 */
final class HostileProvider implements AutoCloseable {

    static final String THREAD_PREFIX = "hostile-provider";

    enum Behaviour {
        ACCEPT,
        NEVER_ANSWER,
        ANSWER_AFTER_30_SECONDS,
        RESET,
        GARBAGE
    }

    private final ServerSocket server;
    private final Function<String, Behaviour> behaviourOfRecipient;
    private final Function<String, String> acceptedAnswer;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, THREAD_PREFIX + "-timer"));
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requestsPerRecipient = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Function<String, String> recipientOfBody;

    /**
     * @param recipientOfBody      the recipient a request body is for
     * @param behaviourOfRecipient what to do with it
     * @param acceptedAnswer       the JSON of an accepted send, given the body ("201 Created" for Twilio, "200" else)
     */
    HostileProvider(
            Function<String, String> recipientOfBody,
            Function<String, Behaviour> behaviourOfRecipient,
            Function<String, String> acceptedAnswer)
            throws IOException {
        this.recipientOfBody = recipientOfBody;
        this.behaviourOfRecipient = behaviourOfRecipient;
        this.acceptedAnswer = acceptedAnswer;
        server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, THREAD_PREFIX + "-acceptor").start();
        timer.scheduleWithFixedDelay(this::forgetClosedByClient, 20, 20, TimeUnit.MILLISECONDS);
    }

    /** A held request stops counting as in flight once the client closes its connection (its timeout). */
    private void forgetClosedByClient() {
        for (Socket socket : held) {
            try {
                socket.setSoTimeout(1);
                if (socket.getInputStream().read() < 0) {
                    release(socket);
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // the client still waits
            } catch (IOException broken) {
                release(socket);
            }
        }
    }

    private void release(Socket socket) {
        if (held.remove(socket)) {
            inFlight.decrementAndGet();
            closeQuietly(socket);
        }
    }

    /** The base URL, as {@code localhost} (the Twilio SDK rewrites dotted four-label hosts). */
    URI baseUrl() {
        return URI.create("http://localhost:" + server.getLocalPort());
    }

    /** The most requests that were waiting for an answer at once. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    Map<String, Integer> requestsPerRecipient() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        requestsPerRecipient.forEach((recipient, count) -> counts.put(recipient, count.get()));
        return counts;
    }

    private void acceptLoop() {
        AtomicInteger connections = new AtomicInteger();
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                // a short-lived thread per connection reads the request, so one slow client holds up no other
                daemon(
                                () -> {
                                    try {
                                        serve(socket);
                                    } catch (IOException | RuntimeException broken) {
                                        closeQuietly(socket);
                                    }
                                },
                                THREAD_PREFIX + "-connection-" + connections.incrementAndGet())
                        .start();
            } catch (IOException closed) {
                // the server closed
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    /** One request per connection; held requests keep their socket, not a thread. */
    private void serve(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        String[] request = readRequest(socket.getInputStream());
        if (request == null) {
            socket.close();
            return;
        }
        if (request[0].startsWith("GET ")) {
            // the engine's credentials check at launch: the sender exists; hostility is for the sends
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            answer(socket, lookupAnswer(request[0].split(" ")[1]), "HTTP/1.1 200 OK");
            return;
        }
        String body = request[1];
        String recipient = recipientOfBody.apply(body);
        requestsPerRecipient
                .computeIfAbsent(recipient, key -> new AtomicInteger())
                .incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        switch (behaviourOfRecipient.apply(recipient)) {
            case ACCEPT -> answer(socket, acceptedAnswer.apply(body));
            case NEVER_ANSWER -> held.add(socket);
            case ANSWER_AFTER_30_SECONDS -> {
                held.add(socket);
                timer.schedule(() -> answer(socket, acceptedAnswer.apply(body)), 30, TimeUnit.SECONDS);
            }
            case RESET -> {
                inFlight.decrementAndGet();
                socket.setSoLinger(true, 0);
                socket.close();
            }
            case GARBAGE -> {
                inFlight.decrementAndGet();
                OutputStream out = socket.getOutputStream();
                out.write(new byte[] {0, (byte) 0xff, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '\r', '\n', '\r', '\n', 0x7f});
                out.flush();
                socket.close();
            }
        }
    }

    /** A WhatsApp phone-number lookup ({@code /v…/{id}?fields=…}) or a Twilio incoming-number lookup, found. */
    private static String lookupAnswer(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        if (!path.endsWith("/IncomingPhoneNumbers.json")) {
            return "{\"display_phone_number\":\"+1 555 000 1111\",\"verified_name\":\"Hostile\","
                    + "\"quality_rating\":\"GREEN\",\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\"}";
        }
        String number = "";
        for (String pair : query.split("&")) {
            if (pair.startsWith("PhoneNumber=")) {
                number = URLDecoder.decode(pair.substring("PhoneNumber=".length()), StandardCharsets.UTF_8);
            }
        }
        return "{\"incoming_phone_numbers\":[{\"phone_number\":\"" + number + "\",\"friendly_name\":\"hostile\","
                + "\"sid\":\"PN0123456789abcdef0123456789abcdef\",\"status\":\"in-use\"}],\"next_page_uri\":null,"
                + "\"page\":0,\"page_size\":1,\"start\":0,\"end\":0,\"uri\":\"" + path + "\",\"first_page_uri\":\""
                + path + "\",\"previous_page_uri\":null}";
    }

    private void answer(Socket socket, String json) {
        answer(socket, json, json.contains("\"sid\"") ? "HTTP/1.1 201 Created" : "HTTP/1.1 200 OK");
    }

    private void answer(Socket socket, String json, String statusLine) {
        if (held.contains(socket)) {
            if (!held.remove(socket)) {
                return;
            }
        } else if (socket.isClosed()) {
            return;
        }
        inFlight.decrementAndGet();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write((statusLine + "\r\nContent-Type: application/json\r\n" + "Content-Length: " + bytes.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } catch (IOException clientGaveUp) {
            // the client timed out and closed the connection first
        }
    }

    /** The request line and the body (Content-Length framed); null when the client sent no request. */
    private static String[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).strip());
            }
        }
        String requestLine = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        return new String[] {requestLine, new String(in.readNBytes(length), StandardCharsets.UTF_8)};
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
        timer.shutdownNow();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
