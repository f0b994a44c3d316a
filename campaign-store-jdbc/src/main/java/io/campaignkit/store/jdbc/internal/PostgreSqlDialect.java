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
import java.util.stream.Collectors;

/**
 * PostgreSQL 13 or later: duplicates and upserts said in the statement ({@code ON CONFLICT}, which
 * never aborts the transaction), lists of values as one array parameter, claims in one
 * {@code FOR UPDATE SKIP LOCKED} statement, and statistics refreshed by the store after bulk loads.
 * Use {@link JdbcDialect#POSTGRESQL}.
 */
public final class PostgreSqlDialect implements JdbcDialect {

    /** A deadlock PostgreSQL broke by aborting this transaction. */
    private static final String DEADLOCK_DETECTED = "40P01";

    private static final String IGNORE_DUPLICATE = " ON CONFLICT DO NOTHING";

    private static final String COUNTER_UPSERT = "INSERT INTO ck_recipient_count"
            + " (campaign_id, state, code, tenant_id, n, n_accepted, n_delivered, n_read)"
            + " SELECT campaign_id, ?, ?, tenant_id, ?, ?, ?, ? FROM ck_campaign WHERE campaign_id = ? AND "
            + Scope.TENANT
            + " ON CONFLICT (campaign_id, state, code) DO UPDATE SET n = ck_recipient_count.n + EXCLUDED.n,"
            + " n_accepted = ck_recipient_count.n_accepted + EXCLUDED.n_accepted,"
            + " n_delivered = ck_recipient_count.n_delivered + EXCLUDED.n_delivered,"
            + " n_read = ck_recipient_count.n_read + EXCLUDED.n_read";

    @Override
    public String name() {
        return "POSTGRESQL";
    }

    @Override
    public String migrationFolder() {
        return "postgresql";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean isRetryable(SQLException failure) {
        String state = failure.getSQLState();
        return SqlStates.SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    @Override
    public boolean isUniqueViolation(SQLException failure) {
        return SqlStates.isUniqueViolation(failure);
    }

    @Override
    public boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert + IGNORE_DUPLICATE)) {
            binder.bind(statement);
            return statement.executeUpdate() == 1;
        }
    }

    /** All rows in one batch: the statement skips those already there, so {@code absent} is never asked. */
    @Override
    public <R> void insertAllIfAbsent(
            Connection connection, String insert, Collection<R> rows, AbsentRows<R> absent, RowBinder<R> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert + IGNORE_DUPLICATE)) {
            for (R row : rows) {
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
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + Sql.placeholders(columns.size())
                + ") ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET "
                + valueColumns.stream()
                        .map(column -> column + " = EXCLUDED." + column)
                        .collect(Collectors.joining(", "));
    }

    /** PostgreSQL's planner picks the index itself (given statistics: {@link #statisticsRefresh}). */
    @Override
    public String useIndex(String index) {
        return "";
    }

    /** One array parameter, whatever the count: one statement text for every batch size. */
    @Override
    public String anyOf(String column, int count) {
        return column + " = ANY(?)";
    }

    @Override
    public int bindAnyOf(Connection connection, PreparedStatement statement, int first, Collection<String> values)
            throws SQLException {
        statement.setArray(first, connection.createArrayOf("VARCHAR", values.toArray()));
        return first + 1;
    }

    @Override
    public <T> List<T> lockForClaim(Connection connection, RecipientClaim claim, RowReader<T> reader)
            throws SQLException {
        List<T> locked = new ArrayList<>(claim.limit());
        try (PreparedStatement select = connection.prepareStatement("SELECT " + claim.columns() + " FROM ck_recipient"
                + " WHERE campaign_id = ? AND " + claim.condition() + " AND " + Scope.TENANT + " ORDER BY "
                + claim.order()
                + " LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setString(1, claim.campaignId());
            int next = Sql.bindClaimCondition(select, 2, claim);
            new Scope(claim.tenantId()).bind(select, next);
            select.setInt(next + 1, claim.limit());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    locked.add(reader.read(rows));
                }
            }
        }
        return locked;
    }

    @Override
    public boolean updatesInWith() {
        return true;
    }

    /** One statement: {@code WITH picked AS (... FOR UPDATE SKIP LOCKED) UPDATE ... FROM picked RETURNING picked.*}. */
    @Override
    public <T> Optional<List<T>> claimAndSet(
            Connection connection,
            RecipientClaim claim,
            String assignments,
            ParameterBinder values,
            RowReader<T> reader)
            throws SQLException {
        return Optional.of(PostgreSqlArrays.claimAndSet(connection, claim, assignments, values, reader));
    }

    /** One statement: the rows' inputs as one array per input ({@code unnest}), locked, updated and returned. */
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
        return Optional.of(PostgreSqlArrays.updateRecipients(
                connection, tenantId, inputs, rows, guard, assignments, returning, reader));
    }

    /** One {@code INSERT ... SELECT * FROM unnest(...)} statement. */
    @Override
    public boolean insertMany(Connection connection, String table, List<Input> columns, List<Object[]> rows)
            throws SQLException {
        PostgreSqlArrays.insertMany(connection, table, columns, rows);
        return true;
    }

    /** One {@code INSERT ... SELECT * FROM unnest(...) ... RETURNING answered} statement. */
    @Override
    public Optional<List<String>> insertManyAnswering(
            Connection connection, String table, List<Input> columns, List<Object[]> rows, String answered)
            throws SQLException {
        return Optional.of(PostgreSqlArrays.insertManyAnswering(connection, table, columns, rows, answered));
    }

    /**
     * {@code COPY ... FROM STDIN} through pgjdbc's copy API ({@link PostgreSqlCopy}); {@code false} (the array
     * insert then) when the connection does not unwrap to pgjdbc's or the driver's classes cannot be reached.
     */
    @Override
    public boolean loadNew(Connection connection, String table, List<Input> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return true;
        }
        if (!copyReachable(connection)) {
            return false;
        }
        PostgreSqlCopy.copyIn(connection, table, columns, rows);
        return true;
    }

    private static boolean copyReachable(Connection connection) throws SQLException {
        try {
            return PostgreSqlCopy.reachable(connection);
        } catch (LinkageError noDriver) {
            return false; // pgjdbc absent, or not readable from this module: the array insert does the work
        }
    }

    /** One batched upsert, in key order, so rows are locked in key order. */
    @Override
    public void addToRecipientCounters(
            Connection connection, Optional<String> tenantId, SortedMap<CounterKey, CounterValues> deltas)
            throws SQLException {
        Scope scope = new Scope(tenantId);
        try (PreparedStatement upsert = connection.prepareStatement(COUNTER_UPSERT)) {
            for (Map.Entry<CounterKey, CounterValues> change : deltas.entrySet()) {
                upsert.setString(1, change.getKey().state().name());
                upsert.setString(2, change.getKey().code());
                RecipientCounters.bindDelta(upsert, 3, change.getValue());
                upsert.setString(7, change.getKey().campaignId().value());
                scope.bind(upsert, 8);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /**
     * A campaign of 100,000 recipients loads in under a minute, before autovacuum's next round: without
     * statistics the planner takes the table for tiny and walks a whole campaign where one index probe
     * per recipient would do.
     */
    @Override
    public Optional<String> statisticsRefresh(String table) {
        return Optional.of("ANALYZE " + table);
    }
}
