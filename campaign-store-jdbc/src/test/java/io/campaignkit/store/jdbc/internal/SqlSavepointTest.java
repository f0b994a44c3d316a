package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.JdbcStoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows a launch expects to be new are written under a savepoint ({@link Sql#underSavepoint}): what the work
 * answers stays; a key already stored, or the work having no way, takes the transaction back to the savepoint
 * and leaves what came before it; another failure is thrown; a driver without savepoints runs nothing.
 */
class SqlSavepointTest {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:ck-" + UUID.randomUUID(), "sa", "");
    private final Sql sql = new Sql(pool, JdbcDialect.H2);

    @BeforeEach
    void createATable() {
        sql.inTransaction("creating", connection -> execute(connection, "CREATE TABLE probe (k INTEGER PRIMARY KEY)"));
    }

    @AfterEach
    void dispose() {
        pool.dispose();
    }

    @Test
    void whatTheWorkAnswersStays() {
        Sql.Attempt<String> attempt = sql.inTransaction("adding", connection -> {
            execute(connection, "INSERT INTO probe VALUES (1)");
            return sql.underSavepoint(connection, work -> {
                execute(work, "INSERT INTO probe VALUES (2)");
                return Optional.of("loaded");
            });
        });

        assertThat(attempt.answer()).contains("loaded");
        assertThat(attempt.keyTaken()).isFalse();
        assertThat(keys()).containsExactly(1, 2);
    }

    @Test
    void aKeyAlreadyStoredTakesTheTransactionBackToTheSavepoint() {
        sql.inTransaction("adding", connection -> execute(connection, "INSERT INTO probe VALUES (3)"));

        Sql.Attempt<String> attempt = sql.inTransaction("adding", connection -> {
            execute(connection, "INSERT INTO probe VALUES (1)");
            Sql.Attempt<String> refused = sql.underSavepoint(connection, work -> {
                execute(work, "INSERT INTO probe VALUES (2)");
                execute(work, "INSERT INTO probe VALUES (3)");
                return Optional.of("loaded");
            });
            execute(connection, "INSERT INTO probe VALUES (4)"); // the transaction goes on
            return refused;
        });

        assertThat(attempt.answer()).isEmpty();
        assertThat(attempt.keyTaken()).isTrue();
        assertThat(keys()).as("2 went with the savepoint").containsExactly(1, 3, 4);
    }

    @Test
    void workWithNoWayOnThisDatabaseIsTakenBackToo() {
        Sql.Attempt<String> attempt = sql.inTransaction("adding", connection -> {
            execute(connection, "INSERT INTO probe VALUES (1)");
            return sql.underSavepoint(connection, work -> {
                execute(work, "INSERT INTO probe VALUES (2)"); // written before finding it had no way
                return Optional.<String>empty();
            });
        });

        assertThat(attempt.answer()).isEmpty();
        assertThat(attempt.keyTaken()).isFalse();
        assertThat(keys()).containsExactly(1);
    }

    @Test
    void anotherFailureIsThrown() {
        assertThatThrownBy(() -> sql.inTransaction(
                        "adding",
                        connection -> sql.underSavepoint(connection, work -> {
                            execute(work, "INSERT INTO no_such_table VALUES (1)");
                            return Optional.of("loaded");
                        })))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("adding failed");
        assertThat(keys()).isEmpty();
    }

    @Test
    void aDriverWithoutSavepointsRunsNothing() throws SQLException {
        List<String> ran = new ArrayList<>();
        try (Connection real = pool.getConnection()) {
            Connection withoutSavepoints = (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("setSavepoint")) {
                            throw new SQLFeatureNotSupportedException("no savepoints");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    });

            Sql.Attempt<String> attempt = sql.underSavepoint(withoutSavepoints, work -> {
                ran.add("work");
                return Optional.of("loaded");
            });

            assertThat(attempt.answer()).isEmpty();
            assertThat(attempt.keyTaken()).isFalse();
        }
        assertThat(ran).isEmpty();
    }

    private List<Integer> keys() {
        return sql.inTransaction("reading", connection -> {
            List<Integer> keys = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT k FROM probe ORDER BY k")) {
                while (rows.next()) {
                    keys.add(rows.getInt(1));
                }
            }
            return keys;
        });
    }

    private static Void execute(Connection connection, String statementText) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        }
        return null;
    }
}
