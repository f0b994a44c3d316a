package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, items 3 and 7 on the command line, on one H2 file store: {@code retarget} creates and
 * schedules a campaign for a stored campaign's failed recipients, {@code serve} launches and sends it,
 * {@code add-contacts} appends a file to it while it is ACTIVE (refusing a file with invalid rows
 * whole, and a finished campaign), and {@code report} prints the "not sent" figure.
 */
class RetargetCommandsTest {

    private static final Pattern LAUNCHED = Pattern.compile("launched campaign (\\S+) in ");
    private static final Pattern RETARGETED = Pattern.compile("campaign (\\S+) is SCHEDULED to start at");

    @TempDir
    Path dir;

    private String store;

    @BeforeEach
    void storeOnDisk() {
        store = "jdbc:h2:file:" + dir.resolve("db/campaignkit");
    }

    @Test
    void theFailedOfARunAreRetargetedSentByServeAndMoreContactsAreAppendedWhileItIsActive() throws IOException {
        Path contacts = tsv("contacts.tsv", "+525500998877\tCarlos", "+525511223344\tAna", "+525522334455\tLuz");
        CliRun run = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--text",
                "Hola {{1}}",
                "--param",
                "1=name",
                "--channel",
                "simulated",
                "--simulate",
                "deliver=0,read=0,reply=0,seed=1",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--zone",
                "UTC",
                "--rate",
                "50/s",
                "--wait",
                "1s",
                "--store",
                store,
                "--report",
                dir.resolve("first.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("not sent\\s+3\\s+failed \\+ skipped \\+ unknown: SIM-RECIPIENT_PERMANENT: 3|"
                        + "not sent\\s+3\\s+failed \\+ skipped \\+ unknown: RECIPIENT_PERMANENT: 3");
        String source = group(LAUNCHED, run.err());

        CliRun retarget = CliRun.of("retarget", "--campaign", source, "--outcome", "failed", "--store", store);
        assertThat(retarget.exitCode()).as(retarget.err()).isZero();
        assertThat(retarget.out()).contains("takes the failed recipients of " + source + " (3 now");
        String retry = group(RETARGETED, retarget.out());

        serveFor("6s");
        JsonNode listed = campaign(retry);
        assertThat(listed.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(listed.get("audience").asLong()).isEqualTo(3);
        assertThat(listed.get("delivered").asLong()).isEqualTo(3);
        assertThat(campaign(source).get("not_sent").asLong()).isEqualTo(3);

        Path more = tsv("more.tsv", "+525533445566\tMar", "+525500998877\tCarlos");
        CliRun added = CliRun.of("add-contacts", "--campaign", retry, "--contacts", more.toString(), "--store", store);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("1 of 2 contacts added, 1 to send, 1 already in the campaign");
        CliRun served = serveFor("4s");
        // sent, not delivered: a new simulated channel numbers its message ids from 1 again, so its status
        // webhooks would name the first serve's messages; the appended contact's send is what is checked
        JsonNode afterAdding = campaign(retry);
        assertThat(afterAdding.get("sent").asLong())
                .as(afterAdding + "\n" + served.err())
                .isEqualTo(4);
        assertThat(afterAdding.get("pending").asLong()).isZero();

        CliRun report = CliRun.of(
                "report",
                "--campaign",
                source,
                "--store",
                store,
                "--format",
                "json",
                "--output",
                dir.resolve("source.json").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).containsPattern("not sent\\s+3");
        JsonNode summary =
                new ObjectMapper().readTree(dir.resolve("source.json").toFile()).get("summary");
        assertThat(summary.get("not_sent").asLong()).isEqualTo(3);
    }

    @Test
    void addContactsRefusesInvalidRowsWholeAndAFinishedCampaignAndRetargetRefusesBadOutcomes() throws IOException {
        Path contacts = tsv("contacts.tsv", "+525500998877\tCarlos");
        CliRun run = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--text",
                "Hola {{1}}",
                "--param",
                "1=name",
                "--channel",
                "simulated",
                "--simulate",
                "deliver=1,read=0,reply=0,seed=1",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--zone",
                "UTC",
                "--wait",
                "1s",
                "--store",
                store,
                "--report",
                dir.resolve("first.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String finished = group(LAUNCHED, run.err());

        Path invalid = tsv("invalid.tsv", "+525533445566\tMar", "+525544556677\t");
        CliRun badRows =
                CliRun.of("add-contacts", "--campaign", finished, "--contacts", invalid.toString(), "--store", store);
        assertThat(badRows.exitCode()).isEqualTo(CampaignKitCli.EXIT_INVALID);
        assertThat(badRows.err()).contains("row 3, NOMBRE").contains("nothing was added");

        Path valid = tsv("valid.tsv", "+525533445566\tMar");
        CliRun toFinished =
                CliRun.of("add-contacts", "--campaign", finished, "--contacts", valid.toString(), "--store", store);
        assertThat(toFinished.exitCode()).isEqualTo(CampaignKitCli.EXIT_INVALID);
        assertThat(toFinished.err()).contains("a finished campaign takes no more contacts");
        assertThat(campaign(finished).get("audience").asLong()).isEqualTo(1);

        CliRun badOutcome =
                CliRun.of("retarget", "--campaign", finished, "--outcome", "failed,bounced", "--store", store);
        assertThat(badOutcome.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(badOutcome.err()).contains("'bounced' is not an outcome").contains("not-delivered");
        CliRun unknown = CliRun.of("retarget", "--campaign", "cli-nope", "--outcome", "failed", "--store", store);
        assertThat(unknown.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(unknown.err()).contains("no campaign cli-nope");
    }

    private CliRun serveFor(String duration) {
        CliRun serve = CliRun.of(
                "serve",
                "--store",
                store,
                "--channel",
                "simulated",
                "--simulate",
                "deliver=1,read=0,reply=0,seed=1",
                "--stop-after",
                duration);
        assertThat(serve.exitCode()).as(serve.err()).isZero();
        return serve;
    }

    private JsonNode campaign(String id) throws IOException {
        CliRun list = CliRun.of("list", "--store", store, "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        for (JsonNode campaign : new ObjectMapper().readTree(list.out())) {
            if (campaign.get("campaign").asText().equals(id)) {
                return campaign;
            }
        }
        throw new AssertionError("campaign " + id + " not listed: " + list.out());
    }

    private Path tsv(String name, String... rows) throws IOException {
        return Files.writeString(
                dir.resolve(name), "CONTACT\tNOMBRE\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("'%s' in: %s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
