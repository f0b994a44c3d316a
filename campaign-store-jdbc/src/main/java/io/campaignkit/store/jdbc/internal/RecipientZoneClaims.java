package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RecipientWindows} on {@code ck_recipient.local_zone} (V34), each statement one range of the zones'
 * index per zone ({@link StateRanges}: V35's on PostgreSQL, H2's state index, V46): (campaign, PENDING, zone)
 * then due time and sequence; a claim across zones merges those ranges in one statement
 * ({@link RecipientClaims#claimDueInZones}).
 */
public final class RecipientZoneClaims implements RecipientWindows {

    private final Sql sql;
    private final Scope scope;
    private final RecipientClaims claims;
    private final StateRanges ranges;

    public RecipientZoneClaims(Sql sql, Scope scope, JdbcDialect dialect, RecipientClaims claims) {
        this.sql = sql;
        this.scope = scope;
        this.claims = claims;
        this.ranges = new StateRanges(dialect);
    }

    @Override
    public List<Recipient> claimDueIn(
            CampaignId campaignId, Set<String> zoneKeys, Lease lease, int limit, Instant now) {
        return claims.claimDueInZones(campaignId, zoneKeys, lease, limit, now);
    }

    /** One index probe per key, in one transaction. */
    @Override
    public Map<String, Instant> nextDueIn(CampaignId campaignId, Set<String> zoneKeys) {
        return sql.inTransaction(
                "reading the due zones of " + campaignId,
                connection -> ranges.firstDue(connection, campaignId, zoneKeys, scope));
    }

    /** The distinct keys by skipping through the index: one probe per key, never a walk of the campaign. */
    @Override
    public Set<String> pendingZones(CampaignId campaignId) {
        return sql.inTransaction(
                "reading the zones of " + campaignId, connection -> ranges.pendingZones(connection, campaignId, scope));
    }
}
