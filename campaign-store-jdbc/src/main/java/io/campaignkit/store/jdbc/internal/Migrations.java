package io.campaignkit.store.jdbc.internal;

import io.campaignkit.store.jdbc.JdbcStoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The schema, managed by Flyway: the dialect-neutral migrations of {@code db/campaignkit/common} and
 * the dialect's own of {@code db/campaignkit/<dialect>}, and the Java ones named here (V26,
 * {@link CampaignFilterBackfill}), recorded in {@code ck_schema_history} (so
 * they never mix with the host's own Flyway history). Flyway serializes concurrent migrations of
 * several nodes (an advisory lock on PostgreSQL).
 */
public final class Migrations {

    /** The table in which Flyway records the applied migrations. */
    public static final String HISTORY_TABLE = "ck_schema_history";

    private Migrations() {}

    /** Applies the migrations ({@code migrate}), or only checks that they were applied (a host that runs them itself). */
    public static void prepare(DataSource dataSource, String dialectFolder, boolean migrate) {
        if (migrate) {
            migrate(dataSource, dialectFolder);
        } else {
            validate(dataSource, dialectFolder);
        }
    }

    public static void migrate(DataSource dataSource, String dialectFolder) {
        try {
            flyway(dataSource, dialectFolder).migrate();
        } catch (FlywayException failure) {
            throw new JdbcStoreException("migrating the CampaignKit schema failed: " + failure.getMessage(), failure);
        }
    }

    /** Checks that every migration is applied, without applying any. */
    public static void validate(DataSource dataSource, String dialectFolder) {
        try {
            flyway(dataSource, dialectFolder).validate();
        } catch (FlywayException failure) {
            throw new JdbcStoreException(
                    "the CampaignKit schema is not up to date (build the store with migrate(true),"
                            + " or apply the migrations of db/campaignkit): " + failure.getMessage(),
                    failure);
        }
    }

    private static Flyway flyway(DataSource dataSource, String dialectFolder) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/campaignkit/common", "classpath:db/campaignkit/" + dialectFolder)
                .javaMigrations(new CampaignFilterBackfill())
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
