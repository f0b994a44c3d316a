package io.campaignkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the program, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return withEnv(Map.of(), args);
    }

    static CliRun withEnv(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CampaignKitCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), environment, args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** The lines of stderr, without blank ones. */
    java.util.List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }
}
