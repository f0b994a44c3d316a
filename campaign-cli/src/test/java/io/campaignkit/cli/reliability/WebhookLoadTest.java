package io.campaignkit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookSignatures;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.MetaWebhooks;
import io.campaignkit.cli.CampaignKitCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program's webhook endpoint under load, tested from outside as a provider sees it: {@code run}
 * on WhatsApp Cloud (a fake Graph API) in a JVM of its own with a small heap, and a bounded load
 * generator on loopback (64 connections at once) that posts a mix of valid status and reply webhooks,
 * duplicates of them, forged signatures, malformed bodies and oversize bodies. The report written at
 * the end says what was applied: every valid event, each reply handed to the bot once, and nothing
 * forged or malformed. Oversize bodies are refused with 413, one of 100 MB before it is sent whole;
 * the program's threads do not grow with the connections.
 *
 * <p>{@code -Dcampaignkit.load.requests=100000} for the long run (default 3,000); it prints the
 * latencies and the throughput.
 */
@EnabledOnOs(OS.LINUX) // threads are counted in /proc
class WebhookLoadTest {

    private static final int REQUESTS = Math.min(100_000, Integer.getInteger("campaignkit.load.requests", 3_000));
    private static final int CONCURRENCY = 64;
    private static final int CONTACTS = 150;
    private static final String PHONE_NUMBER_ID = "109876543210";
    private static final String APP_SECRET = "load-test-app-secret";
    /** The generator stops by itself at this deadline even if requests are left: 10 minutes, or 50 requests/s. */
    private static final Duration DEADLINE = Duration.ofSeconds(Math.max(600, REQUESTS / 50));
    /** The program's body limit (1 MiB), and bodies above it by less than the JDK server drains after a refusal. */
    private static final int OVERSIZE = 1024 * 1024 + 16 * 1024;

    private static final Pattern MESSAGE_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    @TempDir
    Path directory;

    private final Map<String, String> messageIdByWaId = new ConcurrentHashMap<>();
    private final Map<String, String> callbackByWaId = new ConcurrentHashMap<>();

    @Test
    void validEventsAppliedOnceForgedAndMalformedOnesNeverOversizeOnesRefused() throws Exception {
        StringBuilder rows = new StringBuilder("CONTACT,NOMBRE\n");
        for (int i = 0; i < CONTACTS; i++) {
            rows.append('+').append(waId(i)).append(",Contact ").append(i).append('\n');
        }
        Path contacts = Files.writeString(directory.resolve("contacts.csv"), rows);
        Path report = directory.resolve("report.json");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (FakeGraphApi graph = FakeGraphApi.start()) {
            graph.otherwise(request -> {
                FakeGraphApi.Response answer = graph.accepted(request);
                JsonNode send = json(request.body());
                Matcher id =
                        MESSAGE_ID.matcher(answer.body().substring(answer.body().indexOf("\"messages\"")));
                if (id.find()) {
                    callbackByWaId.put(
                            send.path("to").asText(),
                            send.path("biz_opaque_callback_data").asText());
                    messageIdByWaId.put(send.path("to").asText(), id.group(1));
                }
                return answer;
            });
            Process program = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx96m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            CampaignKitCli.class.getName(),
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
                            "load-token",
                            "--wa-app-secret",
                            APP_SECRET,
                            "--wa-verify-token",
                            "verify",
                            "--wa-api-url",
                            graph.baseUrl().toString(),
                            "--webhook-port",
                            Integer.toString(port),
                            "--rate",
                            "80/s",
                            "--hours",
                            "MON-SUN 00:00-24:00",
                            "--zone",
                            "UTC",
                            "--wait",
                            "30m",
                            "--report",
                            report.toString(),
                            "--store",
                            "jdbc:h2:file:" + directory.resolve("db/campaignkit"))
                    .redirectError(directory.resolve("program.err").toFile())
                    .start();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(program.getInputStream()));
            try {
                await("every contact sent to", () -> messageIdByWaId.size() == CONTACTS);
                URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp-cloud");
                int threadsBefore = threads(program);

                LoadGenerator.Result load =
                        new LoadGenerator(webhook, CONCURRENCY, DEADLINE).run(requests(), () -> threads(program));
                oversizeRefusedBeforeItIsSent(port);
                int threadsAfter = threads(program);

                System.out.printf(
                        "webhook load: %s; program threads %d before, at most %d during, %d after%n",
                        load, threadsBefore, load.peakSample(), threadsAfter);
                assertThat(load.failures())
                        .as("requests answered with an unexpected status: %s", load.unexpected())
                        .isZero();
                assertThat(load.completed()).isEqualTo(REQUESTS);
                assertThat(load.peakSample() - threadsBefore)
                        .as("threads added under %d connections at once", CONCURRENCY)
                        .isLessThan(CONCURRENCY / 2);
            } finally {
                program.toHandle().destroy(); // SIGTERM: the program finishes the campaign and writes the report
                if (!program.waitFor(2, TimeUnit.MINUTES)) {
                    program.destroyForcibly();
                }
            }
            // 143: ended by the signal, after the shutdown hook finished the campaign and wrote the report
            assertThat(program.exitValue())
                    .as(Files.readString(directory.resolve("program.err")))
                    .isIn(0, 143);
            assertThat(stdout.get(10, TimeUnit.SECONDS)).contains("FINISHED on whatsapp-cloud");
        }
        assertTheReport(new ObjectMapper().readTree(report.toFile()));
    }

    /** Contact i: group 0 gets "delivered", group 1 also "read", group 2 also replies. */
    private static int group(int contact) {
        return contact % 3;
    }

    private List<LoadGenerator.Request> requests() {
        Random random = new Random(19);
        List<LoadGenerator.Request> valid = new ArrayList<>();
        List<LoadGenerator.Request> forbidden = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            String waId = waId(i);
            String messageId = messageIdByWaId.get(waId);
            String callback = "'biz_opaque_callback_data':'" + callbackByWaId.get(waId) + "'";
            valid.add(signed(MetaWebhooks.status(messageId, "delivered", waId, callback), 200));
            LoadGenerator.Request read = signed(MetaWebhooks.status(messageId, "read", waId, callback), 200);
            LoadGenerator.Request reply =
                    signed(MetaWebhooks.message(waId, "wamid.in." + i, "text", "'text':{'body':'Ya pagué'}"), 200);
            if (group(i) >= 1) {
                valid.add(read);
            } else {
                forbidden.add(read);
            }
            if (group(i) == 2) {
                valid.add(reply);
            } else {
                forbidden.add(reply);
            }
        }
        List<LoadGenerator.Request> requests = new ArrayList<>(valid); // each valid event at least once
        while (requests.size() < REQUESTS) {
            int kind = random.nextInt(100);
            if (kind < 45) {
                requests.add(valid.get(random.nextInt(valid.size()))); // a duplicate, as Meta retries
            } else if (kind < 65) {
                LoadGenerator.Request genuine = forbidden.get(random.nextInt(forbidden.size()));
                requests.add(genuine.withSignature(
                        "sha256=" + WebhookSignatures.hmacSha256Hex(Secret.of("not-the-secret"), genuine.body()),
                        401,
                        403));
            } else if (kind < 75) {
                requests.add(forbidden.get(random.nextInt(forbidden.size())).withSignature(null, 401, 403));
            } else if (kind < 97) {
                requests.add(malformed(random));
            } else {
                byte[] huge = new byte[OVERSIZE];
                Arrays.fill(huge, (byte) ' ');
                huge[0] = '{';
                requests.add(new LoadGenerator.Request(huge, signature(huge), new int[] {413}));
            }
        }
        java.util.Collections.shuffle(requests.subList(0, requests.size()), random);
        return requests.subList(0, REQUESTS);
    }

    /** Signed, so only the parser stands between it and the engine. */
    private LoadGenerator.Request malformed(Random random) {
        String body = switch (random.nextInt(5)) {
            case 0 -> "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":";
            case 1 -> "not json at all";
            case 2 ->
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":"
                        + "{\"statuses\":[{\"id\":42,\"status\":[\"read\"]}]}}]}]}";
            case 3 -> "[]";
            default -> "";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new LoadGenerator.Request(bytes, signature(bytes), new int[] {200, 400});
    }

    private LoadGenerator.Request signed(String valueFields, int expected) {
        byte[] body = MetaWebhooks.notificationFor(PHONE_NUMBER_ID, valueFields)
                .replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8);
        return new LoadGenerator.Request(body, signature(body), new int[] {expected});
    }

    private static String signature(byte[] body) {
        return "sha256=" + WebhookSignatures.hmacSha256Hex(Secret.of(APP_SECRET), body);
    }

    private void assertTheReport(JsonNode report) {
        Map<String, JsonNode> rows = new HashMap<>();
        report.get("recipients").forEach(row -> rows.put(row.get("contact").asText(), row));
        assertThat(rows).hasSize(CONTACTS);
        for (int i = 0; i < CONTACTS; i++) {
            JsonNode row = rows.get("+" + waId(i));
            String expected = switch (group(i)) {
                case 0 -> "DELIVERED";
                case 1 -> "READ";
                default -> "REPLIED";
            };
            assertThat(row.get("status").asText()).as("contact %d", i).isEqualTo(expected);
            List<String> steps = new ArrayList<>();
            row.get("funnel_steps").forEach(step -> steps.add(step.get("step").asText()));
            assertThat(steps).as("replies the bot got from contact %d", i).hasSize(group(i) == 2 ? 1 : 0);
        }
        JsonNode summary = report.get("summary");
        assertThat(summary.get("delivered").asLong()).isEqualTo(CONTACTS);
        assertThat(summary.get("read").asLong()).isEqualTo(2 * CONTACTS / 3);
        assertThat(summary.get("replied").asLong()).isEqualTo(CONTACTS / 3);
    }

    /**
     * A body that declares 100 MB: refused with 413 after a part of it, never read (nor buffered) whole.
     * The answer is read while the body is still being written, on a thread of its own: the server
     * answers and closes mid-body, so the client's next write may fail ("connection reset by peer",
     * "broken pipe") however early its reader is, and the answer is already in hand or arrives anyway.
     */
    private static void oversizeRefusedBeforeItIsSent(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> statusLine(socket));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/whatsapp-cloud HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            long sent = 0;
            try {
                while (sent < 2 * 1024 * 1024 && !answer.isDone()) {
                    out.write(chunk);
                    sent += chunk.length;
                }
                out.flush();
            } catch (IOException closedMidBody) {
                // the server answered and closed while the body was coming: its answer is the reader's
            }
            assertThat(answer.get(60, TimeUnit.SECONDS))
                    .as("the answer to a body declared 100 MB, of which %d bytes were written", sent)
                    .startsWith("HTTP/1.1 413");
        }
    }

    /** The first line the server answers on {@code socket}, or what went wrong reading it. */
    private static String statusLine(Socket socket) {
        try {
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return line == null ? "(closed without an answer)" : line;
        } catch (IOException failed) {
            return "(no answer: " + failed + ")";
        }
    }

    /** The program's threads, from /proc. */
    private static int threads(Process program) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(program.pid()), "task"))) {
            return (int) tasks.count();
        } catch (IOException | java.io.UncheckedIOException gone) {
            return 0;
        }
    }

    /** Contact i's WhatsApp id: 52 55 and eight digits. */
    private static String waId(int contact) {
        return String.format("5255%08d", 30_000_000 + contact);
    }

    private static JsonNode json(byte[] body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline)
                    .as("waited too long for: " + what)
                    .isNegative();
            Thread.sleep(20);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
