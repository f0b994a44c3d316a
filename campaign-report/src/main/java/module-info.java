/**
 * A campaign's report (CSV, JSON, HTML), written as the engine's export is read, page by page.
 */
module io.campaignkit.report {
    requires static org.jspecify;
    // CampaignReport.of takes the engine and the campaign id
    requires transitive io.campaignkit.core;
    requires com.fasterxml.jackson.core;

    exports io.campaignkit.report;
}
