package io.campaignkit.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format, streaming its rows. */
interface ReportWriter {

    void write(CampaignReport report, Writer out) throws IOException;
}
