package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A first word that names no command is a usage error that says which commands there are. */
class UnknownCommandTest {

    @Test
    void anUnknownCommandIsNamedWithTheKnownOnesAndExitsTwo() {
        CliRun run = CliRun.of("deploy");

        assertThat(run.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("unknown command 'deploy'")
                .contains("validate, run, demo, report, list, schedule, unschedule, serve, retarget or add-contacts");
        assertThat(run.out()).as("no help on stdout").isEmpty();
    }

    @Test
    void aMisspelledCommandGetsASuggestion() {
        CliRun run = CliRun.of("valdate", "contacts.tsv");

        assertThat(run.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("unknown command 'valdate'")
                .contains("did you mean validate?");
    }

    @Test
    void anUnknownTopLevelOptionIsStillCalledAnOption() {
        CliRun run = CliRun.of("--bogus");

        assertThat(run.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("--bogus")
                .doesNotContain("unknown command");
    }

    @Test
    void noCommandAtAllListsTheKnownOnesToo() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains(
                        "a command is missing: validate, run, demo, report, list, schedule, unschedule, serve, retarget or add-contacts");
    }
}
