package io.campaignkit.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/**
 * The report formats. Each writes the whole report to a {@link Writer}, walking the recipients as it
 * goes (the HTML page walks them once to draw its charts); the caller opens and closes the writer.
 */
public enum ReportFormat {
    /** One line per recipient (RFC 4180, CRLF), the fixed columns then one per custom-data field. */
    CSV(new CsvReportWriter()),
    /** One JSON object: {@code summary}, {@code fields}, then {@code recipients}. */
    JSON(new JsonReportWriter()),
    /** One self-contained HTML page: figures, the delivery funnel, sends over time, failure reasons. */
    HTML(new HtmlReportWriter());

    private final ReportWriter writer;

    ReportFormat(ReportWriter writer) {
        this.writer = writer;
    }

    /**
     * Writes the report in this format.
     *
     * @param report the report
     * @param out where to write; flushed, not closed
     * @throws IOException when {@code out} fails
     */
    public void write(CampaignReport report, Writer out) throws IOException {
        writer.write(report, out);
    }

    /** The file extension, also the name of the format on the command line. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a file name asks for by its extension, in any case ({@code report.HTML}).
     *
     * @param fileName the file name
     * @return the format, or empty for any other extension
     */
    public static Optional<ReportFormat> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (name.endsWith("." + format.extension())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
