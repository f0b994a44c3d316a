package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** Which dialect a data source gets, and the statements the built-in dialects make (the same as before there were dialects). */
class JdbcDialectTest {

    @Test
    void anH2DataSourceGetsTheH2Dialect() {
        JdbcConnectionPool pool = H2Databases.fresh();
        try {
            assertThat(JdbcDialect.detect(pool)).isSameAs(JdbcDialect.H2);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void theProductNameDecides() {
        assertThat(JdbcDialect.detect(reporting("PostgreSQL"))).isSameAs(JdbcDialect.POSTGRESQL);
        assertThat(JdbcDialect.detect(reporting("H2"))).isSameAs(JdbcDialect.H2);
    }

    @Test
    void anUnknownDatabaseIsRefusedNamingTheDataSource() {
        assertThatThrownBy(() -> JdbcDialect.detect(reporting("Oracle")))
                .isInstanceOfSatisfying(InvalidArgumentException.class, error -> {
                    assertThat(error.argument()).isEqualTo("dataSource");
                    assertThat(error.getMessage()).contains("Oracle").contains("JdbcDialect");
                });
        assertThatThrownBy(() -> JdbcDialect.detect(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        error -> assertThat(error.argument()).isEqualTo("dataSource"));
    }

    @Test
    void anUnreachableDatabaseIsAStoreFailure() {
        DataSource down = proxy(DataSource.class, (self, method, arguments) -> {
            throw new SQLException("connection refused", "08001");
        });
        assertThatThrownBy(() -> JdbcDialect.detect(down))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void eachDialectNamesItsMigrationsAndShowsItsName() {
        assertThat(JdbcDialect.H2.migrationFolder()).isEqualTo("h2");
        assertThat(JdbcDialect.POSTGRESQL.migrationFolder()).isEqualTo("postgresql");
        assertThat(JdbcDialect.H2).hasToString("H2");
        assertThat(JdbcDialect.POSTGRESQL).hasToString("POSTGRESQL");
    }

    /** The suppression upsert, as the store wrote it before the dialects. */
    @Test
    void upsertsAreMergeOnH2AndOnConflictOnPostgres() {
        List<String> keys = List.of("scope", "sender_channel", "sender_id", "phone");
        List<String> values = List.of("source", "suppressed_at");
        assertThat(JdbcDialect.H2.upsert("ck_suppression", keys, values))
                .isEqualTo("MERGE INTO ck_suppression (scope, sender_channel, sender_id, phone, source, suppressed_at)"
                        + " KEY (scope, sender_channel, sender_id, phone) VALUES (?, ?, ?, ?, ?, ?)");
        assertThat(JdbcDialect.POSTGRESQL.upsert("ck_suppression", keys, values))
                .isEqualTo("INSERT INTO ck_suppression (scope, sender_channel, sender_id, phone, source, suppressed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, sender_channel, sender_id, phone)"
                        + " DO UPDATE SET source = EXCLUDED.source, suppressed_at = EXCLUDED.suppressed_at");
    }

    @Test
    void listsOfPhonesAreOneArrayOnPostgresAndAnIndexedInListOnH2() {
        assertThat("FROM ck_recipient" + JdbcDialect.POSTGRESQL.useIndex("ck_recipient_by_phone") + " WHERE "
                        + JdbcDialect.POSTGRESQL.anyOf("phone", 3))
                .isEqualTo("FROM ck_recipient WHERE phone = ANY(?)");
        assertThat("FROM ck_recipient" + JdbcDialect.H2.useIndex("ck_recipient_by_phone") + " WHERE "
                        + JdbcDialect.H2.anyOf("phone", 3))
                .isEqualTo("FROM ck_recipient USE INDEX (ck_recipient_by_phone) WHERE phone IN (?, ?, ?)");
        assertThat(JdbcDialect.POSTGRESQL.statisticsRefresh("ck_recipient")).contains("ANALYZE ck_recipient");
        assertThat(JdbcDialect.H2.statisticsRefresh("ck_recipient")).isEmpty();
    }

    @Test
    void conflictsAreRetriedOnTheDatabaseThatReportsThem() {
        assertThat(JdbcDialect.POSTGRESQL.isRetryable(new SQLException("deadlock", "40P01")))
                .isTrue();
        assertThat(JdbcDialect.POSTGRESQL.isRetryable(new SQLException("serialization", "40001")))
                .isTrue();
        assertThat(JdbcDialect.H2.isRetryable(new SQLException("deadlock", "40001")))
                .isTrue();
        assertThat(JdbcDialect.H2.isRetryable(new SQLException("lock timeout", "HYT00")))
                .isTrue();
        assertThat(JdbcDialect.H2.isRetryable(new SQLException("duplicate", "23505")))
                .isFalse();
        assertThat(JdbcDialect.POSTGRESQL.isRetryable(new SQLException("duplicate", "23505")))
                .isFalse();
        SQLException batch = new SQLException("batch entry 0 failed", "HY000");
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(JdbcDialect.POSTGRESQL.isUniqueViolation(batch)).isTrue();
        assertThat(JdbcDialect.H2.isUniqueViolation(new SQLException("other", "42000")))
                .isFalse();
    }

    /** A data source whose database calls itself {@code product}. */
    private static DataSource reporting(String product) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class, (self, method, arguments) -> {
            if (method.getName().equals("getDatabaseProductName")) {
                return product;
            }
            throw new UnsupportedOperationException(method.getName());
        });
        Connection connection = proxy(Connection.class, (self, method, arguments) -> switch (method.getName()) {
            case "getMetaData" -> metaData;
            case "close" -> null;
            default -> throw new UnsupportedOperationException(method.getName());
        });
        return proxy(DataSource.class, (self, method, arguments) -> {
            if (method.getName().equals("getConnection")) {
                return connection;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(
                Proxy.newProxyInstance(JdbcDialectTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
