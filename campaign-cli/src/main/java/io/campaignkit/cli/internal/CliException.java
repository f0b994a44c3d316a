package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;

/**
 * A failure to report in one line, with the exit code it deserves. The message says what went
 * wrong and, where there is one, how to fix it.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error: bad option, unreadable file, missing credential. */
    public static CliException usage(String message) {
        return new CliException(CampaignKitCli.EXIT_USAGE, message);
    }

    public static CliException usage(String message, Throwable cause) {
        return new CliException(CampaignKitCli.EXIT_USAGE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
