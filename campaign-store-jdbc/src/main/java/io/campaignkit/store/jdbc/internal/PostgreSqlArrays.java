package io.campaignkit.store.jdbc.internal;

import io.campaignkit.store.jdbc.JdbcDialect.Input;
import io.campaignkit.store.jdbc.JdbcDialect.ParameterBinder;
import io.campaignkit.store.jdbc.JdbcDialect.RecipientClaim;
import io.campaignkit.store.jdbc.JdbcDialect.RowReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL's set-based statements: a batch of rows travels as one array parameter per column
 * ({@code unnest}), and a claim locks, marks and returns its rows in one statement, so a batch of
 * recipients costs one round trip whatever its size, and no recipient crosses the wire twice.
 */
final class PostgreSqlArrays {

    private PostgreSqlArrays() {}

    /** Locks (skipping locked rows), marks and returns a claim's rows as they were, in the claim's order. */
    static <T> List<T> claimAndSet(
            Connection connection,
            RecipientClaim claim,
            String assignments,
            ParameterBinder values,
            RowReader<T> reader)
            throws SQLException {
        // MATERIALIZED: the rows are locked once, by this subquery, and the update joins exactly those
        String text = "WITH picked AS MATERIALIZED (SELECT " + claim.columns()
                + " FROM ck_recipient WHERE campaign_id = ? AND "
                + claim.condition() + " AND " + Scope.TENANT + " ORDER BY " + claim.order()
                + " LIMIT ? FOR UPDATE SKIP LOCKED),"
                + " claimed AS (UPDATE ck_recipient r SET " + assignments + " FROM picked"
                + " WHERE r.campaign_id = picked.campaign_id AND r.phone = picked.phone RETURNING picked.*)"
                + " SELECT * FROM claimed ORDER BY " + claim.order();
        List<T> claimed = new ArrayList<>(claim.limit());
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            statement.setString(1, claim.campaignId());
            int next = Sql.bindClaimCondition(statement, 2, claim);
            new Scope(claim.tenantId()).bind(statement, next);
            statement.setInt(next + 1, claim.limit());
            values.bind(statement, next + 2);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(reader.read(rows));
                }
            }
        }
        return claimed;
    }

    /** See {@link io.campaignkit.store.jdbc.JdbcDialect#updateRecipients}. */
    static <T> List<T> updateRecipients(
            Connection connection,
            Optional<String> tenantId,
            List<Input> inputs,
            List<Object[]> rows,
            String guard,
            String assignments,
            String returning,
            RowReader<T> reader)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> returned = returning.isBlank()
                ? List.of()
                : Arrays.stream(returning.split(",")).map(String::trim).toList();
        // the locked rows carry their inputs along, so the update joins them alone: a second join with the
        // arrays is planned blind (a generic plan takes unnest for 10 rows) and rescans them per row
        String carried = inputs.stream().map(input -> "v." + input.name()).collect(Collectors.joining(", "))
                + returned.stream()
                        .map(column -> ", r." + column + " AS old_" + column)
                        .collect(Collectors.joining());
        String text = "WITH v AS (SELECT * FROM " + unnest(inputs) + "),"
                + " locked AS MATERIALIZED (SELECT " + carried + " FROM ck_recipient r JOIN v"
                + " ON r.campaign_id = v.campaign_id AND r.phone = v.phone WHERE (" + guard + ")"
                + " AND r.tenant_id = COALESCE(?, r.tenant_id) ORDER BY r.campaign_id, r.phone FOR UPDATE OF r)"
                + " UPDATE ck_recipient r SET " + assignments + " FROM locked v"
                + " WHERE r.campaign_id = v.campaign_id AND r.phone = v.phone"
                + (returned.isEmpty()
                        ? ""
                        : " RETURNING "
                                + returned.stream()
                                        .map(column -> "v.old_" + column + " AS " + column)
                                        .collect(Collectors.joining(", ")));
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            int next = bindColumns(
                    connection, statement, 1, inputs.stream().map(Input::type).toList(), rows);
            Sql.setString(statement, next, tenantId.orElse(null));
            if (returned.isEmpty()) {
                statement.executeUpdate();
                return List.of();
            }
            List<T> before = new ArrayList<>(rows.size());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    before.add(reader.read(result));
                }
            }
            return before;
        }
    }

    /** {@code INSERT ... SELECT * FROM unnest(...) ON CONFLICT DO NOTHING}: one statement for every row. */
    static void insertMany(Connection connection, String table, List<Input> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(insertFromArrays(table, columns))) {
            bindColumns(connection, insert, 1, columns.stream().map(Input::type).toList(), rows);
            insert.executeUpdate();
        }
    }

    /** {@link #insertMany}, answering the {@code answered} column of the rows it inserted ({@code RETURNING}). */
    static List<String> insertManyAnswering(
            Connection connection, String table, List<Input> columns, List<Object[]> rows, String answered)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> inserted = new ArrayList<>(rows.size());
        try (PreparedStatement insert =
                connection.prepareStatement(insertFromArrays(table, columns) + " RETURNING " + answered)) {
            bindColumns(connection, insert, 1, columns.stream().map(Input::type).toList(), rows);
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getString(1));
                }
            }
        }
        return inserted;
    }

    private static String insertFromArrays(String table, List<Input> columns) {
        String arrays = columns.stream()
                .map(column -> "?::" + arrayType(column.type()) + "[]")
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + columns.stream().map(Input::name).collect(Collectors.joining(", "))
                + ") SELECT * FROM unnest(" + arrays + ") ON CONFLICT DO NOTHING";
    }

    private static String unnest(List<Input> inputs) {
        return "unnest("
                + inputs.stream()
                        .map(input -> "?::" + arrayType(input.type()) + "[]")
                        .collect(Collectors.joining(", ")) + ") AS v("
                + inputs.stream().map(Input::name).collect(Collectors.joining(", ")) + ")";
    }

    /** Binds one array per column, from {@code first}; answers the next index. */
    private static int bindColumns(
            Connection connection, PreparedStatement statement, int first, List<Integer> types, List<Object[]> rows)
            throws SQLException {
        for (int column = 0; column < types.size(); column++) {
            Object[] values = new Object[rows.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = rows.get(row)[column];
            }
            statement.setArray(first + column, connection.createArrayOf(arrayType(types.get(column)), values));
        }
        return first + types.size();
    }

    private static String arrayType(int type) {
        return switch (type) {
            case Types.BIGINT -> "int8";
            case Types.INTEGER -> "int4";
            case Types.BOOLEAN -> "bool";
            case Types.VARCHAR -> "varchar";
            default -> throw new IllegalArgumentException("no array type for SQL type " + type);
        };
    }
}
