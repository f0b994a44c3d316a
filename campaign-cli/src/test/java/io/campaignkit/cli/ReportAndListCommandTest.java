package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code report} and {@code list} read the JDBC store, which does not exist yet: they parse their
 * options exactly as specified and refuse with one line that says why and what to do instead.
 */
class ReportAndListCommandTest {

    @Test
    void reportParsesItsOptionsAndSaysTheStoreIsNotAvailableYet() {
        for (String format : new String[] {"csv", "json", "html"}) {
            CliRun run = CliRun.of("report", "--campaign", "cli-1", "--format", format, "--output", "out." + format);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).singleElement().asString().contains("not available yet").contains("--report");
        }
    }

    @Test
    void reportRefusesAnExplicitStoreAndBadFormats() {
        CliRun store = CliRun.of("report", "--campaign", "c", "--store", "jdbc:h2:./db", "--format", "csv",
                "--output", "x.csv");
        CliRun format = CliRun.of("report", "--campaign", "c", "--format", "pdf", "--output", "x.pdf");
        CliRun missing = CliRun.of("report", "--format", "csv", "--output", "x.csv");

        assertThat(store.exitCode()).isEqualTo(2);
        assertThat(store.errLines()).singleElement().asString().contains("--store");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.errLines()).singleElement().asString().contains("pdf");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("--campaign");
    }

    @Test
    void listSaysTheStoreIsNotAvailableYet() {
        CliRun run = CliRun.of("list");
        CliRun withStore = CliRun.of("list", "--store", "jdbc:h2:./db");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("not available yet");
        assertThat(withStore.exitCode()).isEqualTo(2);
        assertThat(withStore.errLines()).singleElement().asString().contains("--store");
    }

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate").contains("run").contains("demo").contains("report").contains("list");
    }
}
