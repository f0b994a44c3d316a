package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.dispatch.pacing.TokenBucket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * A take of permits from a sender's and a campaign's buckets as one statement, for databases that run
 * an {@code UPDATE} inside {@code WITH} ({@link io.campaignkit.store.jdbc.JdbcDialect#updatesInWith}): it
 * locks both rows (sender first, the key order), does {@link TokenBucket}'s arithmetic on them
 * ({@code countedIn}, {@code advancedTo}, {@code available}, {@code consumed}; the same integers, the
 * same order of comparisons), writes the rows that change and answers the permits granted. One round
 * trip in auto-commit: the sender's row stays locked for one statement, not for a transaction's three
 * round trips, which is what bounds several nodes pacing one sender. A missing bucket answers nothing,
 * and the caller takes the transactional path, which inserts it.
 */
final class PacingTake {

    /** Parameters: key (3), campaign, wanted, now, the two limits (permits, period, burst each). */
    private static final String TAKE =
            "WITH stored AS MATERIALIZED (SELECT campaign_id, permits, period_nanos, burst, units, last_at"
                    + " FROM ck_pacing_bucket WHERE scope = ? AND sender_channel = ? AND sender_id = ? AND campaign_id IN ('', ?)"
                    + " ORDER BY campaign_id FOR UPDATE),"
                    + " asked AS (SELECT ?::int AS wanted, ?::bigint AS now),"
                    + " lim (campaign_id, p, d, k) AS (VALUES ('', ?::int, ?::bigint, ?::int), (?, ?::int, ?::bigint, ?::int)),"
                    // countedIn: whole permits kept, up to the asked capacity
                    + " counted AS (SELECT s.campaign_id, l.p, l.d, l.k, s.last_at, (l.k + 1) * l.d + l.p - 1 AS capacity,"
                    + " CASE WHEN s.permits = l.p AND s.period_nanos = l.d AND s.burst = l.k THEN s.units"
                    + " ELSE LEAST((s.units / s.period_nanos) * l.d, (l.k + 1) * l.d + l.p - 1) END AS units"
                    + " FROM stored s JOIN lim l ON l.campaign_id = s.campaign_id),"
                    // advancedTo: compare before multiplying (elapsed × P overflows for long idle spells)
                    + " refilled AS (SELECT c.campaign_id, c.p, c.d, c.k,"
                    + " CASE WHEN a.now <= c.last_at THEN c.units"
                    + " WHEN a.now - c.last_at >= (c.capacity - c.units + c.p - 1) / c.p THEN c.capacity"
                    + " ELSE c.units + (a.now - c.last_at) * c.p END AS units,"
                    + " GREATEST(c.last_at, a.now) AS last_at FROM counted c, asked a),"
                    + " granted AS (SELECT LEAST(MIN(a.wanted), MIN(r.units / r.d)) AS n, COUNT(*) AS buckets FROM refilled r, asked a),"
                    + " written AS (UPDATE ck_pacing_bucket t SET permits = r.p, period_nanos = r.d, burst = r.k,"
                    + " units = r.units - g.n * r.d, last_at = r.last_at FROM refilled r, granted g"
                    + " WHERE g.buckets = 2 AND t.scope = ? AND t.sender_channel = ? AND t.sender_id = ? AND t.campaign_id = r.campaign_id"
                    + " AND (t.permits, t.period_nanos, t.burst, t.units, t.last_at)"
                    + " IS DISTINCT FROM (r.p, r.d, r.k, r.units - g.n * r.d, r.last_at) RETURNING 1)"
                    + " SELECT g.n, g.buckets, (SELECT COUNT(*) FROM written) FROM granted g";

    private PacingTake() {}

    /** The permits granted, or empty when a bucket is missing (nothing was written). */
    static OptionalInt take(Connection connection, String scope, SendLimits limits, int wanted, long now)
            throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            int i = 1;
            take.setString(i++, scope);
            take.setString(i++, limits.sender().channelType());
            take.setString(i++, limits.sender().senderId());
            take.setString(i++, limits.campaign().value());
            take.setInt(i++, wanted);
            take.setLong(i++, now);
            i = bindLimit(take, i, limits.senderLimit());
            take.setString(i++, limits.campaign().value());
            i = bindLimit(take, i, limits.campaignLimit());
            take.setString(i++, scope);
            take.setString(i++, limits.sender().channelType());
            take.setString(i, limits.sender().senderId());
            try (ResultSet rows = take.executeQuery()) {
                rows.next();
                return rows.getLong(2) == 2 ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static int bindLimit(PreparedStatement statement, int first, RateLimit limit) throws SQLException {
        statement.setInt(first, limit.permits());
        statement.setLong(first + 1, limit.period().toNanos());
        statement.setInt(first + 2, limit.burst());
        return first + 3;
    }
}
