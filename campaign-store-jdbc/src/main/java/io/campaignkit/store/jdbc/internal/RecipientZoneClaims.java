package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RecipientWindows} on {@code ck_recipient.local_zone} (V34), each statement one range of the
 * {@code ck_recipient_local_due} index (V35; on H2 V40's) per zone: (campaign, PENDING, zone) then due time and
 * sequence; a claim across zones merges those ranges in one statement ({@link RecipientClaims#claimDueInZones}).
 */
public final class RecipientZoneClaims implements RecipientWindows {

    private final Sql sql;
    private final Scope scope;
    private final RecipientClaims claims;
    /** The index's zone column ({@link JdbcDialect#whileIn}): {@code local_zone}, or H2's {@code pending_zone}. */
    private final String zone;
    /** The zone index, named to H2's planner, which would walk the campaign's primary key instead. */
    private final String byZone;

    public RecipientZoneClaims(Sql sql, Scope scope, JdbcDialect dialect, RecipientClaims claims) {
        this.sql = sql;
        this.scope = scope;
        this.claims = claims;
        this.zone = dialect.whileIn("PENDING", "local_zone");
        this.byZone = dialect.useIndex("ck_recipient_local_due");
    }

    @Override
    public List<Recipient> claimDueIn(
            CampaignId campaignId, Set<String> zoneKeys, Lease lease, int limit, Instant now) {
        return claims.claimDueInZones(campaignId, zoneKeys, lease, limit, now);
    }

    /** One index probe per key, in one transaction. */
    @Override
    public Map<String, Instant> nextDueIn(CampaignId campaignId, Set<String> zoneKeys) {
        return sql.inTransaction("reading the due zones of " + campaignId, connection -> {
            Map<String, Instant> due = new LinkedHashMap<>();
            // the first entry of the index range, as wakeUps reads the campaign's (H2 walks its index in this order)
            try (PreparedStatement select = connection.prepareStatement("SELECT due_at FROM ck_recipient" + byZone
                    + " WHERE campaign_id = ? AND state = 'PENDING' AND " + zone + " = ? AND " + Scope.TENANT
                    + " ORDER BY campaign_id, " + zone + ", due_at LIMIT 1")) {
                for (String zone : zoneKeys) {
                    select.setString(1, campaignId.value());
                    select.setString(2, zone);
                    scope.bind(select, 3);
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            due.put(zone, Sql.instant(rows.getLong(1)));
                        }
                    }
                }
            }
            return due;
        });
    }

    /** The distinct keys by skipping through the index: one probe per key, never a walk of the campaign. */
    @Override
    public Set<String> pendingZones(CampaignId campaignId) {
        return sql.inTransaction("reading the zones of " + campaignId, connection -> {
            Set<String> zones = new LinkedHashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + zone + " FROM ck_recipient" + byZone
                    + " WHERE campaign_id = ? AND state = 'PENDING' AND " + zone + " > ? AND " + Scope.TENANT
                    + " ORDER BY campaign_id, " + zone + " LIMIT 1")) {
                String after = "";
                while (true) {
                    select.setString(1, campaignId.value());
                    select.setString(2, after);
                    scope.bind(select, 3);
                    String next;
                    try (ResultSet rows = select.executeQuery()) {
                        next = rows.next() ? rows.getString(1) : null;
                    }
                    if (next == null) {
                        return zones;
                    }
                    zones.add(next);
                    after = next;
                }
            }
        });
    }
}
