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

/** A run whose fields are written for people; a format on the wrong kind of field stops it before anything is sent. */
class FormattedParamRunTest {

    @TempDir
    Path dir;

    private Path contacts;

    @BeforeEach
    void contacts() throws IOException {
        contacts = Files.writeString(dir.resolve("contacts.tsv"), """
                CONTACT\tNOMBRE\tMONTO\tVENCE
                +525500998877\tCarlos\t1500.5\t2026-12-15
                +525511223344\tAna\t99.5\t2027-01-02
                """, StandardCharsets.UTF_8);
    }

    @Test
    void aRunWithCurrencyAndDateFormatsSendsEveryone() {
        CliRun run = CliRun.of(args(
                "--param",
                "2=field:MONTO|currency:es-MX:MXN",
                "--param",
                "3=field:VENCE|date:es-MX:d 'de' MMMM 'de' yyyy"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("sent\\s+2");
    }

    @Test
    void aNumberFormatOnATextFieldIsRefusedBeforeAnythingIsSent() {
        CliRun run = CliRun.of(args("--param", "2=field:NOMBRE|number:es-MX:2", "--param", "3=field:VENCE"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("FORMAT_MISMATCH").contains("NOMBRE");
        assertThat(run.out()).doesNotContain("FINISHED");
    }

    @Test
    void aFormatThatCannotBeReadIsAUsageErrorQuotingTheParam() {
        CliRun run = CliRun.of(args("--param", "2=field:MONTO|currency:es-MX:PESOS", "--param", "3=field:VENCE"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("2=field:MONTO|currency:es-MX:PESOS").contains("ISO 4217");
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
                "--field",
                "VENCE:DATE",
                "--text",
                "Hola {{1}}, debes {{2}} antes del {{3}}",
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
                "--report",
                dir.resolve("report.csv").toString()));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }
}
