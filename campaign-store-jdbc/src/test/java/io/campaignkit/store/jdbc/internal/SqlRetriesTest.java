package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.JdbcStoreException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which failures the store tries again, and how often: a serialization failure or a lock timeout up to five
 * attempts in all, a unique-key failure of work that looks before it inserts up to five too, anything else and
 * an export never; what is given up names the operation.
 */
class SqlRetriesTest {

    private static final SQLException SERIALIZATION = new SQLException("could not serialize access", "40001");
    private static final SQLException UNIQUE = new SQLException("duplicate key", "23505");
    private static final SQLException SYNTAX = new SQLException("syntax error", "42000");

    private final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:ck-" + UUID.randomUUID(), "sa", "");
    private final Sql sql = new Sql(pool, JdbcDialect.H2);
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void dispose() {
        pool.dispose();
    }

    /** Work failing with {@code failure} the first {@code failing} times, then answering its attempt. */
    private Sql.Work<Integer> failing(int failing, SQLException failure) {
        return connection -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= failing) {
                throw failure;
            }
            return attempt;
        };
    }

    @Test
    void aSerializationFailureIsTriedAgainUpToFiveAttemptsInAll() {
        assertThat(sql.inTransaction("counting", failing(4, SERIALIZATION))).isEqualTo(5);

        attempts.set(0);
        assertThatThrownBy(() -> sql.inTransaction("counting", failing(5, SERIALIZATION)))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessage("counting failed: could not serialize access")
                .hasCause(SERIALIZATION);
        assertThat(attempts).hasValue(5);
    }

    @Test
    void anyOtherFailureIsThrownAtOnceAndAnExportIsNeverTriedAgain() {
        assertThatThrownBy(() -> sql.inTransaction("reading", failing(1, SYNTAX)))
                .isInstanceOf(JdbcStoreException.class)
                .hasCause(SYNTAX);
        assertThat(attempts).hasValue(1);

        attempts.set(0);
        assertThatThrownBy(() -> sql.inTransactionOnce("exporting", failing(1, SERIALIZATION)))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessage("exporting failed: could not serialize access");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void workThatLooksBeforeItInsertsIsRunAgainAfterAUniqueKeyFailureUpToFiveTimes() {
        assertThat(sql.inTransactionLookingAgain("engaging", failing(4, UNIQUE)))
                .isEqualTo(5);

        attempts.set(0);
        assertThatThrownBy(() -> sql.inTransactionLookingAgain("engaging", failing(5, UNIQUE)))
                .isInstanceOf(JdbcStoreException.class)
                .hasCause(UNIQUE);
        assertThat(attempts).hasValue(5);

        attempts.set(0);
        assertThatThrownBy(() -> sql.inTransactionLookingAgain("engaging", failing(1, SYNTAX)))
                .isInstanceOf(JdbcStoreException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aFailedTransactionKeepsNothingItWroteAndAnAttemptThatSucceedsAnswersItsWork() {
        sql.inTransaction("creating", connection -> connection.createStatement().execute("CREATE TABLE t (x INT)"));
        assertThatThrownBy(() -> sql.inTransaction("writing", connection -> {
                    connection.createStatement().execute("INSERT INTO t VALUES (1)");
                    throw SYNTAX;
                }))
                .isInstanceOf(JdbcStoreException.class);
        Sql.Work<Integer> count = connection -> {
            try (var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                rows.next();
                return rows.getInt(1);
            }
        };
        assertThat(sql.inTransactionOnce("counting", count)).isZero();
    }
}
