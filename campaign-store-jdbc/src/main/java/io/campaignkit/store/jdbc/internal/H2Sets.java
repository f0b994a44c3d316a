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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * H2's set-based statements: a batch of rows travels as one array parameter per column ({@code TABLE(x VARCHAR =
 * ?, ...)}), a {@code MERGE ... WHEN MATCHED AND <guard> THEN UPDATE} changes them all, and the data-change delta
 * table {@code OLD TABLE (...)} answers the changed rows as they were, in the same statement. H2 locks each matched
 * row and evaluates the guard again on the locked row, as {@code FOR UPDATE} then a check would; there is no
 * separate locking read, so each recipient's row is written once per change rather than locked then written.
 */
final class H2Sets {

    private H2Sets() {}

    /**
     * Marks a claim's candidates (found in index order, unlocked) that still meet the claim's guard once
     * locked, and answers them as they were, in the claim's order. A candidate another claimer holds is waited
     * for, then found changed and left out: no recipient is claimed twice.
     */
    static <T> List<T> claimAndSet(
            Connection connection,
            RecipientClaim claim,
            List<String> candidates,
            String assignments,
            ParameterBinder values,
            RowReader<T> reader)
            throws SQLException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        String text = "SELECT " + claim.columns() + " FROM OLD TABLE (MERGE INTO ck_recipient r"
                + " USING (SELECT * FROM TABLE(phone VARCHAR = ?)) v ON r.campaign_id = ? AND r.phone = v.phone"
                + " WHEN MATCHED AND " + claim.guard() + " THEN UPDATE SET " + assignments + ") ORDER BY "
                + claim.order();
        List<T> claimed = new ArrayList<>(candidates.size());
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            statement.setArray(1, connection.createArrayOf("VARCHAR", candidates.toArray()));
            statement.setString(2, claim.campaignId());
            int next = Sql.bindClaimGuard(statement, 3, claim);
            values.bind(statement, next);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(reader.read(rows));
                }
            }
        }
        return claimed;
    }

    /** See {@link io.campaignkit.store.jdbc.JdbcDialect#updateRecipients}; rows are locked in (campaign, phone) order. */
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
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((Object[] row) -> (String) row[0]).thenComparing(row -> (String) row[1]));
        String merge = "MERGE INTO ck_recipient r USING (SELECT * FROM TABLE("
                + inputs.stream()
                        .map(input -> input.name() + " " + typeName(input.type()) + " = ?")
                        .collect(Collectors.joining(", "))
                + ")) v ON r.campaign_id = v.campaign_id AND r.phone = v.phone WHEN MATCHED AND (" + guard
                + ") AND r.tenant_id = COALESCE(?, r.tenant_id) THEN UPDATE SET " + assignments;
        boolean answers = !returning.isBlank();
        try (PreparedStatement statement = connection.prepareStatement(
                answers ? "SELECT " + returning + " FROM OLD TABLE (" + merge + ")" : merge)) {
            for (int column = 0; column < inputs.size(); column++) {
                Object[] values = new Object[sorted.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = sorted.get(row)[column];
                }
                statement.setArray(
                        column + 1,
                        connection.createArrayOf(typeName(inputs.get(column).type()), values));
            }
            Sql.setString(statement, inputs.size() + 1, tenantId.orElse(null));
            if (!answers) {
                statement.executeUpdate();
                return List.of();
            }
            List<T> before = new ArrayList<>(sorted.size());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    before.add(reader.read(result));
                }
            }
            return before;
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case Types.BIGINT -> "BIGINT";
            case Types.INTEGER -> "INTEGER";
            case Types.BOOLEAN -> "BOOLEAN";
            case Types.VARCHAR -> "VARCHAR";
            default -> throw new IllegalArgumentException("no H2 type for SQL type " + type);
        };
    }
}
