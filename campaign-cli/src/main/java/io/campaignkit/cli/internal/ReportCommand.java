package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.report.CampaignReport;
import io.campaignkit.report.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit report --campaign ID [--store JDBC_URL] --format csv|json|html --output FILE}:
 * reads a stored campaign and writes the report {@code run} writes, its recipients streamed page by
 * page from the store.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Export a stored campaign's report in CSV, JSON or HTML.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the report was written",
            "1:the report file could not be written",
            "2:usage error, unknown campaign id, or a store that cannot be opened"
        })
public final class ReportCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(
            names = "--campaign",
            required = true,
            paramLabel = "ID",
            description = "The campaign's id (campaignkit list shows them).")
    String campaign;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = CliStore.OPTION_HELP)
    String store;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, json or html.")
    ReportFormat format;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The file to write.")
    Path output;

    public ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CampaignId id = campaignId(campaign);
        String url = CliStore.url(store, context);
        CliStore cliStore = CliStore.openExisting(url, context)
                .orElseThrow(() -> unknown(id, CliStore.redact(url) + " (no database there yet)"));
        try (cliStore) {
            Campaign found = cliStore.store().find(id).orElseThrow(() -> unknown(id, cliStore.shownUrl()));
            CampaignReport report = StoreReports.report(cliStore.store(), found, Instant.now());
            write(report);
            SummaryPrinter.print(context.out(), report.summary());
        }
        context.out().println("report: " + output.toAbsolutePath().normalize());
        context.out().flush();
        return CampaignKitCli.EXIT_OK;
    }

    private static CliException unknown(CampaignId id, String where) {
        return CliException.usage(
                "no campaign '" + id.value() + "' in " + where + "; 'campaignkit list' shows the stored campaigns");
    }

    private static CampaignId campaignId(String text) {
        try {
            return CampaignId.of(text.strip());
        } catch (InvalidArgumentException bad) {
            throw CliException.usage("bad --campaign '" + text + "': " + bad.getMessage(), bad);
        }
    }

    private void write(CampaignReport report) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                format.write(report, out);
            }
        } catch (IOException e) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID, "cannot write the report '" + output + "': " + e.getMessage(), e);
        }
    }
}
