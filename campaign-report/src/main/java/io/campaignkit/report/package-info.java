/**
 * Campaign reports for people and spreadsheets. Build a {@link io.campaignkit.report.CampaignReport}
 * from the engine ({@link io.campaignkit.report.CampaignReport#of}) and write it with a
 * {@link io.campaignkit.report.ReportFormat}: the recipients are read from the engine's export a page
 * at a time while the file is written, so a report of a million recipients holds one page in memory.
 *
 * <pre>{@code
 * CampaignReport report = CampaignReport.of(engine, campaignId, Instant.now());
 * try (Writer out = Files.newBufferedWriter(Path.of("report.html"))) {
 *     ReportFormat.HTML.write(report, out);
 * }
 * }</pre>
 */
@NullMarked
package io.campaignkit.report;

import org.jspecify.annotations.NullMarked;
