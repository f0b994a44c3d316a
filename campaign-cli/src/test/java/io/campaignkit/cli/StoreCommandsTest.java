package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcCampaignStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --store}, {@code list} and {@code report} on one H2 file database, each a new
 * invocation of the program: what {@code run} stored is what the later commands read.
 */
class StoreCommandsTest {

    private static final Pattern LAUNCHED = Pattern.compile("launched campaign (\\S+) in ");

    @TempDir
    Path dir;

    private Path contacts;
    private String store;

    @BeforeEach
    void contactsAndStore() throws IOException {
        contacts = Files.writeString(dir.resolve("contacts.tsv"), """
                CONTACT\tNOMBRE\tMONTO
                +525500998877\tCarlos\t1200
                +525511223344\t=HYPERLINK("x")\t99.5
                +525522334455\tLuz\t10
                """, StandardCharsets.UTF_8);
        store = "jdbc:h2:file:" + dir.resolve("db/campaignkit");
    }

    @Test
    void aRunIsStoredAndListedAndReportedInEveryFormatByLaterInvocations() throws IOException {
        Path runReport = dir.resolve("run.csv");
        CliRun run = CliRun.of(
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
                "1s",
                "--name",
                "Cobranza noviembre",
                "--store",
                store,
                "--report",
                runReport.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String id = campaignId(run);
        assertThat(run.out()).contains("store: " + store);
        try (JdbcCampaignStore stored = JdbcCampaignStores.h2File(dir.resolve("db/campaignkit"))) {
            assertThat(stored.find(CampaignId.of(id)))
                    .get()
                    .extracting(Campaign::tenantId)
                    .isEqualTo("cli");
        }

        CliRun list = CliRun.of("list", "--store", store);

        assertThat(list.exitCode()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).split("\\s+"))
                .containsExactly(
                        "CAMPAIGN",
                        "STATE",
                        "AUDIENCE",
                        "SENT",
                        "DELIVERED",
                        "READ",
                        "REPLIED",
                        "FAILED",
                        "SKIPPED",
                        "NAME");
        assertThat(lines.get(1).split("\\s+"))
                .containsExactly(id, "FINISHED", "3", "3", "3", "0", "0", "0", "0", "Cobranza", "noviembre");

        CliRun listJson = CliRun.of("list", "--store", store, "--json");

        assertThat(listJson.exitCode()).as(listJson.err()).isZero();
        JsonNode listed = new ObjectMapper().readTree(listJson.out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("campaign").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("state").asText()).isEqualTo("FINISHED");
        assertThat(listed.get(0).get("audience").asLong()).isEqualTo(3);
        assertThat(listed.get(0).get("delivered").asLong()).isEqualTo(3);

        Path csv = dir.resolve("out/report.csv");
        Path json = dir.resolve("out/report.json");
        Path html = dir.resolve("out/report.html");
        for (Path output : List.of(csv, json, html)) {
            String format = output.getFileName().toString().substring("report.".length());
            CliRun report = CliRun.of(
                    "report", "--campaign", id, "--store", store, "--format", format, "--output", output.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(report.out()).contains("report: " + output);
        }

        // the stored recipients give the very report the run wrote when it finished
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(runReport));
        assertThat(Files.readAllLines(csv))
                .hasSize(4)
                .element(2)
                .asString()
                .startsWith("+525511223344,DELIVERED,")
                .endsWith(",\"'=HYPERLINK(\"\"x\"\")\",99.5");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("summary").get("campaign").asText()).isEqualTo(id);
        assertThat(report.get("summary").get("name").asText()).isEqualTo("Cobranza noviembre");
        assertThat(report.get("summary").get("delivered").asLong()).isEqualTo(3);
        assertThat(report.get("recipients")).hasSize(3);
        assertThat(Files.readString(html)).contains("Cobranza noviembre").contains("<svg id=\"funnel\"");
    }

    @Test
    void theProgramSeesOnlyItsOwnTenantsCampaigns() throws IOException {
        try (JdbcCampaignStore shared = JdbcCampaignStores.h2File(dir.resolve("db/campaignkit"))) {
            shared.insert(Campaign.create(
                    CampaignId.of("host-1"),
                    "acme",
                    "cobranza",
                    CampaignKind.LIVE,
                    CampaignConfiguration.custom().name("Acme's own").build(),
                    Instant.now()));
        }

        CliRun list = CliRun.of("list", "--store", store, "--json");
        CliRun report = CliRun.of(
                "report",
                "--campaign",
                "host-1",
                "--store",
                store,
                "--format",
                "csv",
                "--output",
                dir.resolve("x.csv").toString());

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(new ObjectMapper().readTree(list.out())).isEmpty();
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.errLines()).singleElement().asString().contains("no campaign 'host-1'");
    }

    @Test
    void anUnknownCampaignIsOneLineAndExitTwo() {
        assertThat(CliRun.of("list", "--store", store + ";IFEXISTS=FALSE").exitCode())
                .isZero();
        CliRun report = CliRun.of(
                "report",
                "--campaign",
                "cli-nope",
                "--store",
                store,
                "--format",
                "csv",
                "--output",
                dir.resolve("x.csv").toString());

        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.errLines())
                .singleElement()
                .asString()
                .contains("no campaign 'cli-nope'")
                .contains("campaignkit list");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void readingADatabaseThatDoesNotExistCreatesNothing() {
        CliRun list = CliRun.of("list", "--store", store);
        CliRun report = CliRun.of(
                "report",
                "--campaign",
                "cli-1",
                "--store",
                store,
                "--format",
                "csv",
                "--output",
                dir.resolve("x.csv").toString());

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).isEmpty();
        assertThat(list.errLines()).singleElement().asString().contains("no database there yet");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.errLines())
                .singleElement()
                .asString()
                .contains("no campaign 'cli-1'")
                .contains("no database there yet");
        assertThat(dir.resolve("db")).doesNotExist();
    }

    @Test
    void anEmptyStoreListsNothing() throws IOException {
        CliRun create = CliRun.of("list", "--store", store + ";IFEXISTS=FALSE");
        assertThat(create.exitCode()).as(create.err()).isZero();

        CliRun list = CliRun.of("list", "--store", store);
        CliRun json = CliRun.of("list", "--store", store, "--json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).isEmpty();
        assertThat(list.errLines()).singleElement().asString().startsWith("no campaigns in jdbc:h2:file:");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.out())).isEmpty();
    }

    @Test
    void anUnsupportedUrlIsAOneLineUsageErrorWithoutItsPassword() {
        for (String command : List.of("list", "report")) {
            CliRun run = command.equals("list")
                    ? CliRun.of("list", "--store", "jdbc:mysql://db/ck?password=secret")
                    : CliRun.of(
                            "report",
                            "--campaign",
                            "c",
                            "--store",
                            "jdbc:mysql://db/ck?password=secret",
                            "--format",
                            "csv",
                            "--output",
                            dir.resolve("x.csv").toString());

            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.errLines())
                    .singleElement()
                    .asString()
                    .contains("--store")
                    .contains("jdbc:mysql://db/ck?password=***")
                    .doesNotContain("secret");
        }
    }

    @Test
    void anUnreachableDatabaseIsAOneLineUsageErrorWithoutItsPassword() {
        // port 1 on loopback: nothing listens, the connection is refused at once
        CliRun postgres = CliRun.of("list", "--store", "jdbc:postgresql://127.0.0.1:1/ck?user=ck&password=secret");
        CliRun userInfo = CliRun.of("list", "--store", "jdbc:postgresql://ck:secret@127.0.0.1:1/ck");

        for (CliRun run : List.of(postgres, userInfo)) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines())
                    .as(run.err())
                    .singleElement()
                    .asString()
                    .startsWith("campaignkit list: cannot open the store")
                    .contains("127.0.0.1:1")
                    .doesNotContain("secret");
            assertThat(run.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsAOneLineUsageError() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        CliRun run = CliRun.of(
                "demo",
                "--dir",
                dir.resolve("demo").toString(),
                "--store",
                "jdbc:h2:file:" + notADirectory.resolve("db") + ";PASSWORD=secret");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .as(run.err())
                .last()
                .asString()
                .startsWith("campaignkit demo: cannot open the store")
                .contains("PASSWORD=***")
                .contains("plain-file")
                .doesNotContain("secret");
    }

    @Test
    void reportChecksItsOptions() {
        CliRun format = CliRun.of("report", "--campaign", "c", "--format", "pdf", "--output", "x.pdf");
        CliRun missing = CliRun.of("report", "--format", "csv", "--output", "x.csv");

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.errLines()).singleElement().asString().contains("pdf");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("--campaign");
    }

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("validate")
                .contains("run")
                .contains("demo")
                .contains("report")
                .contains("list");
    }

    private static String campaignId(CliRun run) {
        Matcher launched = LAUNCHED.matcher(run.err());
        assertThat(launched.find()).as(run.err()).isTrue();
        return launched.group(1);
    }
}
