package io.campaignkit.cli.internal;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/** What every command shares: its output streams, the environment and the {@code --debug} switch. */
public final class CliContext {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;
    private volatile boolean debug;
    private volatile boolean interactive;
    private volatile boolean ownsProcess;

    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    public boolean debug() {
        return debug;
    }

    void debug(boolean debug) {
        this.debug = debug;
    }

    /**
     * Whether the program runs as a process on a terminal: it then draws a progress bar and
     * finishes a run cleanly on Ctrl-C. In-process runs (tests, embedding) draw plain lines.
     */
    public boolean interactive() {
        return interactive;
    }

    public void interactive(boolean interactive) {
        this.interactive = interactive;
    }

    /** Whether the program is its own process ({@code main}): a run then finishes cleanly on Ctrl-C. */
    public boolean ownsProcess() {
        return ownsProcess;
    }

    public void ownsProcess(boolean ownsProcess) {
        this.ownsProcess = ownsProcess;
    }
}
