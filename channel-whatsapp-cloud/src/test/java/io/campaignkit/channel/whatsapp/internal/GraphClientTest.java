package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.whatsapp.PerUserLimitAction;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphClientTest {

    private static final GraphMessage.Text TEXT = new GraphMessage.Text("5215512345678", "Hola", false, null, "c1:r1");
    private static final GraphMessage.Template TEMPLATE =
            new GraphMessage.Template("5215512345678", "promo", "es_MX", List.of("Ana"), null, List.of(), "c1:r1");

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final FakeGraphApi graph = FakeGraphApi.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    private GraphClient client(Duration timeout, int maxInFlight) {
        return client(graph.baseUrl(), timeout, maxInFlight);
    }

    private GraphClient client(URI base, Duration timeout, int maxInFlight) {
        return new GraphClient(
                http,
                GraphClient.messagesUri(base, "v25.0", "PNID"),
                "secret-token",
                timeout,
                maxInFlight,
                mapper,
                GraphClient.completionExecutor(),
                PerUserLimitAction.FAIL);
    }

    private static SendOutcome await(CompletableFuture<SendOutcome> outcome) throws Exception {
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void postsTheBodyWithBearerTokenToTheVersionedPath() throws Exception {
        SendOutcome outcome = await(client(Duration.ofSeconds(5), 4).send(TEMPLATE));

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("wamid.fake.1", "5215512345678", "accepted"));
        FakeGraphApi.RecordedRequest request = graph.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v25.0/PNID/messages");
        assertThat(request.header("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(mapper.readTree(request.body())).isEqualTo(new GraphRequestWriter(mapper).toTree(TEMPLATE));
    }

    @Test
    void baseUrlWithTrailingSlash() {
        assertThat(GraphClient.messagesUri(URI.create("https://proxy.example/graph/"), "v24.0", "123"))
                .isEqualTo(URI.create("https://proxy.example/graph/v24.0/123/messages"));
    }

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @CsvSource({
        "400, 131026, RECIPIENT_PERMANENT",
        "400, 131050, RECIPIENT_PERMANENT",
        "400, 132001, CONTENT_PERMANENT",
        "400, 130429, RATE_LIMITED",
        "429, 80007, RATE_LIMITED",
        "401, 190, AUTHENTICATION",
        "403, 200, AUTHENTICATION",
        "500, 131000, TRANSIENT",
        "503, 133004, TRANSIENT",
        "400, 424242, TRANSIENT"
    })
    void errorEnvelopeIsClassifiedByCode(int status, int code, ErrorKind expected) throws Exception {
        graph.enqueue(Response.json(
                status,
                "{\"error\":{\"message\":\"(#" + code + ") x\",\"type\":\"OAuthException\"," + "\"code\":" + code
                        + ",\"error_data\":{\"details\":\"d\"},\"fbtrace_id\":\"T\"}}"));
        SendOutcome.Failed failed =
                (SendOutcome.Failed) await(client(Duration.ofSeconds(5), 4).send(TEMPLATE));
        assertThat(failed.kind()).isEqualTo(expected);
        assertThat(failed.metaCode()).isEqualTo(String.valueOf(code));
        assertThat(failed.httpStatus()).isEqualTo(status);
        assertThat(failed.description()).contains("fbtrace_id T").doesNotContain("secret-token");
    }

    @Test
    void windowClosedOnFreeFormIsRecipientPermanent() throws Exception {
        graph.enqueue(Response.json(400, "{\"error\":{\"code\":131047}}"));
        SendOutcome.Failed failed =
                (SendOutcome.Failed) await(client(Duration.ofSeconds(5), 4).send(TEXT));
        assertThat(failed.kind()).isEqualTo(ErrorKind.RECIPIENT_PERMANENT);
    }

    @Test
    void marketingLimitFailsTheRecipientOrWaitsADayForItAsConfigured() throws Exception {
        graph.enqueue(Response.json(400, "{\"error\":{\"code\":131049}}"));
        SendOutcome.Failed failed =
                (SendOutcome.Failed) await(client(Duration.ofSeconds(5), 4).send(TEMPLATE));
        assertThat(failed.kind()).isEqualTo(ErrorKind.RECIPIENT_PERMANENT);

        graph.enqueue(Response.json(400, "{\"error\":{\"code\":131049}}"));
        GraphClient retrying = new GraphClient(
                http,
                GraphClient.messagesUri(graph.baseUrl(), "v25.0", "PNID"),
                "secret-token",
                Duration.ofSeconds(5),
                4,
                mapper,
                GraphClient.completionExecutor(),
                PerUserLimitAction.RETRY_LATER);
        SendOutcome.Failed retried = (SendOutcome.Failed) await(retrying.send(TEMPLATE));
        assertThat(retried.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(retried.retryAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void bare5xxAnd429WithoutEnvelope() throws Exception {
        graph.enqueue(Response.json(502, "<html>bad gateway</html>"), Response.json(429, ""));
        GraphClient client = client(Duration.ofSeconds(5), 4);
        SendOutcome.Failed gateway = (SendOutcome.Failed) await(client.send(TEMPLATE));
        SendOutcome.Failed throttled = (SendOutcome.Failed) await(client.send(TEMPLATE));
        assertThat(gateway.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(gateway.metaCode()).isEqualTo("http.502");
        assertThat(throttled.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    }

    @Test
    void success200WithoutMessageIdIsUnknownOutcome() throws Exception {
        graph.enqueue(Response.json(200, "{\"messaging_product\":\"whatsapp\"}"));
        SendOutcome.Failed failed =
                (SendOutcome.Failed) await(client(Duration.ofSeconds(5), 4).send(TEMPLATE));
        assertThat(failed.kind()).isEqualTo(ErrorKind.UNKNOWN_OUTCOME);
    }

    @Test
    void timeoutAfterTheRequestWasSentIsUnknownOutcome() throws Exception {
        graph.enqueue(Response.hang());
        SendOutcome.Failed failed =
                (SendOutcome.Failed) await(client(Duration.ofMillis(300), 4).send(TEMPLATE));
        assertThat(graph.takeRequest().path()).endsWith("/messages");
        assertThat(failed.kind()).isEqualTo(ErrorKind.UNKNOWN_OUTCOME);
        assertThat(failed.metaCode()).isEqualTo(GraphClient.CODE_TIMEOUT_AFTER_SEND);
    }

    @Test
    void connectionClosedAfterSendIsUnknownOutcome() throws Exception {
        graph.enqueue(Response.drop());
        SendOutcome.Failed failed =
                (SendOutcome.Failed) await(client(Duration.ofSeconds(5), 4).send(TEMPLATE));
        assertThat(failed.kind()).isEqualTo(ErrorKind.UNKNOWN_OUTCOME);
    }

    @Test
    void connectionRefusedIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        GraphClient client = client(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(5), 4);
        SendOutcome.Failed failed = (SendOutcome.Failed) await(client.send(TEMPLATE));
        assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(failed.metaCode()).isEqualTo(GraphClient.CODE_CONNECT_FAILED);
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void sendsBeyondTheBoundWaitWithoutBeingSent() throws Exception {
        graph.otherwise(request -> Response.hang());
        GraphClient client = client(Duration.ofSeconds(30), 2);
        List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            outcomes.add(client.send(TEMPLATE));
        }
        graph.takeRequest();
        graph.takeRequest();
        assertThat(client.inFlight()).isEqualTo(2);
        assertThat(client.waiting()).isEqualTo(1);
        assertThat(graph.requestCount()).isZero();

        graph.releaseHanging();
        graph.takeRequest(); // the third goes out only now
        assertThat(outcomes.get(0).get(10, TimeUnit.SECONDS)).isInstanceOf(SendOutcome.Sent.class);
        graph.releaseHanging();
        assertThat(outcomes.get(2).get(10, TimeUnit.SECONDS)).isInstanceOf(SendOutcome.Sent.class);
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void transportFailuresBeforeAndAfterSending() {
        assertThat(GraphClient.fromFailure(new java.util.concurrent.CompletionException(
                        new java.io.IOException("too many concurrent streams"))))
                .extracting(o -> ((SendOutcome.Failed) o).kind())
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(GraphClient.fromFailure(new java.net.http.HttpConnectTimeoutException("connect timed out")))
                .extracting(o -> ((SendOutcome.Failed) o).kind())
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(GraphClient.fromFailure(new java.io.IOException("Connection reset")))
                .extracting(o -> ((SendOutcome.Failed) o).kind())
                .isEqualTo(ErrorKind.UNKNOWN_OUTCOME);
        assertThat(GraphClient.fromFailure(new java.net.http.HttpTimeoutException("request timed out")))
                .extracting(o -> ((SendOutcome.Failed) o).kind())
                .isEqualTo(ErrorKind.UNKNOWN_OUTCOME);
    }

    @Test
    void aRefusedConnectionWrappedInAnIoExceptionWasNotSentButATimeoutIsNeverTakenForOne() {
        // the JDK client reports a refused connection as IOException(ConnectException) on some paths
        SendOutcome.Failed refused =
                (SendOutcome.Failed) GraphClient.fromFailure(new java.util.concurrent.CompletionException(
                        new java.io.IOException(new java.net.ConnectException("Connection refused"))));
        assertThat(refused.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(refused.description()).isEqualTo("request not sent: ConnectException: Connection refused");

        java.net.http.HttpTimeoutException timeout = new java.net.http.HttpTimeoutException("request timed out");
        timeout.initCause(new java.net.ConnectException("late"));
        assertThat(((SendOutcome.Failed) GraphClient.fromFailure(timeout)).kind())
                .isEqualTo(ErrorKind.UNKNOWN_OUTCOME);

        java.io.IOException withoutConnect = new java.io.IOException("stream closed", new IllegalStateException());
        assertThat(((SendOutcome.Failed) GraphClient.fromFailure(withoutConnect)).description())
                .isEqualTo("connection lost after the request was sent: IOException: stream closed");
        assertThat(((SendOutcome.Failed) GraphClient.fromFailure(new java.io.EOFException())).description())
                .isEqualTo("connection lost after the request was sent: EOFException");
    }
}
