package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ranges of the recipients' state index that the store reads in order: one state's rows by the time of that
 * state, and a local campaign's PENDING rows zone by zone. PostgreSQL has a partial index per state (V1_1, V33)
 * and one for the zones' PENDING rows (V35). H2, which has no partial index and rewrites every index entry of a
 * row it updates, has one index for all of them (V46): (campaign, state, the zone while PENDING, the time of the
 * state, sequence, phone). There a state's rows without a zone are one range (a NULL zone: every row of a
 * campaign without local hours, every SENDING or SENT row), and each zone's PENDING rows another; so a read of
 * one state names the NULL zone and orders by the zone column, and a read of PENDING rows across zones merges
 * the zones' ranges ({@link #zoned}).
 */
final class StateRanges {

    /** Whether the zones share the state index (H2): the PENDING rows of a local campaign are not one range. */
    final boolean zoned;
    /** The zone column: {@code local_zone}, or H2's {@code pending_zone} (the zone while PENDING, else NULL). */
    final String zone;
    /** The due time as the zones' index holds it: {@code due_at}, or H2's {@code state_at}. */
    final String due;
    /** The zones' index, named to H2's planner, which would walk the campaign's primary key instead. */
    final String zoneIndex;

    StateRanges(JdbcDialect dialect) {
        zone = dialect.whileIn("PENDING", "local_zone");
        zoned = !zone.equals("local_zone");
        due = dialect.whileIn("PENDING", "due_at");
        zoneIndex = dialect.useIndex(zoned ? "ck_recipient_by_state" : "ck_recipient_local_due");
    }

    /** The condition, after a state's, that keeps a read to the rows without a zone: empty unless {@link #zoned}. */
    String unzoned() {
        return zoned ? " AND " + zone + " IS NULL" : "";
    }

    /** The state index's order up to {@code time}: with {@link #unzoned}, one state's rows in that time's order. */
    String order(String time) {
        return zoned ? "campaign_id, state, " + zone + ", " + time : "campaign_id, state, " + time;
    }

    /** The condition of one zone's PENDING range ({@code key} null: the rows without a zone, H2 only); binds 1-2. */
    String zoneRange(@Nullable String key) {
        return "campaign_id = ? AND state = 'PENDING' AND " + zone + (key == null ? " IS NULL" : " = ?");
    }

    /** The order of a zone's PENDING range: by due time, then sequence. */
    String zoneOrder() {
        return (zoned ? "campaign_id, state, " : "campaign_id, ") + zone + ", " + due + ", seq";
    }

    /** Binds {@link #zoneRange}'s values from {@code index}; answers the next index. */
    static int bindZoneRange(PreparedStatement statement, int index, CampaignId campaignId, @Nullable String key)
            throws SQLException {
        statement.setString(index, campaignId.value());
        if (key == null) {
            return index + 1;
        }
        statement.setString(index + 1, key);
        return index + 2;
    }

    /** The distinct zones with PENDING recipients, skipping through the index: one probe per zone and one more. */
    Set<String> pendingZones(Connection connection, CampaignId campaignId, Scope scope) throws SQLException {
        Set<String> zones = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + zone + " FROM ck_recipient" + zoneIndex
                + " WHERE campaign_id = ? AND state = 'PENDING' AND " + zone + " > ? AND " + Scope.TENANT
                + " ORDER BY " + (zoned ? "campaign_id, state, " : "campaign_id, ") + zone + " LIMIT 1")) {
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
    }

    /** Each zone's earliest due time, the first entry of its range; a zone with nothing pending is left out. */
    Map<String, Instant> firstDue(Connection connection, CampaignId campaignId, Set<String> keys, Scope scope)
            throws SQLException {
        Map<String, Instant> due = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + this.due + " FROM ck_recipient"
                + zoneIndex + " WHERE " + zoneRange("") + " AND " + Scope.TENANT + " ORDER BY " + zoneOrder()
                + " LIMIT 1")) {
            for (String key : keys) {
                int next = bindZoneRange(select, 1, campaignId, key);
                scope.bind(select, next);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        due.put(key, Sql.instant(rows.getLong(1)));
                    }
                }
            }
        }
        return due;
    }
}
