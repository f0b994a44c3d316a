package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, item 2 on the command line: {@code run ... --test} sends the message to test numbers only. */
class TestSendCommandTest {

    @TempDir
    Path dir;

    private Path contacts;
    private String store;

    @BeforeEach
    void contactsAndStore() throws IOException {
        contacts = Files.writeString(dir.resolve("contacts.tsv"), """
                CONTACT\tNOMBRE
                +525500998877\tCarlos
                +525511223344\tAna
                +525522334455\tLuz
                """, StandardCharsets.UTF_8);
        store = "jdbc:h2:file:" + dir.resolve("db/campaignkit");
    }

    @Test
    void aTestSendReachesOnlyTheTestNumbersAndTheCampaignStaysReady() {
        CliRun test = run("--test", "+525500998877,+525522334455");

        assertThat(test.exitCode()).as(test.err()).isZero();
        assertThat(test.out())
                .containsPattern("test \\+525500998877 (SENT|DELIVERED)")
                .containsPattern("test \\+525522334455 (SENT|DELIVERED)")
                .doesNotContain("+525511223344");
        CliRun list = CliRun.of("list", "--store", store);
        assertThat(list.out().lines().filter(line -> line.contains(" READY ")).toList())
                .singleElement()
                .satisfies(
                        line -> assertThat(line.split("\\s+")[2]).as("audience").isEqualTo("0"));
        assertThat(list.out()
                        .lines()
                        .filter(line -> line.contains(" FINISHED ") && line.contains("(test)"))
                        .toList())
                .singleElement()
                .satisfies(line -> assertThat(line.split("\\s+")[3]).as("sent").isEqualTo("2"));
    }

    @Test
    void aTestNumberOutsideTheContactFileIsRefusedByName() {
        CliRun test = run("--test", "+525500998877,+525599999999");

        assertThat(test.exitCode()).isEqualTo(CampaignKitCli.EXIT_INVALID);
        assertThat(test.err()).contains("+525599999999", "contact file");
    }

    @Test
    void aTestIsSentNowAndCannotBeScheduled() {
        CliRun both = run("--test", "+525500998877", "--start-at", "2030-01-01T09:00");

        assertThat(both.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(both.err()).contains("--start-at and --test");
    }

    private CliRun run(String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
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
                "--store",
                store));
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }
}
