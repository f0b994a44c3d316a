package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Apache POI's Log4j API calls reach SLF4J, the program's one logging API, and the program keeps
 * them off the terminal unless {@code --debug} (issue 14, items 11 and 26). Run in a child JVM:
 * logging is configured once per JVM.
 */
class LoggingRouteTest {

    @Test
    void poisErrorsAreSilentWhileTheProgramsOwnErrorsStillShow() throws Exception {
        String err = runChild(false);

        assertThat(err)
                .doesNotContain("POI noise")
                .doesNotContain("StatusLogger")
                .contains("our own error");
    }

    @Test
    void theStorePoolsErrorsAreSilentUnlessDebug() throws Exception {
        // HikariCP logs a database it cannot open as an ERROR with a stack trace; the command says it in one line
        assertThat(runChild(false)).doesNotContain("pool noise");
        assertThat(runChild(true)).contains("ERROR com.zaxxer.hikari.pool.HikariPool - pool noise");
    }

    @Test
    void debugShowsPoisLogsThroughSlf4j() throws Exception {
        String err = runChild(true);

        // slf4j-simple's layout: the log line went through SLF4J, not through a Log4j logger of its own
        assertThat(err)
                .contains("ERROR org.apache.poi.xssf.usermodel.XSSFWorkbook - POI noise")
                .doesNotContain("StatusLogger");
    }

    private static String runChild(boolean debug) throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoggingRouteMain.class.getName(),
                        String.valueOf(debug)))
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }
}
