package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private Path contacts;

    @BeforeEach
    void contacts() throws IOException {
        contacts = Files.writeString(dir.resolve("contacts.tsv"), """
                CONTACT\tNOMBRE\tMONTO
                +525500998877\tCarlos\t1200
                +525511223344\tAna\t99.5
                +525522334455\tLuz\t10
                """, StandardCharsets.UTF_8);
    }

    @Test
    void aSimulatedRunSendsEveryoneAndWritesTheReport() throws IOException {
        Path report = dir.resolve("out/report.json");

        CliRun run = CliRun.of(args("--report", report.toString(), "--name", "Cobranza"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("\"Cobranza\" FINISHED on simulated")
                .containsPattern("audience\\s+3")
                .containsPattern("sent\\s+3")
                .containsPattern("delivered\\s+3")
                .contains("received 100.0%");
        assertThat(run.err()).contains("launched campaign").contains("progress: 3/3 handled");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("recipients")).hasSize(3);
        assertThat(json.get("recipients").get(0).get("values").get("NOMBRE").asText())
                .isEqualTo("Carlos");
    }

    @Test
    void anInvalidRowRefusesTheLaunchUnlessLenient() throws IOException {
        Files.writeString(contacts, "+525533445566\tEva\tmucho\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun strict = CliRun.of(args("--report", dir.resolve("r.csv").toString()));

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err()).contains("row 5, MONTO: INVALID_NUMBER").contains("--lenient");
        assertThat(Files.exists(dir.resolve("r.csv"))).isFalse();

        CliRun lenient = CliRun.of(args("--report", dir.resolve("r.csv").toString(), "--lenient"));

        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.out()).containsPattern("audience\\s+3");
        assertThat(lenient.err()).contains("1 invalid rows left out");
    }

    @Test
    void aValuedTagReadFromItsColumnFillsThePlaceholderAndABlankCellSkipsTheContactWithTheReason() throws IOException {
        Files.writeString(contacts, """
                CONTACT\tNOMBRE\tMONTO\tREGION
                +525500998877\tCarlos\t1200\tNorte
                +525511223344\tAna\t99.5\t
                """, StandardCharsets.UTF_8);
        Path report = dir.resolve("r.json");

        CliRun run = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--field",
                "MONTO:NUMBER",
                "--text",
                "Hola {{1}}, zona {{2}}",
                "--param",
                "1=name",
                "--param",
                "2=tag:ZONA",
                "--tag",
                "ZONA=REGION",
                "--channel",
                "simulated",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--zone",
                "UTC",
                "--wait",
                "0s",
                "--report",
                report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("sent\\s+1").containsPattern("skipped\\s+1\\s+UNRESOLVED_BINDING: 1");
        JsonNode recipients = new ObjectMapper().readTree(report.toFile()).get("recipients");
        // sent (--wait 0s may end the run before or after the simulated delivery and read reports)
        assertThat(recipients.get(0).get("status").asText()).isIn("SENT", "DELIVERED", "READ");
        assertThat(recipients.get(1).get("status").asText()).isEqualTo("SKIPPED");
        assertThat(recipients.get(1).get("error_msg").asText()).contains("ZONA");
        // the tag's column is a tag, not custom data
        assertThat(recipients.get(0).get("values").has("REGION")).isFalse();
    }

    @Test
    void aTagPlaceholderWithoutItsColumnIsAUsageErrorThatSaysWhatToAdd() {
        CliRun run = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--field",
                "MONTO:NUMBER",
                "--text",
                "Hola {{1}}",
                "--param",
                "1=tag:ZONA",
                "--channel",
                "simulated",
                "--wait",
                "0s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("--param 1=tag:ZONA")
                .contains("--tag ZONA=");
    }

    @Test
    void anUnsupportedStoreUrlIsAOneLineUsageErrorWithoutItsPassword() {
        CliRun run = CliRun.of(args("--store", "jdbc:mysql://db/ck?user=a&password=secret"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("--store")
                .contains("jdbc:postgresql")
                .contains("password=***")
                .doesNotContain("secret");
    }

    @Test
    void malformedHoursZonesRatesAndDurationsAreOneLineUsageErrors() {
        for (String[] bad : List.of(
                new String[] {"--hours", "LUNES 8-9"},
                new String[] {"--zone", "Mars/Olympus"},
                new String[] {"--rate", "fast"},
                new String[] {"--wait", "soon"},
                new String[] {"--param", "x=name"},
                new String[] {"--param", "2=age"},
                new String[] {"--channel", "pigeon"},
                new String[] {"--bogus"})) {
            CliRun run = CliRun.of(args(bad));

            assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(run.errLines()).as(run.err()).hasSize(1);
            assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void aMissingCredentialNamesTheOptionAndTheEnvironmentVariable() {
        CliRun run =
                CliRun.of(whatsApp("--wa-phone-number-id", "123", "--wa-app-secret", "s", "--wa-verify-token", "v"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("--wa-token")
                .contains("CAMPAIGNKIT_WA_TOKEN");
    }

    @Test
    void credentialsMayComeFromTheEnvironment() {
        CliRun run = CliRun.withEnv(
                Map.of("CAMPAIGNKIT_WA_TOKEN", "t", "CAMPAIGNKIT_WA_APP_SECRET", "s"),
                whatsApp("--wa-phone-number-id", "123", "--wa-verify-token", "v", "--store", "jdbc:sqlite:x"));

        // got past every credential check to the next refusal
        assertThat(run.errLines()).singleElement().asString().contains("--store");
    }

    @Test
    void aWebhookPortInUseIsAUsageErrorThatSaysWhatToChange() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            CliRun run = CliRun.of(args("--webhook-port", Integer.toString(taken.getLocalPort())));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("port " + taken.getLocalPort()).contains("pick another --webhook-port");
        }
    }

    @Test
    void twilioNeedsOneSenderAndAPlaceForItsCallbacks() {
        String[] base = {
            "--channel", "twilio", "--twilio-account-sid", "AC" + "0".repeat(32), "--twilio-auth-token", "tok"
        };
        CliRun noSender = CliRun.of(twilio(base));
        CliRun noCallback = CliRun.of(twilio(concat(base, "--twilio-from", "+15005550006")));

        assertThat(noSender.exitCode()).isEqualTo(2);
        assertThat(noSender.errLines()).singleElement().asString().contains("--twilio-from");
        assertThat(noCallback.exitCode()).isEqualTo(2);
        assertThat(noCallback.errLines()).singleElement().asString().contains("--webhook-port");
    }

    @Test
    void aTemplateNeedsItsLanguageAndExcludesText() {
        CliRun noLanguage =
                CliRun.of("run", "--contacts", contacts.toString(), "--template", "saldo", "--channel", "simulated");
        CliRun both = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--template",
                "saldo",
                "--text",
                "Hola",
                "--channel",
                "simulated");

        assertThat(noLanguage.exitCode()).isEqualTo(2);
        assertThat(noLanguage.errLines()).singleElement().asString().contains("--language");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errLines()).hasSize(1);
    }

    @Test
    void aRunOnTwoChannelsSendsTheSecondToContactsTheFirstCannotReachAndTheReportSaysWhich() throws IOException {
        Path report = dir.resolve("channels.csv");

        CliRun run = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--field",
                "MONTO:NUMBER",
                "--template",
                "saldo",
                "--language",
                "es_MX",
                "--text",
                "Hola {{1}}, debes {{2}}",
                "--param",
                "1=name",
                "--param",
                "2=field:MONTO",
                // the first channel reaches nobody ("not on this channel"); the SMS one delivers
                "--channel",
                "simulated",
                "--channel",
                "simulated-sms",
                "--simulate",
                "deliver=0,read=0,reply=0,seed=1",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--zone",
                "UTC",
                "--rate",
                "50/s",
                "--wait",
                "2s",
                "--report",
                report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("on simulated, simulated-sms")
                .containsPattern("audience\\s+3")
                .containsPattern("delivered\\s+3");
        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).contains(",channel,fallback_from,");
        assertThat(lines.subList(1, lines.size()))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line)
                        .contains(",DELIVERED,")
                        .contains(",simulated-sms:simulated-sms-sender,simulated:simulated-sender,"));
    }

    @Test
    void aSecondChannelAndTheTimedFallbackAreCheckedBeforeAnythingStarts() {
        CliRun twice = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--text",
                "Hola",
                "--channel",
                "simulated",
                "--channel",
                "simulated");
        CliRun fallbackAlone = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--text",
                "Hola",
                "--channel",
                "simulated",
                "--fallback-after",
                "30m");
        CliRun noMessage = CliRun.of("run", "--contacts", contacts.toString(), "--channel", "simulated");

        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.errLines()).singleElement().asString().contains("twice");
        assertThat(fallbackAlone.exitCode()).isEqualTo(2);
        assertThat(fallbackAlone.errLines())
                .singleElement()
                .asString()
                .contains("--fallback-after needs a second --channel");
        assertThat(noMessage.exitCode()).isEqualTo(2);
        assertThat(noMessage.errLines())
                .singleElement()
                .asString()
                .contains("--template")
                .contains("--text");
    }

    @Test
    void aMissingContactFileIsAUsageError() {
        CliRun run = CliRun.of(
                "run", "--contacts", dir.resolve("nope.xlsx").toString(), "--text", "Hola", "--channel", "simulated");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("nope.xlsx");
    }

    private String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--field",
                "MONTO:NUMBER",
                "--text",
                "Hola {{1}}, debes {{2}}",
                "--param",
                "1=name",
                "--param",
                "2=field:MONTO",
                "--channel",
                "simulated",
                "--simulate",
                "deliver=1,read=0,reply=0,seed=1",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--zone",
                "UTC",
                "--rate",
                "50/s",
                "--wait",
                "1s"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }

    private String[] whatsApp(String... extra) {
        return concat(
                new String[] {
                    "run",
                    "--contacts",
                    contacts.toString(),
                    "--template",
                    "saldo",
                    "--language",
                    "es_MX",
                    "--channel",
                    "whatsapp-cloud"
                },
                extra);
    }

    private String[] twilio(String... extra) {
        return concat(new String[] {"run", "--contacts", contacts.toString(), "--text", "Hola"}, extra);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
