package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 4: {@code run --dry-run} says what the run would do, and sends, engages and keeps nothing. */
class DryRunCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDryRunPrintsThePlanAndLeavesTheStoreEmpty() throws IOException {
        Path contacts = Files.writeString(dir.resolve("contacts.tsv"), """
                CONTACT\tNOMBRE\tMONTO
                +525500998877\tCarlos\t1200
                +525511223344\tAna\t99.5
                +525522334455\tLuz\t10
                """, StandardCharsets.UTF_8);
        String store = "jdbc:h2:file:" + dir.resolve("ck").toAbsolutePath();
        // a one-hour window that opens two hours from now, so the projected start is its opening
        int hour =
                ZonedDateTime.now(ZoneId.of("America/Mexico_City")).plusHours(2).getHour();
        String window = String.format("MON-SUN %02d:00-%02d:00", hour, hour + 1);

        CliRun run = CliRun.of(
                "run",
                "--dry-run",
                "--contacts",
                contacts.toString(),
                "--store",
                store,
                "--field",
                "NOMBRE:TEXT",
                "--field",
                "MONTO:NUMBER",
                "--text",
                "Hola {{1}}, su saldo de {{2}} vence mañana. ¿Pagará hoy?",
                "--param",
                "1=name",
                "--param",
                "2=field:MONTO",
                "--channel",
                "simulated",
                "--hours",
                window,
                "--zone",
                "America/Mexico_City",
                "--rate",
                "1/s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("dry run: nothing sent, no contact engaged, nothing kept")
                .contains("would send: 3 on simulated")
                .contains("pace: 1/s")
                .contains("hours: ")
                .contains("America/Mexico_City")
                .containsPattern(
                        "projected start: \\d{4}-\\d\\d-\\d\\d " + String.format("%02d", hour) + ":00:00 -06:00")
                .containsPattern(
                        "projected finish: \\d{4}-\\d\\d-\\d\\d " + String.format("%02d", hour) + ":00:0[0-2] -06:00")
                // "¿Pagará" has an á, which GSM-7 lacks: each message is UCS-2, one segment
                .contains("SMS: 3 segments (0 messages in GSM-7, 3 in UCS-2; at most 1 segments a message)");
        assertThat(run.out()).doesNotContain("FINISHED");

        CliRun list = CliRun.of("list", "--store", store, "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(new ObjectMapper().readTree(list.out())).isEmpty();
    }
}
