package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The per-table parts one store is made of, wired once: every part of a store (and of a tenant's view of it)
 * shares the same {@link Sql}, {@link Scope} and dialect.
 */
public record StoreTables(
        CampaignRows campaigns,
        RecipientRows recipients,
        RecipientClaims claims,
        RecipientChanges changes,
        EngagementRows engagements,
        SuppressionRows suppressions,
        ConversationRows conversations,
        InboundQueueRows inbound,
        TrackingRows tracking) {

    /**
     * Saves a campaign; one saved ready to send (active, its audience prepared) first waits for the refresh of the
     * statistics its launch asked for, so no node plans the campaign's claims on the statistics from before.
     */
    public void saveCampaign(Campaign campaign, OptionalLong expectedVersion) {
        if (campaign.state() == CampaignState.ACTIVE && !campaign.isPreparing()) {
            recipients.awaitStatistics();
        }
        campaigns.save(campaign, expectedVersion);
    }

    /** The parts of a store on {@code sql}, seeing {@code scope}'s tenant only. */
    public static StoreTables on(Sql sql, Scope scope, JdbcDialect dialect) {
        CampaignRows campaigns = new CampaignRows(sql, scope, dialect);
        Optional<StatisticsRefresh> statistics = StatisticsRefresh.ofRecipients(sql, dialect);
        return new StoreTables(
                campaigns,
                new RecipientRows(sql, scope, campaigns, dialect, statistics),
                new RecipientClaims(sql, scope, dialect, statistics),
                new RecipientChanges(sql, scope, dialect),
                new EngagementRows(sql, scope, campaigns, dialect),
                new SuppressionRows(sql, scope, dialect),
                new ConversationRows(sql, scope, campaigns, dialect),
                new InboundQueueRows(sql, scope, campaigns, dialect),
                new TrackingRows(sql, scope, campaigns, dialect));
    }
}
