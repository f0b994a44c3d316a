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
}
