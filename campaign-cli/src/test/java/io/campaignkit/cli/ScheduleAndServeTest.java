package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 1 on the command line, with real processes on one embedded H2 file: {@code run
 * --start-at} waits and, stopped, leaves its campaign scheduled; {@code list}, {@code schedule} and
 * {@code unschedule} work from another process while a run or serve holds the file (H2's mixed
 * mode); {@code serve} launches the scheduled campaign at its start, reading its contact file again.
 */
@DisabledOnOs(OS.WINDOWS) // destroy() is not a signal there
class ScheduleAndServeTest {

    private static final Pattern SCHEDULED = Pattern.compile("campaign (\\S+) is SCHEDULED to start at");

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
    void aRunStoppedBeforeItsStartLeavesItScheduledAndServeLaunchesItAtTheStart() throws Exception {
        Instant farStart = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Program run = Program.start(
                dir,
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
                "--start-at",
                farStart.toString(),
                "--zone",
                "UTC",
                "--store",
                store);
        String id;
        try {
            Matcher scheduled = run.awaitLine(SCHEDULED);
            id = scheduled.group(1);
            // the run holds the H2 file; another process reads and changes it
            CliRun listed = CliRun.of("list", "--store", store);
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            assertThat(listed.out()).contains(id).contains("SCHEDULED").contains("(starts " + farStart + ")");
            run.stop(); // the exit status of a process ended by SIGTERM is 143, whatever it printed
            assertThat(run.err()).contains("stays SCHEDULED", "campaignkit unschedule --campaign " + id);
        } finally {
            run.kill();
        }

        CliRun unscheduled = CliRun.of("unschedule", "--campaign", id, "--store", store);
        assertThat(unscheduled.exitCode()).as(unscheduled.err()).isZero();
        assertThat(CliRun.of("list", "--store", store).out()).contains("READY").doesNotContain("SCHEDULED");
        assertThat(CliRun.of("unschedule", "--campaign", id, "--store", store).exitCode())
                .as("not scheduled any more")
                .isEqualTo(CampaignKitCli.EXIT_INVALID);

        Program serve = Program.start(
                dir,
                "serve",
                "--store",
                store,
                "--channel",
                "simulated",
                "--simulate",
                "deliver=1,read=0,reply=0,seed=1",
                "--webhook-port",
                "0");
        try {
            serve.awaitLine(Pattern.compile("serving .* Ctrl-C stops"));
            // far enough ahead that the schedule command (opening the store) comes before it on a loaded machine
            Instant start = Instant.now()
                    .plusSeconds(10)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .plusSeconds(1);
            CliRun scheduled =
                    CliRun.of("schedule", "--campaign", id, "--start-at", start.toString(), "--store", store);
            assertThat(scheduled.exitCode()).as(scheduled.err()).isZero();

            serve.awaitLine(Pattern.compile("launched campaign " + Pattern.quote(id)));
            String[] line = awaitListLine(id, "3");
            assertThat(line[1]).isEqualTo("ACTIVE");
            assertThat(line[3]).as("sent").isEqualTo("3");
            CliRun report = CliRun.of(
                    "report",
                    "--campaign",
                    id,
                    "--store",
                    store,
                    "--format",
                    "csv",
                    "--output",
                    dir.resolve("report.csv").toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(Files.readAllLines(dir.resolve("report.csv"))).hasSize(4);
            serve.stop();
            assertThat(serve.err()).contains("stopping");
        } finally {
            serve.kill();
        }
    }

    @Test
    void scheduleRefusesWhatCannotBeScheduledNamingTheProblem() {
        assertThat(CliRun.of("schedule", "--campaign", "nowhere", "--start-at", "2030-01-01T09:00", "--store", store)
                        .err())
                .contains("no campaign nowhere");
        CliRun bad = CliRun.of("schedule", "--campaign", "x", "--start-at", "mañana", "--store", store);
        assertThat(bad.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(bad.err()).contains("--start-at", "2026-12-24T09:00");
        CliRun past = CliRun.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--text",
                "Hola",
                "--channel",
                "simulated",
                "--start-at",
                "2020-01-01T09:00",
                "--store",
                store);
        assertThat(past.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(past.err()).contains("has passed");
    }

    /** Polls {@code list} from this process until the campaign's line shows the audience. */
    private String[] awaitListLine(String id, String audience) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String[] fields = new String[0];
        while (System.nanoTime() < deadline) {
            CliRun list = CliRun.of("list", "--store", store);
            assertThat(list.exitCode()).as(list.err()).isZero();
            for (String line : list.out().lines().toList()) {
                if (line.startsWith(id)) {
                    fields = line.split("\\s+");
                }
            }
            if (fields.length > 3 && fields[2].equals(audience) && fields[3].equals(audience)) {
                return fields;
            }
            Thread.onSpinWait();
            new CompletableFuture<Void>()
                    .completeOnTimeout(null, 200, TimeUnit.MILLISECONDS)
                    .join();
        }
        throw new AssertionError(
                "campaign " + id + " never listed with audience " + audience + ": " + String.join(" ", fields));
    }

    /** The program in a process of its own, as a user runs it. */
    private static final class Program {
        private final Process process;
        private final BufferedReader err;
        private final List<String> errLines = new ArrayList<>();
        private final CompletableFuture<String> out;

        private Program(Process process) {
            this.process = process;
            this.err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            this.out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
        }

        static Program start(Path dir, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    CampaignKitCli.class.getName()));
            command.addAll(List.of(args));
            return new Program(
                    new ProcessBuilder(command).directory(dir.toFile()).start());
        }

        /** Reads stderr until a line matches (at most a minute). */
        Matcher awaitLine(Pattern pattern) throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                        try {
                            for (String line = err.readLine(); line != null; line = err.readLine()) {
                                errLines.add(line);
                                Matcher matcher = pattern.matcher(line);
                                if (matcher.find()) {
                                    return matcher;
                                }
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        throw new AssertionError("the program ended without printing " + pattern + ": " + errLines);
                    })
                    .get(60, TimeUnit.SECONDS);
        }

        /** SIGTERM, as Ctrl-C: the program's shutdown hook runs. */
        void stop() throws Exception {
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the program exited")
                    .isTrue();
            err.lines().forEach(errLines::add);
        }

        String err() {
            return String.join("\n", errLines) + "\n" + out.getNow("");
        }

        void kill() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
