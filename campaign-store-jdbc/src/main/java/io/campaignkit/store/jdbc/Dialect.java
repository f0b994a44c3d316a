package io.campaignkit.store.jdbc;

import io.campaignkit.core.InvalidArgumentException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The databases the JDBC store runs on. */
public enum Dialect {
    /** H2 2.x: the embedded default, for one application instance. */
    H2("h2"),
    /** PostgreSQL 13 or later: for several application instances sharing the work. */
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** The folder of this dialect's own migrations, beside the common ones. */
    String migrationFolder() {
        return migrationFolder;
    }

    /**
     * The dialect of the database behind {@code dataSource}, from its product name.
     *
     * @throws InvalidArgumentException if it is neither H2 nor PostgreSQL
     * @throws JdbcStoreException if no connection can be made
     */
    public static Dialect detect(DataSource dataSource) {
        if (dataSource == null) {
            throw new InvalidArgumentException("dataSource", "dataSource must not be null");
        }
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String normalized = product.toLowerCase(Locale.ROOT);
            if (normalized.contains("h2")) {
                return H2;
            }
            if (normalized.contains("postgresql")) {
                return POSTGRESQL;
            }
            throw new InvalidArgumentException("dataSource", "the JDBC store runs on H2 or PostgreSQL, not on " + product);
        } catch (SQLException failure) {
            throw new JdbcStoreException("could not connect to detect the database: " + failure.getMessage(), failure);
        }
    }
}
