package io.campaignkit.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts that keep an existing row: PostgreSQL says so in the statement ({@code ON CONFLICT DO
 * NOTHING}, which never aborts the transaction); H2 reports a duplicate key, which only undoes that
 * one statement, and the store reads it as "already there".
 */
final class Inserts {

    /** Binds one row's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final boolean postgres;

    Inserts(boolean postgres) {
        this.postgres = postgres;
    }

    /** Runs {@code insert} (an INSERT ... VALUES); returns whether a row was added. */
    boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(postgres ? insert + " ON CONFLICT DO NOTHING" : insert)) {
            binder.bind(statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException failure) {
            if (!postgres && Sql.isUniqueViolation(failure)) {
                return false;
            }
            throw failure;
        }
    }

    boolean postgres() {
        return postgres;
    }
}
