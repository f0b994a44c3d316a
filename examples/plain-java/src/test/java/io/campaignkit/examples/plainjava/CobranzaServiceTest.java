package io.campaignkit.examples.plainjava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookSignatures;
import io.campaignkit.core.engine.CampaignMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example service end to end against a fake Graph API on loopback: two contacts are sent to,
 * WhatsApp's signed webhooks reach the mounted endpoint (statuses, a reply the bot answers), the
 * report is written, everything stops; a second start continues the same campaign and sends nothing
 * again; a file with a bad row sends nothing.
 */
class CobranzaServiceTest {

    private static final String APP_SECRET = "app-secret";
    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final LinkedBlockingQueue<String> sentTo = new LinkedBlockingQueue<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private HttpServer graph;

    @AfterEach
    void stopGraph() {
        if (graph != null) {
            graph.stop(0);
        }
    }

    @Test
    void sendsTracksAnswersReportsAndStopsAndASecondStartSendsNothingAgain() throws Exception {
        startFakeGraph();
        Path contacts = Files.writeString(
                dir.resolve("diciembre.tsv"),
                "CONTACT\tNOMBRE\tMONTO\n+525512345678\tAna\t1200.50\n+525512345679\tLuis\t80\n");
        int port = freePort();
        CobranzaService.Settings settings = settings(contacts, port);

        CompletableFuture<CampaignMetrics> run = CompletableFuture.supplyAsync(() -> runQuietly(settings));
        String first = sentTo.poll(60, TimeUnit.SECONDS);
        String second = sentTo.poll(60, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp-cloud");
        assertThat(postSigned(
                        webhook,
                        notification("'statuses':[" + status("wamid.fake.1", "delivered", first) + ","
                                + status("wamid.fake.2", "delivered", second) + "]")))
                .isEqualTo(200);
        assertThat(postSigned(
                        webhook,
                        notification("'contacts':[{'profile':{'name':'Ana'},'wa_id':'" + first + "'}],"
                                + "'messages':[{'from':'" + first + "','id':'wamid.in.1','timestamp':'" + now()
                                + "','type':'text',"
                                + "'text':{'body':'¿Cuánto debo?'}}]")))
                .isEqualTo(200);
        assertThat(sentTo.poll(60, TimeUnit.SECONDS))
                .as("the bot's answer went out")
                .isEqualTo(first);

        CampaignMetrics metrics = run.get(120, TimeUnit.SECONDS);
        assertThat(metrics.sent()).isEqualTo(2);
        assertThat(metrics.delivered()).isEqualTo(2);
        assertThat(metrics.replied()).isEqualTo(1);
        assertThat(Files.readString(settings.reportFile())).contains("Cobranza cobranza-2026-12");

        CampaignMetrics again = CobranzaService.run(settings);
        assertThat(again.sent()).isEqualTo(2);
        assertThat(sentTo)
                .as("the second start found the campaign and sent nothing")
                .isEmpty();
    }

    @Test
    void aFileWithABadRowSendsNothingAndSaysWhere() throws Exception {
        startFakeGraph();
        Path contacts =
                Files.writeString(dir.resolve("malo.tsv"), "CONTACT\tNOMBRE\tMONTO\n+525512345678\tAna\tmucho\n");

        assertThatThrownBy(() -> CobranzaService.run(settings(contacts, freePort())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malo.tsv has invalid rows");
        assertThat(sentTo).isEmpty();
    }

    private CobranzaService.Settings settings(Path contacts, int port) {
        return new CobranzaService.Settings(
                "jdbc:h2:file:" + dir.resolve("store/campaignkit"),
                URI.create("http://127.0.0.1:" + graph.getAddress().getPort()),
                "109876543210",
                Secret.of("token"),
                Secret.of(APP_SECRET),
                Secret.of("verify"),
                contacts,
                "cobranza-2026-12",
                "MON-SUN 00:00-24:00",
                port,
                Optional.empty(),
                Duration.ofSeconds(3),
                dir.resolve("report.html"));
    }

    private static CampaignMetrics runQuietly(CobranzaService.Settings settings) {
        try {
            return CobranzaService.run(settings);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Graph's send endpoint: every message accepted with id {@code wamid.fake.N}; and the phone-number lookup
     * the engine makes at launch (a GET with {@code ?fields=}), answered as a number Meta knows.
     */
    private void startFakeGraph() throws IOException {
        graph = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        graph.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("GET")
                    && exchange.getRequestURI().getRawQuery() != null
                    && exchange.getRequestURI().getRawQuery().startsWith("fields=")) {
                String path = exchange.getRequestURI().getPath();
                byte[] number = ("{\"display_phone_number\":\"+52 55 1234 5678\",\"verified_name\":\"Cobranza\","
                                + "\"quality_rating\":\"GREEN\",\"id\":\"" + path.substring(path.lastIndexOf('/') + 1)
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, number.length);
                exchange.getResponseBody().write(number);
                exchange.close();
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher to = TO.matcher(body);
            String recipient = to.find() ? to.group(1) : "0";
            byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + recipient
                            + "\",\"wa_id\":\"" + recipient + "\"}],\"messages\":[{\"id\":\"wamid.fake."
                            + messageIds.incrementAndGet() + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
            sentTo.add(recipient);
        });
        graph.start();
    }

    private int postSigned(URI webhook, String json) throws Exception {
        byte[] body = json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(webhook)
                        .header("Content-Type", "application/json")
                        .header(
                                "X-Hub-Signature-256",
                                "sha256=" + WebhookSignatures.hmacSha256Hex(Secret.of(APP_SECRET), body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static String notification(String valueFields) {
        return "{'object':'whatsapp_business_account','entry':[{'id':'102290129340398','changes':[{'field':'messages',"
                + "'value':{'messaging_product':'whatsapp','metadata':{'display_phone_number':'15550001111',"
                + "'phone_number_id':'109876543210'}," + valueFields + "}}]}]}";
    }

    private static String status(String messageId, String status, String waId) {
        return "{'id':'" + messageId + "','status':'" + status + "','timestamp':'" + now() + "','recipient_id':'" + waId
                + "'}";
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
