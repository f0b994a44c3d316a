package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGTERM here; both run the JVM's shutdown hooks) in the middle of a run: the program stops
 * sending, records what was in flight, finishes the campaign and writes the report; no recipient is
 * left pending or sending.
 */
class StopCleanlyTest {

    private static final int CONTACTS = 20;
    private static final Pattern PROGRESS = Pattern.compile("progress: (\\d+)/" + CONTACTS + " handled");

    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(OS.WINDOWS) // destroy() is not a signal there
    void aStoppedRunFinishesTheCampaignAndWritesTheReport() throws Exception {
        StringBuilder rows = new StringBuilder("CONTACT\n");
        for (int i = 0; i < CONTACTS; i++) {
            rows.append("+5255").append(20_000_000 + i).append('\n');
        }
        Path contacts = Files.writeString(dir.resolve("contacts.tsv"), rows);
        Path report = dir.resolve("report.csv");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CampaignKitCli.class.getName(),
                        "run",
                        "--contacts",
                        contacts.toString(),
                        "--text",
                        "Hola",
                        "--channel",
                        "simulated",
                        "--simulate",
                        "deliver=1,read=0,reply=0",
                        "--rate",
                        "2/s",
                        "--hours",
                        "MON-SUN 00:00-24:00",
                        "--zone",
                        "UTC",
                        "--wait",
                        "1m",
                        "--report",
                        report.toString(),
                        "--store",
                        "jdbc:h2:file:" + dir.resolve("db/campaignkit"))
                .start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        String stderr;
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            CompletableFuture<Boolean> someSent = CompletableFuture.supplyAsync(() -> awaitHandled(err, 2));
            assertThat(someSent.get(60, TimeUnit.SECONDS))
                    .as("the run sent to 2 contacts")
                    .isTrue();

            // SIGTERM through the handle: Process.destroy() would also close our end of the pipes
            process.toHandle().destroy();

            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the program exited")
                    .isTrue();
            stderr = err.lines().collect(java.util.stream.Collectors.joining("\n"));
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        String out = stdout.get(10, TimeUnit.SECONDS);
        assertThat(out)
                .as(stderr)
                .contains("FINISHED on simulated")
                .containsPattern("audience\\s+" + CONTACTS)
                .contains("CAMPAIGN_FINISHED");
        List<String> csv = Files.readAllLines(report);
        assertThat(csv).hasSize(CONTACTS + 1);
        List<String> statuses = csv.subList(1, csv.size()).stream()
                .map(line -> line.split(",")[1])
                .toList();
        assertThat(statuses).doesNotContain("PENDING", "SENDING").contains("SKIPPED");
        assertThat(statuses).anyMatch(status -> status.equals("SENT") || status.equals("DELIVERED"));
        assertThat(csv)
                .filteredOn(line -> line.contains(",SKIPPED,"))
                .allMatch(line -> line.contains(",CAMPAIGN_FINISHED,"));
    }

    private static boolean awaitHandled(BufferedReader err, int handled) {
        try {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                Matcher progress = PROGRESS.matcher(line);
                if (progress.find() && Integer.parseInt(progress.group(1)) >= handled) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
