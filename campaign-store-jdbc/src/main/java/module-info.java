/**
 * The storage ports on JDBC: H2 embedded by default, PostgreSQL for several application instances.
 * {@code io.campaignkit.store.jdbc.internal} is not exported.
 */
module io.campaignkit.store.jdbc {
    // @NullMarked and @Nullable: read by the compiler and NullAway, not needed at run time
    requires static org.jspecify;
    requires transitive io.campaignkit.core;
    // JdbcDeskStore implements the desk's ports
    requires transitive io.campaignkit.desk;
    // the builders take a javax.sql.DataSource
    requires transitive java.sql;
    // Flyway 11's jar has no module name: this is the automatic name derived from flyway-core-*.jar
    requires flyway.core;
    requires com.h2database;
    // the pool of JdbcCampaignStores.h2File
    requires com.zaxxer.hikari;
    // PostgreSQL's COPY (internal.PostgreSqlCopy): optional; without the driver the array insert is taken
    requires static org.postgresql.jdbc;

    exports io.campaignkit.store.jdbc;

    // Flyway reads the migrations as resources through a class loader, which finds a named module's
    // resources only in packages it opens to everyone. These folders hold SQL files only, no code.
    opens db.campaignkit.common;
    opens db.campaignkit.h2;
    opens db.campaignkit.postgresql;
}
