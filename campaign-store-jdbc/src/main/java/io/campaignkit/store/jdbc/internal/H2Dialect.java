package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.port.rules.CounterKey;
import io.campaignkit.core.port.rules.CounterValues;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * H2 2.x, in-process: no {@code ON CONFLICT} (a duplicate key fails only its own statement, which
 * the store reads as "already there"), a {@code MERGE} that is not atomic, and a planner that needs
 * to be told which index to use. Use {@link JdbcDialect#H2}.
 */
public final class H2Dialect implements JdbcDialect {

    /** H2's lock timeout ({@code HYT00}, and its variants). */
    private static final String LOCK_TIMEOUT = "HYT00";

    private static final String COUNTER_MERGE = "MERGE INTO ck_recipient_count t"
            + " USING (SELECT campaign_id, tenant_id FROM ck_campaign WHERE campaign_id = ? AND " + Scope.TENANT + ") s"
            + " ON t.campaign_id = s.campaign_id AND t.state = ? AND t.code = ?"
            + " WHEN MATCHED THEN UPDATE SET n = t.n + ?, n_accepted = t.n_accepted + ?, n_delivered = t.n_delivered + ?,"
            + " n_read = t.n_read + ?"
            + " WHEN NOT MATCHED THEN INSERT (campaign_id, state, code, tenant_id, n, n_accepted, n_delivered, n_read)"
            + " VALUES (s.campaign_id, ?, ?, s.tenant_id, ?, ?, ?, ?)";

    private static final String COUNTER_UPDATE = "UPDATE ck_recipient_count SET n = n + ?, n_accepted = n_accepted + ?,"
            + " n_delivered = n_delivered + ?, n_read = n_read + ? WHERE campaign_id = ? AND state = ? AND code = ? AND "
            + Scope.TENANT;

    /** How often a counter MERGE that met a row another transaction inserted is tried again. */
    private static final int COUNTER_ATTEMPTS = 3;

    /** How this dialect's state index is read (V46); built from this dialect's own column names. */
    private final StateRanges ranges = new StateRanges(this);

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String migrationFolder() {
        return "h2";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean isRetryable(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.equals(SqlStates.SERIALIZATION_FAILURE) || state.startsWith(LOCK_TIMEOUT));
    }

    @Override
    public boolean isUniqueViolation(SQLException failure) {
        return SqlStates.isUniqueViolation(failure);
    }

    /** The duplicate key undoes only this statement, not the transaction. */
    @Override
    public boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            binder.bind(statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException failure) {
            if (isUniqueViolation(failure)) {
                return false;
            }
            throw failure;
        }
    }

    /** The rows not there yet, then one batch of them. */
    @Override
    public <R> void insertAllIfAbsent(
            Connection connection, String insert, Collection<R> rows, AbsentRows<R> absent, RowBinder<R> binder)
            throws SQLException {
        Collection<R> toInsert = absent.among(connection, rows);
        if (toInsert.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (R row : toInsert) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
                + ") VALUES (" + Sql.placeholders(columns.size()) + ")";
    }

    /**
     * V44's {@code state_at}, the time of the row's state, for the times of PENDING, SENDING and SENT (one index,
     * led by the state, orders each state's rows by it); V40's {@code pending_zone} for the zone of a PENDING row.
     */
    @Override
    public String whileIn(String state, String column) {
        return switch (state + " " + column) {
            case "PENDING due_at", "SENDING lease_expires_at", "SENT sent_at" -> "state_at";
            case "PENDING local_zone" -> "pending_zone";
            default -> column;
        };
    }

    @Override
    public String useIndex(String index) {
        return " USE INDEX (" + index + ")";
    }

    @Override
    public String anyOf(String column, int count) {
        return column + " IN (" + Sql.placeholders(count) + ")";
    }

    @Override
    public int bindAnyOf(Connection connection, PreparedStatement statement, int first, Collection<String> values)
            throws SQLException {
        int index = first;
        for (String value : values) {
            statement.setString(index++, value);
        }
        return index;
    }

    /**
     * H2 reads a whole campaign to sort rows {@code FOR UPDATE}, but walks its index in order without
     * the lock: so the candidates come in index order first, and only they are then locked
     * {@code SKIP LOCKED}, the claim's guard checked again under the lock.
     */
    @Override
    public <T> List<T> lockForClaim(Connection connection, RecipientClaim claim, RowReader<T> reader)
            throws SQLException {
        List<String> candidates = candidates(connection, claim);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<T> locked = new ArrayList<>(candidates.size());
        try (PreparedStatement select = connection.prepareStatement("SELECT " + claim.columns() + " FROM ck_recipient"
                + useIndex(RecipientColumns.BY_PHONE) + " WHERE " + anyOf("phone", candidates.size())
                + " AND campaign_id = ? AND "
                + claim.guard() + " ORDER BY " + claim.order() + " FOR UPDATE SKIP LOCKED")) {
            int index = bindAnyOf(connection, select, 1, candidates);
            select.setString(index++, claim.campaignId());
            Sql.bindClaimGuard(select, index, claim);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    locked.add(reader.read(rows));
                }
            }
        }
        return locked;
    }

    /**
     * One statement after the candidates' read ({@link H2Sets#claimAndSet}): a MERGE over the candidates that
     * marks those still meeting the claim's condition and answers them as they were, without a locking read.
     */
    @Override
    public <T> Optional<List<T>> claimAndSet(
            Connection connection,
            RecipientClaim claim,
            String assignments,
            ParameterBinder values,
            RowReader<T> reader)
            throws SQLException {
        return Optional.of(
                H2Sets.claimAndSet(connection, claim, candidates(connection, claim), assignments, values, reader));
    }

    /** One statement: a MERGE over the rows' inputs as arrays, returning the changed rows as they were. */
    @Override
    public <T> Optional<List<T>> updateRecipients(
            Connection connection,
            Optional<String> tenantId,
            List<Input> inputs,
            List<Object[]> rows,
            String guard,
            String assignments,
            String returning,
            RowReader<T> reader)
            throws SQLException {
        return Optional.of(
                H2Sets.updateRecipients(connection, tenantId, inputs, rows, guard, assignments, returning, reader));
    }

    /**
     * A claim's candidates in the index's order, unlocked: H2 walks the index in order only without the lock. A
     * claim that picks nothing reads one state's range of the state index by {@code state_at} (the due and the
     * expired claims) among the rows without a zone, named so the planner walks it in order.
     */
    private List<String> candidates(Connection connection, RecipientClaim claim) throws SQLException {
        if (!claim.pick().isEmpty()) {
            return picked(connection, claim);
        }
        List<String> candidates = new ArrayList<>(claim.limit());
        // the rows without a zone: every row of a campaign without local hours, every SENDING row (V46); a claim
        // of PENDING rows in zones picks them (RecipientClaims.claimForSending)
        try (PreparedStatement select = connection.prepareStatement("SELECT phone FROM ck_recipient"
                + useIndex("ck_recipient_by_state") + " WHERE campaign_id = ? AND " + claim.condition()
                + ranges.unzoned() + " AND " + Scope.TENANT + " ORDER BY " + ranges.order(claim.order())
                + " LIMIT ?")) {
            select.setString(1, claim.campaignId());
            int next = Sql.bindClaimCondition(select, 2, claim);
            new Scope(claim.tenantId()).bind(select, next);
            select.setInt(next + 1, claim.limit());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(rows.getString(1));
                }
            }
        }
        return candidates;
    }

    /**
     * The candidates of a claim that picks its rows (across local zones): the pick, joined to the rows through the
     * phone's index, those still meeting the guard, in the pick's order. A condition {@code phone IN (pick)} with
     * the campaign's would not do: H2 takes a subquery as an index condition only on an index's first column, and
     * only before any other condition on that index, so it walked the campaign's rows testing each against the pick.
     */
    private static List<String> picked(Connection connection, RecipientClaim claim) throws SQLException {
        List<String> candidates = new ArrayList<>(claim.limit());
        try (PreparedStatement select = connection.prepareStatement("SELECT r.phone FROM (SELECT phone AS picked_phone,"
                + " due_at AS picked_due, seq AS picked_seq FROM (" + claim.pick() + ") p) z JOIN ck_recipient r"
                + " USE INDEX (" + RecipientColumns.BY_PHONE + ") ON r.phone = z.picked_phone AND r.campaign_id = ?"
                + " WHERE " + claim.guard() + " AND " + Scope.TENANT + " ORDER BY z.picked_due, z.picked_seq")) {
            int next = 1;
            for (String value : claim.values()) {
                select.setString(next++, value);
            }
            select.setString(next++, claim.campaignId());
            next = Sql.bindClaimGuard(select, next, claim);
            new Scope(claim.tenantId()).bind(select, next);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(rows.getString(1));
                }
            }
        }
        return candidates;
    }

    /**
     * One MERGE per key, in key order (H2 runs in-process: a batch would save no round trip). H2's
     * MERGE is not atomic: when another transaction has inserted a new key's row and not committed yet,
     * it fails at once with a duplicate key (H2 undoes only that statement). An UPDATE of that row
     * waits for the other transaction instead and then adds to its row; should it have rolled back
     * (nothing updated), the MERGE runs again.
     */
    @Override
    public void addToRecipientCounters(
            Connection connection, Optional<String> tenantId, SortedMap<CounterKey, CounterValues> deltas)
            throws SQLException {
        Scope scope = new Scope(tenantId);
        try (PreparedStatement merge = connection.prepareStatement(COUNTER_MERGE);
                PreparedStatement update = connection.prepareStatement(COUNTER_UPDATE)) {
            for (Map.Entry<CounterKey, CounterValues> change : deltas.entrySet()) {
                CounterKey key = change.getKey();
                CounterValues delta = change.getValue();
                for (int attempt = 1; ; attempt++) {
                    try {
                        bindMerge(merge, scope, key, delta);
                        merge.executeUpdate();
                        break;
                    } catch (SQLException failure) {
                        if (attempt >= COUNTER_ATTEMPTS || !isUniqueViolation(failure)) {
                            throw failure;
                        }
                    }
                    RecipientCounters.bindDelta(update, 1, delta);
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

    private static void bindMerge(PreparedStatement merge, Scope scope, CounterKey key, CounterValues delta)
            throws SQLException {
        merge.setString(1, key.campaignId().value());
        scope.bind(merge, 2);
        merge.setString(3, key.state().name());
        merge.setString(4, key.code());
        RecipientCounters.bindDelta(merge, 5, delta);
        merge.setString(9, key.state().name());
        merge.setString(10, key.code());
        RecipientCounters.bindDelta(merge, 11, delta);
    }

    /** H2 keeps its statistics itself. */
    @Override
    public Optional<String> statisticsRefresh(String table) {
        return Optional.empty();
    }
}
