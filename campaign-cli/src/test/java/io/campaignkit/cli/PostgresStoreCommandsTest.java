package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store jdbc:postgresql://…}: a run kept in a real PostgreSQL (embedded, from Maven), then
 * listed and reported by later invocations, the URL's password never shown.
 */
@EnabledOnOs(OS.LINUX) // the embedded binaries on the test classpath are linux-amd64's
class PostgresStoreCommandsTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRunIsKeptInPostgresqlAndReadBackByListAndReport() throws IOException {
        // the embedded server trusts local connections: the password is there to be masked
        String store = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres&password=secret";
        Path contacts = Files.writeString(dir.resolve("contacts.tsv"), """
                CONTACT\tNOMBRE
                +525500998877\tCarlos
                +525511223344\tAna
                """, StandardCharsets.UTF_8);

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
                "--rate",
                "50/s",
                "--wait",
                "1s",
                "--store",
                store,
                "--report",
                dir.resolve("run.csv").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("secret").contains("password=***");
        Matcher launched = Pattern.compile("launched campaign (\\S+) in ").matcher(run.err());
        assertThat(launched.find()).as(run.err()).isTrue();
        String id = launched.group(1);

        CliRun list = CliRun.of("list", "--store", store, "--json");
        Path csv = dir.resolve("report.csv");
        CliRun report =
                CliRun.of("report", "--campaign", id, "--store", store, "--format", "csv", "--output", csv.toString());

        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode listed = new ObjectMapper().readTree(list.out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("campaign").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("audience").asLong()).isEqualTo(2);
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(dir.resolve("run.csv")));
    }
}
