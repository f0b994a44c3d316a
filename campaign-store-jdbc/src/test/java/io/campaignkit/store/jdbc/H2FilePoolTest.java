package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcPreparedStatement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool of {@link JdbcCampaignStores#h2File} keeps H2's parsed statements from one transaction to the next:
 * H2 empties a session's statement cache on rollback, and H2's own pool rolls back every connection handed
 * back, which parsed every statement of a dispatch again in each transaction. Read through H2's internals
 * (the parsed command a prepared statement holds): the same command object means it was not parsed again.
 */
class H2FilePoolTest {

    private static final String QUERY = "SELECT COUNT(*) FROM ck_campaign WHERE state = ?";

    @TempDir
    Path directory;

    @Test
    void aStatementPreparedAgainInTheNextTransactionIsNotParsedAgain() throws Exception {
        try (HikariDataSource pool = JdbcCampaignStores.h2Pool(url("kept"))) {
            migrate(pool);
            Object first = commandOfOneTransaction(pool);
            Object second = commandOfOneTransaction(pool);
            assertThat(second).isSameAs(first);
        }
    }

    /** Why the store does not use H2's own pool: there the same check finds a new command every time. */
    @Test
    void h2sOwnPoolParsesEveryTransactionsStatementsAgain() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url("lost"), "sa", "");
        try {
            migrate(pool);
            Object first = commandOfOneTransaction(pool);
            Object second = commandOfOneTransaction(pool);
            assertThat(second).isNotSameAs(first);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void theH2FileStoreClosesItsPool() {
        JdbcCampaignStore store = JdbcCampaignStores.h2File(directory.resolve("closed"));
        store.close();
        // the file is free again: a second store opens it (an embedded H2 file is opened by one pool at a time)
        try (JdbcCampaignStore reopened = JdbcCampaignStores.h2File(directory.resolve("closed"))) {
            assertThat(reopened.dialect()).isEqualTo(JdbcDialect.H2);
        }
    }

    private String url(String name) {
        return "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath();
    }

    private static void migrate(DataSource pool) {
        try (JdbcCampaignStore store = JdbcCampaignStore.builder()
                .dataSource(pool)
                .dialect(JdbcDialect.H2)
                .build()) {
            assertThat(store.dialect()).isEqualTo(JdbcDialect.H2); // migrated; the pool stays open
        }
    }

    /** One transaction as the store runs them: prepared, run, committed, the connection handed back. */
    private static Object commandOfOneTransaction(DataSource pool) throws SQLException, ReflectiveOperationException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            Object command;
            try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
                command = parsedCommand(statement);
                statement.setString(1, "RUNNING");
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                }
            }
            connection.commit();
            return command;
        }
    }

    private static Object parsedCommand(PreparedStatement statement) throws SQLException, ReflectiveOperationException {
        Field command = JdbcPreparedStatement.class.getDeclaredField("command");
        command.setAccessible(true);
        return command.get(statement.unwrap(JdbcPreparedStatement.class));
    }
}
