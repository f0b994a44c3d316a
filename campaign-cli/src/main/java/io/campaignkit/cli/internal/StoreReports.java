package io.campaignkit.cli.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.RecipientReport;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.report.CampaignReport;
import io.campaignkit.report.ReportRow;
import io.campaignkit.report.ReportRowSource;
import io.campaignkit.report.ReportSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link CampaignReport} from the store, reading recipients page by page: the same report
 * whether a run just finished or {@code report} reads a campaign stored long ago.
 */
final class StoreReports {

    static final int PAGE_SIZE = 500;

    private StoreReports() {}

    static <S extends RecipientStore & TrackingStore> CampaignReport report(S store, Campaign campaign, Instant now) {
        return report(store, campaign, now, PAGE_SIZE);
    }

    /** The report, reading {@code pageSize} recipients at a time. */
    static <S extends RecipientStore & TrackingStore> CampaignReport report(
            S store, Campaign campaign, Instant now, int pageSize) {
        return new CampaignReport(
                summary(metrics(store, campaign), campaign, Optional.of(now)),
                campaign.configuration().schema().fields().stream()
                        .map(FieldDefinition::id)
                        .toList(),
                rows(store, campaign, pageSize));
    }

    /** The campaign's figures as the engine computes them, straight from the store. */
    static <S extends RecipientStore & TrackingStore> CampaignMetrics metrics(S store, Campaign campaign) {
        return CampaignMetrics.of(campaign.id(), store.counts(campaign.id()), store.funnelCounts(campaign.id()));
    }

    static ReportSummary summary(CampaignMetrics metrics, Campaign campaign, Optional<Instant> generatedAt) {
        return ReportSummary.of(metrics, campaign, generatedAt);
    }

    private static <S extends RecipientStore & TrackingStore> ReportRowSource rows(
            S store, Campaign campaign, int pageSize) {
        if (store
                instanceof
                io.campaignkit.store.jdbc.JdbcCampaignStore jdbc) { // one streamed query, not one per recipient
            return action -> jdbc.exportRecipients(
                    campaign.id(), (recipient, steps) -> action.accept(row(campaign, recipient, steps)));
        }
        return action -> {
            long after = -1;
            while (true) {
                List<Recipient> page = store.findRecipients(campaign.id(), after, pageSize);
                if (page.isEmpty()) {
                    return;
                }
                for (Recipient recipient : page) {
                    action.accept(
                            row(campaign, recipient, store.funnelSteps(recipient.campaignId(), recipient.phone())));
                }
                after = page.get(page.size() - 1).sequence();
            }
        };
    }

    /** A recipient's row without its campaign's configuration (no channel named). */
    static ReportRow row(Recipient recipient, TrackingStore tracking) {
        return ReportRow.of(
                new RecipientReport(recipient, tracking.funnelSteps(recipient.campaignId(), recipient.phone())));
    }

    /** A recipient's row, naming the channel of the campaign that reached it. */
    static ReportRow row(Campaign campaign, Recipient recipient, List<io.campaignkit.core.port.FunnelStep> steps) {
        return ReportRow.of(RecipientReport.of(campaign, recipient, steps));
    }
}
