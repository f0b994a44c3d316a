package io.campaignkit.cli.internal;

import io.campaignkit.cli.internal.report.ReportFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit report --campaign ID [--store JDBC_URL] --format csv|json|html --output FILE}.
 * It reads a stored campaign, so it needs the JDBC store, which is not available yet: it refuses
 * with a message that says so and how to get a report today.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Export a stored campaign's report (needs the JDBC store: not available yet).")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--campaign", required = true, paramLabel = "ID", description = "The campaign's id.")
    String campaign;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The campaign store.")
    String store;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, json or html.")
    ReportFormat format;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The file to write.")
    Path output;

    public ReportCommand(CliContext context) {
        // the context is unused until the store exists; the constructor keeps every command alike
    }

    @Override
    public Integer call() {
        StoreOption.refuseIfGiven(store);
        throw StoreOption.noStoreFor("report");
    }
}
