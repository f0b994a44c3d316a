package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookSignatures;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.MetaWebhooks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} against local fakes of WhatsApp Cloud and Twilio: the program sends through the real
 * adapters, and the test posts the providers' signed webhooks back to the program's port.
 */
class RunOnFakeProvidersTest {

    private static final String PHONE_NUMBER_ID = "109876543210";
    private static final String APP_SECRET = "app-secret-for-tests";
    private static final String VERIFY_TOKEN = "verify-me";
    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "twilio-auth-token";
    private static final String TWILIO_FROM = "+15005550006";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    private Path contacts;

    @BeforeEach
    void contacts() throws IOException {
        contacts = Files.writeString(dir.resolve("contacts.csv"), """
                CONTACT,NOMBRE
                +525500998877,Carlos
                +525511223344,Ana
                """, StandardCharsets.UTF_8);
    }

    @Test
    void runsOnWhatsAppCloudWithWebhooksPostedBackToTheProgram() throws Exception {
        int port = freePort();
        Path report = dir.resolve("wa.json");
        try (FakeGraphApi graph = FakeGraphApi.start().acceptAllAfter(Duration.ZERO)) {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(
                    "run",
                    "--contacts",
                    contacts.toString(),
                    "--field",
                    "NOMBRE:TEXT",
                    "--template",
                    "saldo_pendiente",
                    "--language",
                    "es_MX",
                    "--param",
                    "1=name",
                    "--channel",
                    "whatsapp-cloud",
                    "--wa-phone-number-id",
                    PHONE_NUMBER_ID,
                    "--wa-token",
                    "token",
                    "--wa-app-secret",
                    APP_SECRET,
                    "--wa-verify-token",
                    VERIFY_TOKEN,
                    "--wa-api-url",
                    graph.baseUrl().toString(),
                    "--webhook-port",
                    Integer.toString(port),
                    "--hours",
                    "MON-SUN 00:00-24:00",
                    "--zone",
                    "UTC",
                    "--wait",
                    "3s",
                    "--report",
                    report.toString()));

            Map<String, String> waIdByMessageId = new LinkedHashMap<>();
            Map<String, String> callbackDataByMessageId = new LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                String to = new ObjectMapper()
                        .readTree(graph.takeRequest().body())
                        .get("to")
                        .asText();
                assertThat(to).isIn("525500998877", "525511223344");
            }
            for (int id = 1; id <= 2; id++) {
                String messageId = "wamid.fake." + id;
                String correlation = graph.callbackDataOf(messageId).orElseThrow();
                waIdByMessageId.put(messageId, correlation.substring(correlation.lastIndexOf(':') + 1));
                // Meta echoes the send's biz_opaque_callback_data in its statuses: they match even
                // when they overtake the send's own response
                callbackDataByMessageId.put(messageId, "'biz_opaque_callback_data':'" + correlation + "'");
            }
            URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp-cloud");

            // Meta's subscription check
            HttpResponse<String> check = http.send(
                    HttpRequest.newBuilder(URI.create(webhook + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                                    + "&hub.challenge=8841"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.body()).isEqualTo("8841");

            String firstId = "wamid.fake.1";
            String firstWaId = waIdByMessageId.get(firstId);
            for (Map.Entry<String, String> sent : waIdByMessageId.entrySet()) {
                assertThat(postMeta(
                                webhook,
                                MetaWebhooks.status(
                                        sent.getKey(),
                                        "delivered",
                                        sent.getValue(),
                                        callbackDataByMessageId.get(sent.getKey()))))
                        .isEqualTo(200);
            }
            assertThat(postMeta(
                            webhook,
                            MetaWebhooks.status(firstId, "read", firstWaId, callbackDataByMessageId.get(firstId))))
                    .isEqualTo(200);
            assertThat(postMeta(webhook, MetaWebhooks.message(firstWaId, "wamid.in.1", "text", "'text':{'body':'Sí'}")))
                    .isEqualTo(200);
            // a forged call changes nothing
            HttpResponse<String> forged = http.send(
                    HttpRequest.newBuilder(webhook)
                            .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                            .POST(HttpRequest.BodyPublishers.ofString(notification(MetaWebhooks.status(
                                    "wamid.fake.2", "read", waIdByMessageId.get("wamid.fake.2"), ""))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isIn(401, 403);

            CliRun done = run.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(done.exitCode()).as(done.err()).isZero();
            assertThat(done.out()).contains("FINISHED on whatsapp-cloud");
            JsonNode summary = new ObjectMapper().readTree(report.toFile()).get("summary");
            assertThat(summary.get("sent").asLong()).isEqualTo(2);
            assertThat(summary.get("delivered").asLong()).isEqualTo(2);
            assertThat(summary.get("read").asLong()).isEqualTo(1);
            assertThat(summary.get("replied").asLong()).isEqualTo(1);
            assertThat(summary.get("funnel").get("REPLY_RECEIVED").asLong()).isEqualTo(1);
        }
    }

    @Test
    void runsOnTwilioWithStatusCallbacksAndRepliesPostedBackToTheProgram() throws Exception {
        int port = freePort();
        Path report = dir.resolve("twilio.csv");
        try (FakeTwilio twilio = FakeTwilio.start()) {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.withEnv(
                    Map.of("CAMPAIGNKIT_TWILIO_AUTH_TOKEN", AUTH_TOKEN),
                    "run",
                    "--contacts",
                    contacts.toString(),
                    "--field",
                    "NOMBRE:TEXT",
                    "--text",
                    "Hola {{1}}, tu saldo vence hoy",
                    "--param",
                    "1=name",
                    "--channel",
                    "twilio",
                    "--twilio-account-sid",
                    ACCOUNT_SID,
                    "--twilio-from",
                    TWILIO_FROM,
                    "--twilio-api-url",
                    twilio.baseUrl().toString(),
                    "--webhook-port",
                    Integer.toString(port),
                    "--hours",
                    "MON-SUN 00:00-24:00",
                    "--zone",
                    "UTC",
                    "--wait",
                    "3s",
                    "--report",
                    report.toString()));

            List<Map<String, String>> sends = List.of(twilio.take(), twilio.take());
            for (Map<String, String> send : sends) {
                assertThat(send.get("Body")).startsWith("Hola ");
                assertThat(send.get("StatusCallback")).startsWith("http://127.0.0.1:" + port + "/webhooks/twilio");
                Map<String, String> status = new LinkedHashMap<>();
                status.put("MessageSid", send.get("sid"));
                status.put("AccountSid", ACCOUNT_SID);
                status.put("From", TWILIO_FROM);
                status.put("To", send.get("To"));
                status.put("MessageStatus", "delivered");
                status.put("ApiVersion", "2010-04-01");
                assertThat(postTwilio(URI.create(send.get("StatusCallback")), status))
                        .isEqualTo(200);
            }
            Map<String, String> reply = new LinkedHashMap<>();
            reply.put("MessageSid", "SMinbound0000000000000000000000001");
            reply.put("AccountSid", ACCOUNT_SID);
            reply.put("From", sends.get(0).get("To"));
            reply.put("To", TWILIO_FROM);
            reply.put("Body", "Ya pagué");
            reply.put("NumMedia", "0");
            assertThat(postTwilio(URI.create("http://127.0.0.1:" + port + "/webhooks/twilio"), reply))
                    .isEqualTo(200);

            CliRun done = run.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(done.exitCode()).as(done.err()).isZero();
            assertThat(done.out())
                    .contains("FINISHED on twilio")
                    .containsPattern("delivered\\s+2")
                    .containsPattern("replied\\s+1");
            List<String> csv = Files.readAllLines(report);
            assertThat(csv).hasSize(3);
            assertThat(csv.stream().filter(line -> line.contains(",REPLIED,")))
                    .singleElement()
                    .asString()
                    .startsWith(sends.get(0).get("To") + ",REPLIED,");
        }
    }

    private int postMeta(URI webhook, String valueFields) throws IOException, InterruptedException {
        String body = notification(valueFields);
        String signature = "sha256="
                + WebhookSignatures.hmacSha256Hex(Secret.of(APP_SECRET), body.getBytes(StandardCharsets.UTF_8));
        return http.send(
                        HttpRequest.newBuilder(webhook)
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String notification(String valueFields) {
        return MetaWebhooks.notificationFor(PHONE_NUMBER_ID, valueFields).replace('\'', '"');
    }

    private int postTwilio(URI url, Map<String, String> params) throws Exception {
        StringBuilder signed = new StringBuilder(url.toString());
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature =
                Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        String form = params.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                        HttpRequest.newBuilder(url)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Twilio-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Twilio's Messages API on loopback: accepts every send as queued and hands its form to the test. */
    static final class FakeTwilio implements AutoCloseable {
        private final HttpServer server;
        private final LinkedBlockingQueue<Map<String, String>> sends = new LinkedBlockingQueue<>();
        private final AtomicInteger sids = new AtomicInteger();

        private FakeTwilio(HttpServer server) {
            this.server = server;
        }

        static FakeTwilio start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            FakeTwilio fake = new FakeTwilio(server);
            server.createContext("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", exchange -> {
                Map<String, String> form = new LinkedHashMap<>();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                for (String pair : body.split("&")) {
                    String[] keyValue = pair.split("=", 2);
                    form.put(
                            URLDecoder.decode(keyValue[0], StandardCharsets.UTF_8),
                            keyValue.length > 1 ? URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8) : "");
                }
                String sid = String.format(Locale.ROOT, "SM%032d", fake.sids.incrementAndGet());
                form.put("sid", sid);
                fake.sends.add(form);
                byte[] answer = ("{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"error_code\":null}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            // the sender lookup the engine makes at launch: the account has the number asked for
            server.createContext("/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers.json", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                String number = "";
                for (String pair : query == null ? new String[0] : query.split("&")) {
                    if (pair.startsWith("PhoneNumber=")) {
                        number = pair.substring("PhoneNumber=".length()); // getQuery() decoded it
                    }
                }
                String uri = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers.json";
                byte[] answer = ("{\"end\":0,\"first_page_uri\":\"" + uri + "\",\"incoming_phone_numbers\":[{"
                                + "\"account_sid\":\"" + ACCOUNT_SID + "\",\"friendly_name\":\"fake\","
                                + "\"phone_number\":\"" + number + "\",\"sid\":\"PN0123456789abcdef0123456789abcdef\","
                                + "\"status\":\"in-use\"}],\"next_page_uri\":null,\"page\":0,\"page_size\":1,"
                                + "\"previous_page_uri\":null,\"start\":0,\"uri\":\"" + uri + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return fake;
        }

        /** The SDK rewrites dotted four-label hosts; it is reached as localhost. */
        URI baseUrl() {
            return URI.create("http://localhost:" + server.getAddress().getPort());
        }

        Map<String, String> take() throws InterruptedException {
            Map<String, String> send = sends.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(send).as("a send reached the fake Twilio").isNotNull();
            return send;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
