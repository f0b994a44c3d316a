package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 3 on the command line: {@code run --local-hours [--zone-field FIELD]}. */
class LocalHoursCommandTest {

    @TempDir
    Path dir;

    private Path contacts;

    @BeforeEach
    void contacts() throws IOException {
        contacts = Files.writeString(dir.resolve("contacts.tsv"), """
                CONTACT\tNOMBRE\tZONA
                +525500998877\tCarlos\tAsia/Tokyo
                +34911234567\tAna\t
                +525522334455\tLuz\t
                """, StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunWithLocalHoursProjectsEachZone() {
        CliRun run = CliRun.of(args(
                "--dry-run",
                "--local-hours",
                "--zone-field",
                "ZONA",
                "--hours",
                "MON-SUN 08:00-21:00",
                "--store",
                "jdbc:h2:file:" + dir.resolve("ck").toAbsolutePath()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("would send: 3")
                .contains("local hours: each contact's own clock; by zone:")
                .containsPattern("  Asia/Tokyo: 1, start \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+09:00")
                // the numbers' countries' zones: Spain's and Mexico's several, read together
                .containsPattern("  Africa/Ceuta,Atlantic/Canary,Europe/Madrid: 1, start ")
                .containsPattern("  America/[^\\n]*America/Mexico_City[^\\n]*: 1, start ");
    }

    @Test
    void aRunWithLocalHoursSendsEveryoneInsideTheirHours() {
        // the report and the store in the test's folder, not the working directory
        CliRun run = CliRun.of(args(
                "--local-hours",
                "--zone-field",
                "ZONA",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--report",
                dir.resolve("report.csv").toString(),
                "--store",
                "jdbc:h2:file:" + dir.resolve("ck").toAbsolutePath()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("report.csv")).exists();
        assertThat(run.err()).contains("hours MON-SUN 00:00-24:00 local");
        assertThat(run.out()).containsPattern("sent\\s+3");
    }

    @Test
    void anInvalidZoneInTheFileRefusesTheLaunchNamingRowAndColumn() throws IOException {
        Files.writeString(contacts, "+525533445566\tEva\tHora del centro\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun run = CliRun.of(args("--local-hours", "--zone-field", "ZONA", "--hours", "MON-SUN 00:00-24:00"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("row 5, ZONA: INVALID_TIME_ZONE: C5: 'Hora del centro' is not a time zone id");
    }

    @Test
    void theZoneFieldGoesWithLocalHoursAndOneOfTheFields() {
        CliRun alone = CliRun.of(args("--zone-field", "ZONA"));
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.errLines()).singleElement().asString().contains("--zone-field goes with --local-hours");

        CliRun unknown = CliRun.of(args("--local-hours", "--zone-field", "ZONE"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .contains("--zone-field ZONE")
                .contains("--field ZONE:TEXT");
    }

    private String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--field",
                "ZONA:TEXT",
                "--text",
                "Hola {{1}}",
                "--param",
                "1=name",
                "--channel",
                "simulated",
                "--simulate",
                "deliver=1,read=0,reply=0,seed=1",
                "--zone",
                "UTC",
                "--rate",
                "50/s",
                "--wait",
                "1s"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }
}
