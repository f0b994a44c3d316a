package io.campaignkit.report;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.RecipientReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report shows: the summary, the custom-data fields (the CSV's last columns, in order) and
 * the recipients, streamed.
 *
 * @param summary the campaign's figures
 * @param fields the custom-data field ids, in schema order
 * @param rows the recipients, handed over one at a time
 */
public record CampaignReport(ReportSummary summary, List<String> fields, ReportRowSource rows) {

    /** Recipients read from the engine's export per call: one page is all a report holds. */
    public static final int PAGE_SIZE = 500;

    /**
     * Checks and copies.
     *
     * @param summary see {@link #summary()}
     * @param fields see {@link #fields()}
     * @param rows see {@link #rows()}
     */
    public CampaignReport {
        Objects.requireNonNull(summary, "summary");
        fields = List.copyOf(fields);
        Objects.requireNonNull(rows, "rows");
    }

    /**
     * The report of a stored campaign: its live metrics now, and its recipients read from
     * {@link CampaignEngine#export} a page at a time each time a writer walks them.
     *
     * @param engine the engine that runs (or ran) the campaign
     * @param id the campaign
     * @param generatedAt when the report is made, shown in it
     * @return the report; nothing is read until a writer walks the rows
     * @throws InvalidArgumentException {@code id} when the engine's store has no such campaign
     */
    public static CampaignReport of(CampaignEngine engine, CampaignId id, Instant generatedAt) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Campaign campaign = engine.find(id)
                .orElseThrow(() ->
                        new InvalidArgumentException("id", "no campaign '" + id.value() + "' in the engine's store"));
        return new CampaignReport(
                ReportSummary.of(engine.metrics(id), campaign, Optional.of(generatedAt)),
                campaign.configuration().schema().fields().stream()
                        .map(FieldDefinition::id)
                        .toList(),
                action -> {
                    long after = -1;
                    while (true) {
                        List<RecipientReport> page = engine.export(id, after, PAGE_SIZE);
                        if (page.isEmpty()) {
                            return;
                        }
                        page.forEach(line -> action.accept(ReportRow.of(line)));
                        after = page.get(page.size() - 1).recipient().sequence();
                    }
                });
    }
}
