package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookSignatures;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.MetaWebhooks;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret leaks (issue 19, item 6): a campaign runs on each channel, in a child JVM at debug
 * level (logging is configured once per JVM), with every secret set: the access token, the app
 * secret and the verify token of WhatsApp Cloud, Twilio's auth token, the store's password. The
 * test reads back everything the program leaves: every log line and message it printed, the
 * reports in every format, and every stored row (the H2 database's full SQL dump). None holds a
 * secret, nor the Base64 of Twilio's Basic credentials.
 */
class SecretsNeverLeakTest {

    private static final String WA_TOKEN = "EAAGwaAccessToken7f3c9d1e";
    private static final String WA_APP_SECRET = "waAppSecret91d2b7c4";
    private static final String WA_VERIFY_TOKEN = "waVerifyToken55ab3e";
    private static final String TWILIO_AUTH_TOKEN = "twilioAuthTokenC0ffee42";
    private static final String STORE_PASSWORD = "storePassword8e1f";
    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String PHONE_NUMBER_ID = "109876543210";
    private static final String STORE_USER = "ck";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void whatsAppCloudCampaignLeavesNoSecretAnywhere() throws Exception {
        int port = freePort();
        Path contacts = contacts();
        String store = "jdbc:h2:file:" + dir.resolve("wa-store").toAbsolutePath();
        try (FakeGraphApi graph = FakeGraphApi.start()) {
            // the first send is refused, so the failure path (log line, stored error) runs too
            graph.enqueue(FakeGraphApi.Response.json(
                    400,
                    "{\"error\":{\"message\":\"(#131026) Message undeliverable\","
                            + "\"type\":\"OAuthException\",\"code\":131026,\"fbtrace_id\":\"Az8or2yhqkZfEZ\"}}"));
            Path reportFile = dir.resolve("wa-run.json");
            Process child = start(
                    Map.of("CAMPAIGNKIT_WA_TOKEN", WA_TOKEN, "CAMPAIGNKIT_WA_APP_SECRET", WA_APP_SECRET),
                    store,
                    "run",
                    "--debug",
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
                    "--wa-verify-token",
                    WA_VERIFY_TOKEN,
                    "--wa-api-url",
                    graph.baseUrl().toString(),
                    "--webhook-port",
                    Integer.toString(port),
                    "--hours",
                    "MON-SUN 00:00-24:00",
                    "--zone",
                    "UTC",
                    "--wait",
                    "4s",
                    "--report",
                    reportFile.toString());

            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                FakeGraphApi.RecordedRequest send = awaitSend(child, graph::takeRequest);
                assertThat(send.header("Authorization"))
                        .as("the token is really used")
                        .isEqualTo("Bearer " + WA_TOKEN);
                accepted.add(new ObjectMapper().readTree(send.body()).get("to").asText());
            }
            URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp-cloud");
            get(URI.create(
                    webhook + "?hub.mode=subscribe&hub.verify_token=" + WA_VERIFY_TOKEN + "&hub.challenge=8841"));
            get(URI.create(webhook + "?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"));
            for (int id = 1; id <= 2; id++) {
                String messageId = "wamid.fake." + id;
                String correlation = graph.callbackDataOf(messageId).orElseThrow();
                String waId = correlation.substring(correlation.lastIndexOf(':') + 1);
                postMeta(
                        webhook,
                        MetaWebhooks.status(
                                messageId, "delivered", waId, "'biz_opaque_callback_data':'" + correlation + "'"),
                        WA_APP_SECRET);
                if (id == 1) {
                    postMeta(
                            webhook,
                            MetaWebhooks.message(waId, "wamid.in.1", "text", "'text':{'body':'Sí'}"),
                            WA_APP_SECRET);
                }
            }
            postMeta(webhook, MetaWebhooks.status("wamid.fake.2", "read", accepted.get(0), ""), "forged-secret");

            String output = finish(child);
            assertNoSecretIn("the program's output and logs", output);
            assertThat(output).as("debug logging was on").contains("DEBUG");
            assertNoSecretIn("the run's report", Files.readString(reportFile));
            assertNoSecretIn("the reports", reports(store, campaignId(output)));
            assertNoSecretIn("the stored rows", dump(store));
        }
    }

    @Test
    void twilioCampaignLeavesNoSecretAnywhere() throws Exception {
        int port = freePort();
        Path contacts = contacts();
        String store = "jdbc:h2:file:" + dir.resolve("twilio-store").toAbsolutePath();
        try (RunOnFakeProvidersTest.FakeTwilio twilio = RunOnFakeProvidersTest.FakeTwilio.start()) {
            Path reportFile = dir.resolve("twilio-run.csv");
            Process child = start(
                    Map.of(),
                    store,
                    "run",
                    "--debug",
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
                    "--twilio-auth-token",
                    TWILIO_AUTH_TOKEN,
                    "--twilio-from",
                    "+15005550006",
                    "--twilio-api-url",
                    twilio.baseUrl().toString(),
                    "--webhook-port",
                    Integer.toString(port),
                    "--hours",
                    "MON-SUN 00:00-24:00",
                    "--zone",
                    "UTC",
                    "--wait",
                    "4s",
                    "--report",
                    reportFile.toString());

            List<Map<String, String>> sends = List.of(
                    awaitSend(child, twilio::take), awaitSend(child, twilio::take), awaitSend(child, twilio::take));
            for (Map<String, String> send : sends) {
                Map<String, String> status = new LinkedHashMap<>();
                status.put("MessageSid", send.get("sid"));
                status.put("AccountSid", ACCOUNT_SID);
                status.put("From", "+15005550006");
                status.put("To", send.get("To"));
                status.put("MessageStatus", send == sends.get(2) ? "undelivered" : "delivered");
                status.put("ErrorCode", send == sends.get(2) ? "30003" : "");
                postTwilio(URI.create(send.get("StatusCallback")), status, TWILIO_AUTH_TOKEN);
            }
            Map<String, String> reply = new LinkedHashMap<>();
            reply.put("MessageSid", "SMinbound0000000000000000000000001");
            reply.put("AccountSid", ACCOUNT_SID);
            reply.put("From", sends.get(0).get("To"));
            reply.put("To", "+15005550006");
            reply.put("Body", "Ya pagué");
            reply.put("NumMedia", "0");
            URI inbound = URI.create("http://127.0.0.1:" + port + "/webhooks/twilio");
            postTwilio(inbound, reply, TWILIO_AUTH_TOKEN);
            postTwilio(inbound, reply, "forged-token");

            String output = finish(child);
            assertNoSecretIn("the program's output and logs", output);
            assertThat(output).as("debug logging was on").contains("DEBUG");
            assertNoSecretIn("the run's report", Files.readString(reportFile));
            assertNoSecretIn("the reports", reports(store, campaignId(output)));
            assertNoSecretIn("the stored rows", dump(store));
        }
    }

    @Test
    void theScanCatchesASecretEvenCutShort() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoSecretIn("a log", "token=" + WA_TOKEN))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoSecretIn(
                        "a log", "auth " + TWILIO_AUTH_TOKEN.substring(0, TWILIO_AUTH_TOKEN.length() - 3) + "..."))
                .isInstanceOf(AssertionError.class);
    }

    // ---- what is scanned

    private static void assertNoSecretIn(String where, String text) {
        String basic = Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + TWILIO_AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        for (String secret :
                List.of(WA_TOKEN, WA_APP_SECRET, WA_VERIFY_TOKEN, TWILIO_AUTH_TOKEN, STORE_PASSWORD, basic)) {
            assertThat(text)
                    .as("%s hold a secret", where)
                    .isNotEmpty()
                    .doesNotContain(secret)
                    // a secret cut short or split by a log layout still shows its middle
                    .doesNotContain(secret.substring(4, secret.length() - 4));
        }
    }

    private String reports(String store, String campaignId) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String format : List.of("csv", "json", "html")) {
            Path file = dir.resolve("report-" + campaignId.hashCode() + "." + format);
            CliRun report = CliRun.withEnv(
                    storeEnv(store),
                    "report",
                    "--campaign",
                    campaignId,
                    "--format",
                    format,
                    "--output",
                    file.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            all.append(report.out()).append(report.err()).append(Files.readString(file));
        }
        CliRun list = CliRun.withEnv(storeEnv(store), "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        return all.append(list.out()).append(list.err()).toString();
    }

    /** Every table's every row, as H2's SQL script of the database. */
    private static String dump(String store) throws Exception {
        StringBuilder script = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(store, STORE_USER, STORE_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                script.append(rows.getString(1)).append('\n');
            }
        }
        assertThat(script).as("the dump holds the campaign's rows").contains("INSERT INTO");
        return script.toString();
    }

    // ---- the child program

    private Process start(Map<String, String> secrets, String store, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CampaignKitCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        dir.resolve("child-" + System.nanoTime() + ".log").toFile());
        builder.environment().putAll(storeEnv(store));
        builder.environment().putAll(secrets);
        Process child = builder.start();
        outputs.put(child, builder.redirectOutput().file().toPath());
        return child;
    }

    private final Map<Process, Path> outputs = new LinkedHashMap<>();

    private String finish(Process child) throws Exception {
        boolean exited = child.waitFor(2, TimeUnit.MINUTES);
        String output = Files.readString(outputs.get(child));
        if (!exited) {
            child.destroyForcibly();
        }
        assertThat(exited).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }

    /** The fake's next request; the child JVM may take long to start on a busy machine, but not die. */
    private <T> T awaitSend(Process child, java.util.concurrent.Callable<T> take) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return take.call();
            } catch (AssertionError notYet) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    child.destroyForcibly();
                    throw new AssertionError(
                            "no send; the program printed:\n" + Files.readString(outputs.get(child)), notYet);
                }
            }
        }
    }

    private static Map<String, String> storeEnv(String store) {
        return Map.of(
                "CAMPAIGNKIT_STORE",
                store,
                "CAMPAIGNKIT_STORE_USER",
                STORE_USER,
                "CAMPAIGNKIT_STORE_PASSWORD",
                STORE_PASSWORD);
    }

    private static String campaignId(String output) {
        Matcher matcher = Pattern.compile("Campaign (\\S+) \"").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }

    private Path contacts() throws IOException {
        return Files.writeString(dir.resolve("contacts.csv"), """
                CONTACT,NOMBRE
                +525500998877,Carlos
                +525511223344,Ana
                +525522334455,Luis
                """, StandardCharsets.UTF_8);
    }

    // ---- the providers' webhooks

    private void get(URI url) throws Exception {
        http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void postMeta(URI webhook, String valueFields, String appSecret) throws Exception {
        String body = MetaWebhooks.notificationFor(PHONE_NUMBER_ID, valueFields).replace('\'', '"');
        String signature = "sha256="
                + WebhookSignatures.hmacSha256Hex(Secret.of(appSecret), body.getBytes(StandardCharsets.UTF_8));
        http.send(
                HttpRequest.newBuilder(webhook)
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void postTwilio(URI url, Map<String, String> params, String authToken) throws Exception {
        StringBuilder signed = new StringBuilder(url.toString());
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature =
                Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        String form = params.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        http.send(
                HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Twilio-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
