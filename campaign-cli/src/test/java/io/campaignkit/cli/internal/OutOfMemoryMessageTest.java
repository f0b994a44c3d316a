package io.campaignkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.cli.CampaignKitCli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An import that runs out of memory all the same ends the program with one line that says so and
 * how much heap to give, and exit 2 (issue 14, item 8). A child JVM that really runs out of memory
 * proved the path but is not a dependable test: a JVM out of memory may also hang.
 */
class OutOfMemoryMessageTest {

    @Test
    void oneLineWithTheHeapToGiveAndExitTwo() {
        CliException failure = AudienceFiles.outOfMemory(Path.of("big.tsv"), new OutOfMemoryError("Java heap space"));

        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        assertThat(failure.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(failure.getMessage())
                .startsWith("'big.tsv': the import ran out of memory")
                .contains("at most " + maxMiB + " MiB")
                .contains("java -Xmx")
                .contains("JAVA_TOOL_OPTIONS=-Xmx")
                .doesNotContain("\n")
                .doesNotContain("OutOfMemoryError");
        String flag = failure.getMessage().replaceAll(".*java -Xmx(\\d+)([mg]).*", "$1$2");
        long suggestedMiB = flag.endsWith("g")
                ? Long.parseLong(flag.substring(0, flag.length() - 1)) * 1024
                : Long.parseLong(flag.substring(0, flag.length() - 1));
        assertThat(suggestedMiB).isGreaterThan(maxMiB).isGreaterThanOrEqualTo(256);
    }
}
