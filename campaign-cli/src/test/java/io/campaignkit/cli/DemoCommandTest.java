package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDemoRunsACompleteCampaignWithWebhooksOverHttpAndWritesEveryReport() throws IOException {
        CliRun run = CliRun.of("demo", "--dir", dir.toString(), "--contacts", "30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("FINISHED on simulated")
                .contains("audience")
                .contains("received")
                .contains("replied");
        // the first contact who replied was handed by the bot to the desk's simulated agent
        assertThat(run.out())
                .containsPattern("handoff +1 +conversation \\S+: bot → cobranza → agent asesor-demo, answered,"
                        + " closed PAGO_PROMETIDO");
        // status events and replies came back through the program's own HTTP endpoint
        Matcher webhooks = Pattern.compile(
                        "webhooks: (\\d+) requests accepted on http://127\\.0\\.0\\.1:\\d+/webhooks/simulated")
                .matcher(run.err());
        assertThat(webhooks.find()).as(run.err()).isTrue();
        assertThat(Long.parseLong(webhooks.group(1))).isPositive();

        List<String> csv = Files.readAllLines(dir.resolve("report.csv"));
        assertThat(csv).hasSize(31);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode summary = json.get("summary");
        assertThat(summary.get("audience").asLong()).isEqualTo(30);
        assertThat(summary.get("state").asText()).isEqualTo("FINISHED");
        // every recipient settled: sent (delivered or not) + failed + skipped = audience
        assertThat(summary.get("sent").asLong()
                        + summary.get("failed").asLong()
                        + summary.get("skipped").asLong()
                        + summary.get("unknown").asLong())
                .isEqualTo(30);
        assertThat(summary.get("delivered").asLong()).isPositive();
        assertThat(summary.get("replied").asLong()).isPositive();
        assertThat(json.get("recipients")).hasSize(30);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg id=\"funnel\"").contains("<svg id=\"sends\"");
        assertThat(Files.readAllLines(dir.resolve("contacts.tsv"))).hasSize(31);
    }

    /**
     * Replies and read receipts come back over HTTP some hundreds of milliseconds after their send;
     * the campaign is finished only once the last of them is applied, so every run of one seed has the
     * same outcome per contact, replies included, however the webhooks are timed.
     */
    @Test
    void theSameSeedGivesTheSameOutcomes() throws IOException {
        List<String> first = null;
        for (int run = 0; run < 3; run++) {
            Path runDir = dir.resolve("run-" + run);
            CliRun demo =
                    CliRun.of("demo", "--dir", runDir.toString(), "--contacts", "15", "--simulate", "seed=3,reply=0.4");

            assertThat(demo.exitCode()).as(demo.err()).isZero();
            List<String> outcomes = statuses(runDir);
            if (first == null) {
                first = outcomes;
                assertThat(first)
                        .as("the comparison covers replies and reads")
                        .anyMatch(line -> line.endsWith(",REPLIED"))
                        .anyMatch(line -> line.endsWith(",READ"));
            } else {
                assertThat(outcomes).as("run %d", run).isEqualTo(first);
            }
        }
    }

    @Test
    void aDemoWhereNothingIsDeliveredStillFinishes() throws IOException {
        CliRun run = CliRun.of("demo", "--dir", dir.toString(), "--contacts", "5", "--simulate", "deliver=0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("failed\\s+5\\s+RECIPIENT_PERMANENT: 5");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("Nothing was sent.");
    }

    @Test
    void badDemoOptionsAreOneLineUsageErrors() {
        CliRun run = CliRun.of("demo", "--dir", dir.toString(), "--simulate", "deliver=2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("deliver");
    }

    private static List<String> statuses(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("report.csv")).stream()
                .map(line -> line.split(",", 3))
                .map(cells -> cells[0] + "," + cells[1])
                .toList();
    }
}
