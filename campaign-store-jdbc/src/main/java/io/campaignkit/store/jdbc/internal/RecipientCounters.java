package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.rules.CounterKey;
import io.campaignkit.core.port.rules.CounterValues;
import io.campaignkit.core.port.rules.RecipientCounting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of {@code ck_recipient_count}: per campaign, state and code, how many recipients
 * there are and how many of them have {@code sent_at}, {@code delivered_at} and {@code read_at} set.
 * A transaction that adds or changes recipients collects its changes here and {@link #write writes}
 * them last, one batched upsert of the net change per key, so counting a campaign reads a few rows
 * whatever its size, and the counters are exactly what a {@code GROUP BY} over the recipients gives.
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

    private static final String POSTGRES_UPSERT = "INSERT INTO ck_recipient_count"
            + " (campaign_id, state, code, tenant_id, n, n_accepted, n_delivered, n_read)"
            + " SELECT campaign_id, ?, ?, tenant_id, ?, ?, ?, ? FROM ck_campaign WHERE campaign_id = ? AND " + Scope.TENANT
            + " ON CONFLICT (campaign_id, state, code) DO UPDATE SET n = ck_recipient_count.n + EXCLUDED.n,"
            + " n_accepted = ck_recipient_count.n_accepted + EXCLUDED.n_accepted,"
            + " n_delivered = ck_recipient_count.n_delivered + EXCLUDED.n_delivered,"
            + " n_read = ck_recipient_count.n_read + EXCLUDED.n_read";

    private static final String H2_UPSERT = "MERGE INTO ck_recipient_count t"
            + " USING (SELECT campaign_id, tenant_id FROM ck_campaign WHERE campaign_id = ? AND " + Scope.TENANT + ") s"
            + " ON t.campaign_id = s.campaign_id AND t.state = ? AND t.code = ?"
            + " WHEN MATCHED THEN UPDATE SET n = t.n + ?, n_accepted = t.n_accepted + ?, n_delivered = t.n_delivered + ?,"
            + " n_read = t.n_read + ?"
            + " WHEN NOT MATCHED THEN INSERT (campaign_id, state, code, tenant_id, n, n_accepted, n_delivered, n_read)"
            + " VALUES (s.campaign_id, ?, ?, s.tenant_id, ?, ?, ?, ?)";

    private static final String H2_UPDATE = "UPDATE ck_recipient_count SET n = n + ?, n_accepted = n_accepted + ?,"
            + " n_delivered = n_delivered + ?, n_read = n_read + ? WHERE campaign_id = ? AND state = ? AND code = ? AND "
            + Scope.TENANT;

    /** How often an H2 upsert that met a row another transaction inserted is tried again. */
    private static final int H2_ATTEMPTS = 3;

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
     * Adds the collected changes to the counter rows, in key order: one batched upsert on PostgreSQL,
     * one MERGE per key on H2; call it as the transaction's last statement (see the class comment).
     * Keys whose changes cancel out are not touched.
     */
    void write(Connection connection, Scope scope, boolean postgres) throws SQLException {
        List<Map.Entry<CounterKey, CounterValues>> changes = new ArrayList<>(counting.deltas().entrySet());
        if (changes.isEmpty()) {
            return;
        }
        if (!postgres) {
            writeOnH2(connection, scope, changes);
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(POSTGRES_UPSERT)) {
            for (Map.Entry<CounterKey, CounterValues> change : changes) {
                bindPostgres(upsert, scope, change.getKey(), change.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch(); // in list order, so rows are locked in key order
        }
    }

    /**
     * One MERGE per key, in key order (H2 runs in-process: a batch would save no round trip). H2's
     * MERGE is not atomic: when another transaction has inserted a new key's row and not committed yet,
     * it fails at once with a duplicate key (H2 undoes only that statement). An UPDATE of that row
     * waits for the other transaction instead and then adds to its row; should it have rolled back
     * (nothing updated), the MERGE runs again.
     */
    private static void writeOnH2(Connection connection, Scope scope, List<Map.Entry<CounterKey, CounterValues>> changes)
            throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(H2_UPSERT);
             PreparedStatement update = connection.prepareStatement(H2_UPDATE)) {
            for (Map.Entry<CounterKey, CounterValues> change : changes) {
                CounterKey key = change.getKey();
                CounterValues delta = change.getValue();
                for (int attempt = 1; ; attempt++) {
                    try {
                        bindH2(merge, scope, key, delta);
                        merge.executeUpdate();
                        break;
                    } catch (SQLException failure) {
                        if (attempt >= H2_ATTEMPTS || !Sql.isUniqueViolation(failure)) {
                            throw failure;
                        }
                    }
                    bindDelta(update, 1, delta);
                    update.setString(5, key.campaignId().value());
                    update.setString(6, key.state().name());
                    update.setString(7, key.code());
                    scope.bind(update, 8);
                    if (update.executeUpdate() == 1) {
                        break;
                    }
                }
            }
        }
    }

    private static void bindPostgres(PreparedStatement upsert, Scope scope, CounterKey key, CounterValues delta) throws SQLException {
        upsert.setString(1, key.state().name());
        upsert.setString(2, key.code());
        bindDelta(upsert, 3, delta);
        upsert.setString(7, key.campaignId().value());
        scope.bind(upsert, 8);
    }

    private static void bindH2(PreparedStatement upsert, Scope scope, CounterKey key, CounterValues delta) throws SQLException {
        upsert.setString(1, key.campaignId().value());
        scope.bind(upsert, 2);
        upsert.setString(3, key.state().name());
        upsert.setString(4, key.code());
        bindDelta(upsert, 5, delta);
        upsert.setString(9, key.state().name());
        upsert.setString(10, key.code());
        bindDelta(upsert, 11, delta);
    }

    private static void bindDelta(PreparedStatement upsert, int first, CounterValues delta) throws SQLException {
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
                    counters.merge(new CounterKey(campaignId, DeliveryState.valueOf(rows.getString(1)), rows.getString(2)),
                            new CounterValues(rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6)),
                            CounterValues::plus);
                }
            }
            return RecipientCounting.counts(counters);
        }
    }
}
