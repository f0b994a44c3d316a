package io.campaignkit.cli.internal.report;

import java.util.List;
import java.util.Objects;

/**
 * What a report shows: the summary, the custom-data fields (the CSV's last columns, in order) and
 * the recipients, streamed.
 */
public record CampaignReport(ReportSummary summary, List<String> fields, ReportRowSource rows) {

    public CampaignReport {
        Objects.requireNonNull(summary, "summary");
        fields = List.copyOf(fields);
        Objects.requireNonNull(rows, "rows");
    }
}
