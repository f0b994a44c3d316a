package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs units of work in transactions. A transaction the database aborted to break a deadlock or a
 * serialization conflict ({@link JdbcDialect#isRetryable}) is run again (a few times): every unit of
 * work is written to be repeatable.
 */
public final class Sql {

    /** Runs against one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int MAX_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final JdbcDialect dialect;

    public Sql(DataSource dataSource, JdbcDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * {@link #inTransaction}, run again (up to {@value #MAX_ATTEMPTS} times in all) when it failed on a
     * unique key: another node inserted the same row meanwhile, and {@code work}, which looks before it
     * inserts, finds that row the next time.
     */
    public <T> T inTransactionLookingAgain(String operation, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(operation, work);
            } catch (JdbcStoreException failure) {
                if (attempt >= MAX_ATTEMPTS
                        || !(failure.getCause() instanceof SQLException cause)
                        || !dialect.isUniqueViolation(cause)) {
                    throw failure;
                }
            }
        }
    }

    /** Runs {@code work} in one transaction and commits it; {@code operation} names it in errors. */
    public <T> T inTransaction(String operation, Work<T> work) {
        return inTransaction(operation, work, MAX_ATTEMPTS);
    }

    /**
     * Like {@link #inTransaction}, but never runs {@code work} a second time: for work that hands out rows as it
     * reads them (an export), which another attempt would hand out again.
     */
    public <T> T inTransactionOnce(String operation, Work<T> work) {
        return inTransaction(operation, work, 1);
    }

    /** What {@link #underSavepoint} came to: {@code work}'s answer, else whether a key already stored refused it. */
    public record Attempt<T>(Optional<T> answer, boolean keyTaken) {}

    /**
     * Runs {@code work}, which writes rows it expects to be new, under a savepoint of the transaction {@code
     * connection} is in. A unique key already stored fails it: the transaction goes back to the savepoint and the
     * attempt says the key was taken. {@code work} answering empty (it has no way on this database) also goes back;
     * so does nothing, with no savepoint set, a driver without savepoints. Any other failure is thrown.
     */
    public <T> Attempt<T> underSavepoint(Connection connection, Work<Optional<T>> work) throws SQLException {
        Savepoint before;
        try {
            before = connection.setSavepoint();
        } catch (SQLFeatureNotSupportedException noSavepoints) { // a third database's driver
            return new Attempt<>(Optional.empty(), false);
        }
        try {
            Optional<T> answer = work.run(connection);
            if (answer.isPresent()) {
                connection.releaseSavepoint(before);
            } else {
                connection.rollback(before);
            }
            return new Attempt<>(answer, false);
        } catch (SQLException failure) {
            if (!dialect.isUniqueViolation(failure)) {
                throw failure;
            }
            connection.rollback(before);
            return new Attempt<>(Optional.empty(), true);
        }
    }

    private <T> T inTransaction(String operation, Work<T> work, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException failure) {
                    rollbackQuietly(connection, failure);
                    throw failure;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException failure) {
                if (attempt < attempts && dialect.isRetryable(failure)) {
                    continue;
                }
                throw new JdbcStoreException(operation + " failed: " + failure.getMessage(), failure);
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    // ---------------------------------------------------------------- binding helpers

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static void setNanos(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, nanos(instant));
        }
    }

    /** Binds a claim's condition parameters ({@code now}, then its values) from {@code first}; returns the next index. */
    static int bindClaimCondition(
            PreparedStatement statement, int first, io.campaignkit.store.jdbc.JdbcDialect.RecipientClaim claim)
            throws SQLException {
        setNanos(statement, first, claim.now());
        int index = first + 1;
        for (String value : claim.values()) {
            statement.setString(index++, value);
        }
        return index;
    }

    /** Binds a claim's guard from parameter {@code first}: {@code now}, then the values when it is the condition. */
    static int bindClaimGuard(
            PreparedStatement statement, int first, io.campaignkit.store.jdbc.JdbcDialect.RecipientClaim claim)
            throws SQLException {
        if (claim.guard().equals(claim.condition())) {
            return bindClaimCondition(statement, first, claim);
        }
        setNanos(statement, first, claim.now());
        return first + 1;
    }

    static void setNanos(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
        setNanos(statement, index, instant.orElse(null));
    }

    static Optional<Instant> optInstant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(instant(value));
    }

    static Instant requiredInstant(ResultSet rows, String column) throws SQLException {
        return instant(rows.getLong(column));
    }

    static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** {@code count} parameter markers, comma-separated: the values of an {@code IN (...)} list. */
    static String placeholders(int count) {
        if (count <= 0) {
            throw new InvalidArgumentException("count", "at least one value is needed");
        }
        return "?" + ", ?".repeat(count - 1);
    }
}
