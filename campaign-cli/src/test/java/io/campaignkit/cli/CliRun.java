package io.campaignkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One in-process run of the program, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static final String STORE_VARIABLE = "CAMPAIGNKIT_STORE";
    private static final AtomicInteger RUNS = new AtomicInteger();

    static CliRun of(String... args) {
        return withEnv(Map.of(), args);
    }

    /**
     * Runs the program; unless the environment names a store, {@code run} keeps its campaign in a
     * fresh in-memory H2 database of its own rather than in the working directory.
     */
    static CliRun withEnv(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> withStore = new HashMap<>(environment);
        withStore.putIfAbsent(STORE_VARIABLE, "jdbc:h2:mem:cli-run-" + RUNS.incrementAndGet());
        int exitCode = CampaignKitCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), withStore, args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** The lines of stderr, without blank ones. */
    java.util.List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }
}
