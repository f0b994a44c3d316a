package io.campaignkit.store.jdbc;

import io.campaignkit.core.port.rules.CounterKey;
import io.campaignkit.core.port.rules.CounterValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * H2 without any of the optional set-based statements: the path a third database's dialect takes when it
 * implements only what {@link JdbcDialect} requires (lock, read, apply core's rules, write back row by row).
 */
final class RowByRowDialect implements JdbcDialect {

    private final JdbcDialect h2 = JdbcDialect.H2;

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String migrationFolder() {
        return h2.migrationFolder();
    }

    @Override
    public boolean isRetryable(SQLException failure) {
        return h2.isRetryable(failure);
    }

    @Override
    public boolean isUniqueViolation(SQLException failure) {
        return h2.isUniqueViolation(failure);
    }

    @Override
    public boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException {
        return h2.insertIfAbsent(connection, insert, binder);
    }

    @Override
    public <R> void insertAllIfAbsent(
            Connection connection, String insert, Collection<R> rows, AbsentRows<R> absent, RowBinder<R> binder)
            throws SQLException {
        h2.insertAllIfAbsent(connection, insert, rows, absent, binder);
    }

    @Override
    public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        return h2.upsert(table, keyColumns, valueColumns);
    }

    @Override
    public String whileIn(String state, String column) {
        return h2.whileIn(state, column); // the H2 schema's columns: only the set-based statements are left out
    }

    @Override
    public String useIndex(String index) {
        return h2.useIndex(index);
    }

    @Override
    public String anyOf(String column, int count) {
        return h2.anyOf(column, count);
    }

    @Override
    public int bindAnyOf(Connection connection, PreparedStatement statement, int first, Collection<String> values)
            throws SQLException {
        return h2.bindAnyOf(connection, statement, first, values);
    }

    @Override
    public <T> List<T> lockForClaim(Connection connection, RecipientClaim claim, RowReader<T> reader)
            throws SQLException {
        return h2.lockForClaim(connection, claim, reader);
    }

    @Override
    public void addToRecipientCounters(
            Connection connection, Optional<String> tenantId, SortedMap<CounterKey, CounterValues> deltas)
            throws SQLException {
        h2.addToRecipientCounters(connection, tenantId, deltas);
    }

    @Override
    public Optional<String> statisticsRefresh(String table) {
        return h2.statisticsRefresh(table);
    }

    @Override
    public String toString() {
        return "H2 (row by row)";
    }
}
