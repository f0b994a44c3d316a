package io.campaignkit.cli.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The formats of {@code campaignkit report --format}. */
public enum ReportFormat {
    CSV(new CsvReportWriter()),
    JSON(new JsonReportWriter()),
    HTML(new HtmlReportWriter());

    private final ReportWriter writer;

    ReportFormat(ReportWriter writer) {
        this.writer = writer;
    }

    public void write(CampaignReport report, Writer out) throws IOException {
        writer.write(report, out);
    }

    /** The file extension, also the name of the format on the command line. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
