package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.internal.EngineCore;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's report queries, read a page at a time from the store: a campaign's recipients, its
 * per-contact export, and its figures per channel binding. See {@link CampaignEngine#export}.
 */
final class Exports {

    private final EngineCore core;

    Exports(EngineCore core) {
        this.core = core;
    }

    List<Recipient> recipients(CampaignId id, long afterSequence, int limit) {
        Arguments.requireNonNull(id, "id");
        Arguments.require(
                limit >= 1 && limit <= CampaignStore.MAX_BATCH,
                "limit",
                "limit must be from 1 to " + CampaignStore.MAX_BATCH + ", was " + limit);
        return core.recipients().findRecipients(id, afterSequence, limit);
    }

    List<RecipientReport> export(CampaignId id, long afterSequence, int limit) {
        List<RecipientReport> page = new ArrayList<>();
        List<Recipient> recipients = recipients(id, afterSequence, limit);
        // names each one's channels
        Optional<Campaign> campaign =
                recipients.isEmpty() ? Optional.empty() : core.campaigns().find(id);
        recipients.forEach(r ->
                page.add(RecipientReport.of(campaign, r, core.tracking().funnelSteps(id, r.phone()))));
        return page;
    }

    List<ChannelMetrics> metricsByChannel(CampaignId id) {
        Campaign campaign = core.campaigns()
                .find(Arguments.requireNonNull(id, "id"))
                .orElseThrow(() -> new CampaignNotFoundException(id));
        return ChannelMetrics.count(campaign, after -> recipients(id, after, CampaignStore.MAX_BATCH));
    }
}
