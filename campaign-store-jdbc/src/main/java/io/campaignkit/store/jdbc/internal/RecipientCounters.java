package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.rules.CounterKey;
import io.campaignkit.core.port.rules.CounterValues;
import io.campaignkit.core.port.rules.RecipientCounting;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * The counters of {@code ck_recipient_count}: per campaign, state and code, how many recipients
 * there are and how many of them have {@code sent_at}, {@code delivered_at} and {@code read_at} set.
 * A transaction that adds or changes recipients collects its changes here and {@link #write writes}
 * them last, the net change per key ({@link JdbcDialect#addToRecipientCounters}), so counting a
 * campaign reads a few rows whatever its size, and the counters are exactly what a {@code GROUP BY}
 * over the recipients gives.
 *
 * <p><b>Why the counters cannot deadlock.</b> Every transaction that changes counters takes its locks
 * in two phases: first recipient rows (and, to add recipients, the campaign row), then counter rows,
 * in the order of their primary key, as its last statement before commit. A transaction waiting for a
 * counter row therefore waits for one that is itself in its counter phase, which waits only for
 * counter rows of higher keys (or for nothing, and commits): no transaction ever holds a counter row
 * while waiting for a recipient or campaign row, so no cycle passes through a counter. Claims
 * ({@code SKIP LOCKED}) never wait for recipient rows at all; updates wait for them in (campaign, phone)
 * order, as before. Deleting a campaign deletes its counters after its recipients (the campaign row,
 * then recipients by cascade, then counters), the same order; there is deliberately no foreign key
 * from the counters to the campaign, whose check would lock the campaign row in the counter phase.
 * The cost: claims and updates of one campaign now queue briefly on its few counter rows at commit.
 */
final class RecipientCounters {

    /** The net changes, per counter, by the rules of core's {@link RecipientCounting}. */
    private final RecipientCounting counting = new RecipientCounting();

    /** Counts a recipient that was added. */
    void added(Recipient recipient) {
        counting.added(recipient);
    }

    /** Moves a recipient from what it was to what it became (nothing when neither key nor times changed). */
    void changed(Recipient before, Recipient after) {
        counting.changed(before, after);
    }

    /**
     * Adds the collected changes to the counter rows, in key order, as the dialect does it (one batched
     * upsert on PostgreSQL, one MERGE per key on H2); call it as the transaction's last statement (see
     * the class comment). Keys whose changes cancel out are not touched; nothing at all, no statement.
     */
    void write(Connection connection, Scope scope, JdbcDialect dialect) throws SQLException {
        SortedMap<CounterKey, CounterValues> deltas = counting.deltas();
        if (!deltas.isEmpty()) {
            dialect.addToRecipientCounters(connection, scope.tenantId(), deltas);
        }
    }

    /** Binds a delta's four values from {@code first}: recipients, accepted, delivered, read. */
    static void bindDelta(PreparedStatement upsert, int first, CounterValues delta) throws SQLException {
        upsert.setLong(first, delta.recipients());
        upsert.setLong(first + 1, delta.accepted());
        upsert.setLong(first + 2, delta.delivered());
        upsert.setLong(first + 3, delta.read());
    }

    /** The counts of a campaign, from its counter rows alone. */
    static RecipientCounts read(Connection connection, Scope scope, CampaignId campaignId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state, code, n, n_accepted, n_delivered,"
                + " n_read FROM ck_recipient_count WHERE campaign_id = ? AND " + Scope.TENANT)) {
            select.setString(1, campaignId.value());
            scope.bind(select, 2);
            Map<CounterKey, CounterValues> counters = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counters.merge(
                            new CounterKey(campaignId, DeliveryState.valueOf(rows.getString(1)), rows.getString(2)),
                            new CounterValues(rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6)),
                            CounterValues::plus);
                }
            }
            return RecipientCounting.counts(counters);
        }
    }
}
