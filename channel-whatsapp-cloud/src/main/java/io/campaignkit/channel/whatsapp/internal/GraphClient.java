package io.campaignkit.channel.whatsapp.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.whatsapp.PerUserLimitAction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends messages to {@code POST {base}/{version}/{phone-number-id}/messages} with
 * {@link HttpClient#sendAsync}: no thread waits for a response. At most {@code maxInFlight}
 * requests are outstanding; further sends wait asynchronously, in order, for a free slot.
 */
public final class GraphClient {

    /** Codes for failures with no Meta code: nothing answered. */
    public static final String CODE_CONNECT_FAILED = "whatsapp.connect_failed";

    public static final String CODE_TIMEOUT_AFTER_SEND = "whatsapp.timeout_after_send";
    public static final String CODE_CONNECTION_LOST = "whatsapp.connection_lost_after_send";
    public static final String CODE_UNREADABLE_RESPONSE = "whatsapp.unreadable_response";
    public static final String CODE_HTTP_PREFIX = "http.";

    private static final String TOO_MANY_STREAMS = "too many concurrent streams";
    private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI messagesUri;
    private final String authorization;
    private final Duration requestTimeout;
    private final InFlightLimiter limiter;
    private final Executor completions;
    private final PerUserLimitAction perUserLimits;
    private final GraphRequestWriter writer;
    private final GraphResponseReader reader;

    /**
     * @param completions runs the handling of every answer, and so every stage chained on a send (the
     *                    engine's recording, which may block on a database): the JDK client hands its
     *                    answers to {@code CompletableFuture}'s default executor, the common pool (or a
     *                    new thread per answer when that pool has parallelism 1, on 2-core hosts: see
     *                    the adapter's class comment), where no blocking work belongs
     * @param perUserLimits what Meta's limits on one recipient (131049, 131056) become
     */
    public GraphClient(
            HttpClient http,
            URI messagesUri,
            String accessToken,
            Duration requestTimeout,
            int maxInFlight,
            ObjectMapper mapper,
            Executor completions,
            PerUserLimitAction perUserLimits) {
        this.http = http;
        this.completions = completions;
        this.perUserLimits = perUserLimits;
        this.messagesUri = messagesUri;
        this.authorization = "Bearer " + accessToken;
        this.requestTimeout = requestTimeout;
        this.limiter = new InFlightLimiter(maxInFlight);
        this.writer = new GraphRequestWriter(mapper);
        this.reader = new GraphResponseReader(mapper);
    }

    /**
     * The client an adapter uses when the host supplies none.
     *
     * <p>HTTP/1.1, not HTTP/2: the JDK client fails requests beyond the server's
     * SETTINGS_MAX_CONCURRENT_STREAMS (JDK-8225647) instead of queuing them, and hundreds of sends are in
     * flight at 1,000/s; over HTTP/1.1 each in-flight request has its own pooled keep-alive connection.
     * The adapter's {@link #completionExecutor()} instead of the JDK's default unbounded cached pool
     * (which grew to one thread per in-flight response in the benchmark).
     */
    public static HttpClient defaultHttpClient(Duration connectTimeout) {
        return defaultHttpClient(connectTimeout, completionExecutor());
    }

    /** The default client, running its own work on {@code executor}. */
    public static HttpClient defaultHttpClient(Duration connectTimeout, Executor executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    /**
     * The adapter's own executor: a few daemon threads that end when idle. The client's internal work
     * and the handling of its answers run on it, never on the common pool; the work it runs never
     * blocks.
     */
    public static Executor completionExecutor() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads,
                threads,
                IDLE_THREAD_LIFETIME.toSeconds(),
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "whatsapp-cloud-http-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** {@code {base}/{version}/{phoneNumberId}/messages}, tolerating a trailing '/' on the base. */
    public static URI messagesUri(URI baseUrl, String apiVersion, String phoneNumberId) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + apiVersion + "/" + phoneNumberId + "/messages");
    }

    /** Never completes exceptionally: every failure is a classified {@link SendOutcome.Failed}. */
    public CompletableFuture<SendOutcome> send(GraphMessage message) {
        byte[] body = writer.write(message);
        boolean freeForm = message instanceof GraphMessage.Text;
        // The request timeout starts when the request is handed to the client, not while it waits for a slot.
        return limiter.acquire().thenCompose(permit -> {
            CompletableFuture<HttpResponse<byte[]>> call;
            try {
                call = http.sendAsync(request(body), HttpResponse.BodyHandlers.ofByteArray());
            } catch (RuntimeException refused) {
                // Thrown before anything left (a shut-down executor, a bad request): safe to retry.
                limiter.release();
                return CompletableFuture.completedFuture(new SendOutcome.Failed(
                        ErrorKind.TRANSIENT, CODE_CONNECT_FAILED, null, "request not sent: " + describe(refused), 0));
            }
            return call.handleAsync(
                    (response, failure) -> {
                        limiter.release();
                        try {
                            return failure == null ? fromResponse(response, freeForm) : fromFailure(failure);
                        } catch (RuntimeException unexpected) {
                            return new SendOutcome.Failed(
                                    ErrorKind.UNKNOWN_OUTCOME,
                                    CODE_UNREADABLE_RESPONSE,
                                    null,
                                    "the answer could not be read: " + describe(unexpected),
                                    0);
                        }
                    },
                    completions);
        });
    }

    public int inFlight() {
        return limiter.inFlight();
    }

    public int waiting() {
        return limiter.waiting();
    }

    private HttpRequest request(byte[] body) {
        return HttpRequest.newBuilder(messagesUri)
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private SendOutcome fromResponse(HttpResponse<byte[]> response, boolean freeForm) {
        GraphSendResponse read = reader.read(response.statusCode(), response.body());
        if (read instanceof GraphSendResponse.Accepted accepted) {
            return new SendOutcome.Sent(accepted.messageId(), accepted.waId(), accepted.messageStatus());
        }
        if (read instanceof GraphSendResponse.Unreadable unreadable) {
            // A 2xx without a message id: Meta may well have accepted it, so it must not be resent blindly.
            return new SendOutcome.Failed(
                    ErrorKind.UNKNOWN_OUTCOME,
                    CODE_UNREADABLE_RESPONSE,
                    null,
                    "HTTP " + unreadable.httpStatus() + " but " + unreadable.reason(),
                    unreadable.httpStatus());
        }
        GraphError error = ((GraphSendResponse.Rejected) read).error();
        ErrorClassifier.Classification classification = ErrorClassifier.classify(error, freeForm, perUserLimits);
        String code = error.code() != null ? String.valueOf(error.code()) : CODE_HTTP_PREFIX + error.httpStatus();
        return new SendOutcome.Failed(
                classification.kind(), code, classification.retryAfter(), error.describe(), error.httpStatus());
    }

    static SendOutcome fromFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpConnectTimeoutException
                || cause instanceof ConnectException
                || cause instanceof UnresolvedAddressException
                || cause instanceof SSLHandshakeException
                || cause instanceof IllegalArgumentException) {
            // Nothing reached Meta: safe to retry.
            return new SendOutcome.Failed(
                    ErrorKind.TRANSIENT, CODE_CONNECT_FAILED, null, "request not sent: " + describe(cause), 0);
        }
        if (cause instanceof IOException && String.valueOf(cause.getMessage()).contains(TOO_MANY_STREAMS)) {
            // An HTTP/2 client refuses the stream locally past the server's limit (JDK-8225647).
            return new SendOutcome.Failed(
                    ErrorKind.TRANSIENT,
                    CODE_CONNECT_FAILED,
                    null,
                    "request not sent: the HTTP/2 connection has too many concurrent streams",
                    0);
        }
        if (cause instanceof HttpTimeoutException) {
            return new SendOutcome.Failed(
                    ErrorKind.UNKNOWN_OUTCOME,
                    CODE_TIMEOUT_AFTER_SEND,
                    null,
                    "no response within the request timeout; the message may have been accepted "
                            + "(the API has no idempotency key, so it is not retried blindly)",
                    0);
        }
        // Reset or closed after the request went out, or anything unexpected: Meta may have the message.
        return new SendOutcome.Failed(
                ErrorKind.UNKNOWN_OUTCOME,
                CODE_CONNECTION_LOST,
                null,
                "connection lost after the request was sent: " + describe(cause),
                0);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // The client wraps a refused connection as IOException(ConnectException) on some paths.
        if (cause instanceof IOException
                && !(cause instanceof HttpTimeoutException)
                && cause.getCause() instanceof ConnectException connect) {
            return connect;
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
