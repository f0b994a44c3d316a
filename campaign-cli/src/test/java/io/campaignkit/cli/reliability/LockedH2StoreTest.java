package io.campaignkit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.cli.CampaignKitCli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 store file another process has open (a second campaignkit command on the default store, an
 * application): the command fails with exit 2 and one line that names the file and says what to do,
 * not H2's own message with its error code and lock details.
 */
class LockedH2StoreTest {

    @TempDir
    Path directory;

    @Test
    void aStoreFileInUseByAnotherProcessIsOneLineNamingTheFile() throws Exception {
        Path database = directory.resolve("store/campaignkit");
        String url = "jdbc:h2:file:" + database;
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        H2FileHolder.class.getName(),
                        url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS))
                    .isEqualTo("OPEN");

            StringWriter err = new StringWriter();
            int exit = CampaignKitCli.execute(
                    new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true),
                    Map.of(),
                    "list",
                    "--store",
                    url);

            assertThat(exit).isEqualTo(CampaignKitCli.EXIT_USAGE);
            assertThat(err.toString().lines().filter(line -> !line.isBlank()))
                    .singleElement()
                    .asString()
                    .contains(database + ".mv.db")
                    .contains("in use by another process")
                    .contains("wait until it ends, or give another --store")
                    .doesNotContain("90020", "Exception");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    private static String readLine(BufferedReader out) {
        try {
            return out.readLine();
        } catch (java.io.IOException failed) {
            return "failed: " + failed;
        }
    }
}
