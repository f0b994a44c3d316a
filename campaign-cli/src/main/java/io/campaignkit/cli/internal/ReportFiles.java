package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.report.CampaignReport;
import io.campaignkit.report.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a report to a file in the format its extension names. */
final class ReportFiles {

    private ReportFiles() {}

    static void write(CampaignReport report, Path file) {
        ReportFormat format = formatOf(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                format.write(report, out);
            }
        } catch (IOException e) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID, "cannot write the report '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * The format of a report file, by its extension.
     *
     * @throws CliException a usage error for any other extension
     */
    static ReportFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ReportFormat format : ReportFormat.values()) {
            if (name.endsWith("." + format.extension())) {
                return format;
            }
        }
        throw CliException.usage("report file '" + file + "' must end in .csv, .json or .html");
    }
}
