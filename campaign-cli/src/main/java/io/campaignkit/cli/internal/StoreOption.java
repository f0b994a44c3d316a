package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;

/**
 * {@code --store JDBC_URL}. The JDBC store (campaign-store-jdbc, H2 by default) is not available in
 * this version: runs keep their campaign in memory for their own duration, so the option is read
 * and refused with a clear message rather than silently ignored.
 */
final class StoreOption {

    static final String NOT_AVAILABLE = "the JDBC store is not available yet in this version of campaignkit "
            + "(it comes with campaign-store-jdbc)";

    private StoreOption() {}

    /** Refuses an explicit {@code --store}. */
    static void refuseIfGiven(String jdbcUrl) {
        if (jdbcUrl != null) {
            throw new CliException(CampaignKitCli.EXIT_USAGE, "--store " + redact(jdbcUrl) + ": " + NOT_AVAILABLE
                    + "; run without --store: the campaign then lives in memory while the command runs, and "
                    + "--report writes its report");
        }
    }

    /** Commands that only read a store ({@code report}, {@code list}) have nothing to read without it. */
    static CliException noStoreFor(String command) {
        return new CliException(CampaignKitCli.EXIT_USAGE, command + " reads campaigns from a store, and "
                + NOT_AVAILABLE + "; use 'campaignkit run … --report FILE' (or demo) to get a campaign's report");
    }

    /** A JDBC URL may carry a password: show only up to its parameters. */
    static String redact(String jdbcUrl) {
        int cut = indexOfAny(jdbcUrl, '?', ';', '@');
        return cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut) + "…";
    }

    private static int indexOfAny(String text, char... chars) {
        int first = -1;
        for (char c : chars) {
            int at = text.indexOf(c);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
