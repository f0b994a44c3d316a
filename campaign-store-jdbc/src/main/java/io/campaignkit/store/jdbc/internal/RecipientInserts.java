package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adding recipients to a campaign, under the lock of its row: those whose phone the campaign has are left out,
 * the others get the next sequences and are stored in one load, and the counters move in the same transaction.
 *
 * <p>Where the database loads rows in bulk ({@link JdbcDialect#loadNew}) a batch is first loaded whole under
 * a savepoint ({@link NewRowLoads} says when), without asking which phones the campaign has: a launch's batches are
 * new, and the campaign's key on (campaign, phone) refuses the load if one is not, the transaction going back
 * to the savepoint to ask and load the rest. The question is then not asked of a campaign whose statistics are
 * stale (the planner walked the whole campaign for it, 0.05 → 94 ms a batch without them). After a batch that met
 * a phone already there (a launch resumed), the next batches ask first, until one finds none.
 *
 * <p>Each tenfold growth of a campaign from 1,000 asks for fresh statistics ({@link StatisticsRefresh}), refreshed
 * while the launch goes on: a campaign loads faster than the database's own statistics follow.
 */
final class RecipientInserts {

    /** The inserted columns, tenant first, in the order of {@link RecipientColumns#COLUMNS}. */
    private static final List<JdbcDialect.Input> INSERT_COLUMNS = insertColumns();

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final JdbcDialect dialect;
    private final Optional<StatisticsRefresh> statistics;
    private final NewRowLoads loads = new NewRowLoads();

    RecipientInserts(
            Sql sql, Scope scope, CampaignRows campaigns, JdbcDialect dialect, Optional<StatisticsRefresh> statistics) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.dialect = dialect;
        this.statistics = statistics;
    }

    List<Recipient> insert(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        List<Recipient> added = insertOnce(campaignId, recipients, now);
        if (statistics.isPresent()
                && !added.isEmpty()
                && crossedStatisticsMark(
                        added.get(0).sequence(), added.get(added.size() - 1).sequence())) {
            statistics.get().request();
        }
        return added;
    }

    /** Whether a campaign's sequences from {@code first} to {@code last} passed 1,000, 10,000, 100,000... */
    static boolean crossedStatisticsMark(long first, long last) {
        for (long mark = 1_000; mark <= 100_000_000; mark *= 10) {
            if (first < mark && last >= mark - 1) {
                return true;
            }
        }
        return false;
    }

    private List<Recipient> insertOnce(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        return sql.inTransaction("adding recipients to " + campaignId, connection -> {
            String tenant = campaigns
                    .tenantOf(connection, campaignId, true)
                    .orElseThrow(() -> new CampaignNotFoundException(campaignId));
            Map<String, NewRecipient> fresh = new LinkedHashMap<>();
            for (NewRecipient recipient : recipients) {
                fresh.putIfAbsent(recipient.contact().phone().e164(), recipient);
            }
            Optional<List<Recipient>> loaded = loads.attempt(
                    sql, connection, fresh.size(), loading -> store(loading, campaignId, tenant, fresh, now, true));
            if (loaded.isPresent()) {
                return loaded.get();
            }
            Set<String> existing = existingPhones(connection, campaignId, fresh.keySet());
            loads.carefulFound(!existing.isEmpty());
            fresh.keySet().removeAll(existing);
            if (fresh.isEmpty()) {
                return List.of();
            }
            return store(connection, campaignId, tenant, fresh, now, false).orElseThrow();
        });
    }

    /**
     * Hands out the sequences, stores the rows and moves the counters; empty, having stored nothing, when {@code
     * bulkOnly} and the database has no bulk load (the caller goes back to its savepoint).
     */
    private Optional<List<Recipient>> store(
            Connection connection,
            CampaignId campaignId,
            String tenant,
            Map<String, NewRecipient> fresh,
            Instant now,
            boolean bulkOnly)
            throws SQLException {
        long sequence = nextSequence(connection, campaignId, fresh.size());
        List<Recipient> added = new ArrayList<>(fresh.size());
        List<String> zones = new ArrayList<>(fresh.size());
        for (NewRecipient recipient : fresh.values()) {
            added.add(Recipient.of(campaignId, sequence++, recipient, now));
            zones.add(recipient.localZone().orElse(null));
        }
        if (!insertRows(connection, tenant, added, zones, bulkOnly)) {
            return Optional.empty();
        }
        RecipientCounters counters = new RecipientCounters();
        added.forEach(counters::added);
        counters.write(connection, scope, dialect);
        return Optional.of(added);
    }

    /**
     * The rows, absent (the campaign row is locked, and their phones were looked up or a savepoint is there to go
     * back to), as one bulk load, one set-based insert or a batch; only the bulk load when {@code bulkOnly}, and
     * {@code false} then, having written nothing, when the database has none.
     */
    private boolean insertRows(
            Connection connection, String tenant, List<Recipient> added, List<String> zones, boolean bulkOnly)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>(added.size());
        for (int i = 0; i < added.size(); i++) {
            Recipient row = added.get(i);
            Object[] mutable = RecipientColumns.values(row); // campaign_id, phone, then state to updated_at
            Object[] values = new Object[mutable.length + 5];
            values[0] = tenant;
            values[1] = mutable[0];
            values[2] = row.sequence();
            values[3] = mutable[1];
            values[4] = row.contact().name();
            values[5] = ContactCodec.encodeData(row.contact());
            System.arraycopy(mutable, 2, values, 6, mutable.length - 2);
            values[values.length - 1] = zones.get(i);
            rows.add(values);
        }
        if (dialect.loadNew(connection, "ck_recipient", INSERT_COLUMNS, rows)) {
            return true;
        }
        if (bulkOnly) {
            return false;
        }
        if (dialect.insertMany(connection, "ck_recipient", INSERT_COLUMNS, rows)) {
            return true;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ck_recipient (tenant_id, " + RecipientColumns.COLUMNS
                        + ", local_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < added.size(); i++) {
                Recipient row = added.get(i);
                insert.setString(1, tenant);
                insert.setString(2, row.campaignId().value());
                insert.setLong(3, row.sequence());
                insert.setString(4, row.phone().e164());
                Sql.setString(insert, 5, row.contact().name());
                Sql.setString(insert, 6, ContactCodec.encodeData(row.contact()));
                int next = RecipientColumns.bindMutable(insert, 7, row);
                Sql.setString(insert, next, zones.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return true;
    }

    private Set<String> existingPhones(Connection connection, CampaignId campaignId, Collection<String> phones)
            throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT phone FROM ck_recipient"
                + dialect.useIndex(RecipientColumns.BY_PHONE) + " WHERE " + dialect.anyOf("phone", phones.size())
                + " AND campaign_id = ?")) {
            int index = dialect.bindAnyOf(connection, select, 1, phones);
            select.setString(index, campaignId.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
        }
        return existing;
    }

    /** Hands out {@code count} sequences from the campaign row, which the caller holds locked. */
    private static long nextSequence(Connection connection, CampaignId campaignId, int count) throws SQLException {
        long first;
        try (PreparedStatement select =
                connection.prepareStatement("SELECT next_recipient_seq FROM ck_campaign WHERE campaign_id = ?")) {
            select.setString(1, campaignId.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                first = rows.getLong(1);
            }
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE ck_campaign SET next_recipient_seq = ? WHERE campaign_id = ?")) {
            update.setLong(1, first + count);
            update.setString(2, campaignId.value());
            update.executeUpdate();
        }
        return first;
    }

    private static List<JdbcDialect.Input> insertColumns() {
        List<JdbcDialect.Input> columns = new ArrayList<>();
        columns.add(new JdbcDialect.Input("tenant_id", java.sql.Types.VARCHAR));
        columns.add(RecipientColumns.KEY_AND_MUTABLE.get(0));
        columns.add(new JdbcDialect.Input("seq", java.sql.Types.BIGINT));
        columns.add(RecipientColumns.KEY_AND_MUTABLE.get(1));
        columns.add(new JdbcDialect.Input("contact_name", java.sql.Types.VARCHAR));
        columns.add(new JdbcDialect.Input("contact_data", java.sql.Types.VARCHAR));
        columns.addAll(RecipientColumns.KEY_AND_MUTABLE.subList(2, RecipientColumns.KEY_AND_MUTABLE.size()));
        columns.add(new JdbcDialect.Input("local_zone", java.sql.Types.VARCHAR)); // V34: local hours
        return List.copyOf(columns);
    }
}
