package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.store.jdbc.internal.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * A database at schema V4 that already holds campaigns and recipients in every state gets, from the
 * V5 migration, counters equal to a {@code GROUP BY} over those recipients, and the store keeps them
 * right from there. The rows are made by a store on an up-to-date database and copied into the V4 one.
 */
class RecipientCountsMigrationTest {

    private static final Instant NOW = RecipientCountChecks.START.plusSeconds(60);

    @Test
    void v5BackfillsTheCountersOfAnH2DatabaseAtV4() throws SQLException {
        JdbcConnectionPool source = H2Databases.fresh();
        JdbcConnectionPool target = H2Databases.fresh();
        try {
            checkBackfill(source, target, JdbcDialect.H2);
        } finally {
            dispose(source);
            dispose(target);
        }
    }

    @Test
    void v5BackfillsTheCountersOfAPostgresDatabaseAtV4() throws SQLException {
        PostgresDatabase.freshStore();
        try (Connection admin = PostgresDatabase.pool().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS ck_v4_backfill");
            statement.execute("CREATE DATABASE ck_v4_backfill");
        }
        checkBackfill(
                PostgresDatabase.pool(),
                PostgresDatabase.server().getDatabase("postgres", "ck_v4_backfill"),
                JdbcDialect.POSTGRESQL);
    }

    private static void checkBackfill(DataSource source, DataSource target, JdbcDialect dialect) throws SQLException {
        JdbcCampaignStore before =
                JdbcCampaignStore.builder().dataSource(source).build();
        List<Campaign> campaigns = List.of(
                RecipientCountChecks.readyCampaign("upgraded-1", "acme"),
                RecipientCountChecks.readyCampaign("upgraded-2", "globex"),
                RecipientCountChecks.readyCampaign("upgraded-empty", "acme"));
        campaigns.forEach(before::insert);
        fillWithEveryState(before, campaigns.get(0).id(), 0);
        fillWithEveryState(before, campaigns.get(1).id(), 1);

        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(target)
                .locations("classpath:db/campaignkit/common", "classpath:db/campaignkit/" + dialect.migrationFolder())
                .table(Migrations.HISTORY_TABLE)
                .target("4")
                .load()
                .migrate();
        copy(source, target, "ck_campaign");
        copy(source, target, "ck_recipient");

        JdbcCampaignStore upgraded =
                JdbcCampaignStore.builder().dataSource(target).build(); // applies V5
        for (Campaign campaign : campaigns) {
            RecipientCounts counts = upgraded.counts(campaign.id());
            assertThat(counts)
                    .isEqualTo(before.counts(campaign.id()))
                    .isEqualTo(RecipientCountChecks.groupBy(target, campaign.id()));
        }
        RecipientCounts first = upgraded.counts(campaigns.get(0).id());
        assertThat(first.total()).isEqualTo(40);
        assertThat(first.count(DeliveryState.SENDING)).isPositive();
        assertThat(first.accepted()).isPositive();
        assertThat(first.skippedByReason()).containsKey("OPTED_OUT");
        assertThat(first.failedByCode()).containsKeys("E1", "E2");
        assertThat(upgraded.counts(campaigns.get(2).id())).isEqualTo(RecipientCounts.empty());

        // the backfilled rows are the ones the store goes on adjusting
        CampaignId id = campaigns.get(0).id();
        List<Recipient> claimed = upgraded.claimForSending(id, new Lease("after-upgrade", NOW.plusSeconds(30)), 5, NOW);
        assertThat(claimed).isNotEmpty();
        upgraded.apply(claimed.stream()
                .map(r -> new RecipientUpdate.Failed(
                        r.key(), r.lease().orElseThrow(), StatusReason.of("E1", "after upgrade", true), NOW))
                .toList());
        assertThat(upgraded.counts(id)).isEqualTo(RecipientCountChecks.groupBy(target, id));
    }

    /** 40 recipients: pending, sending, sent, delivered, read, failed under two codes, skipped. */
    private static void fillWithEveryState(JdbcCampaignStore store, CampaignId id, int offset) {
        List<NewRecipient> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(
                    i % 10 == 9
                            ? NewRecipient.skipped(
                                    RecipientCountChecks.contact(offset * 100 + i),
                                    NOW,
                                    StatusReason.of("OPTED_OUT", "opted out", true))
                            : NewRecipient.pending(RecipientCountChecks.contact(offset * 100 + i), NOW));
        }
        store.insertRecipients(id, batch, NOW);
        Lease lease = new Lease("before-upgrade", NOW.plusSeconds(30));
        List<Recipient> claimed = store.claimForSending(id, lease, 25, NOW);
        List<RecipientUpdate> outcomes = new ArrayList<>();
        for (int i = 0; i < claimed.size() - 3; i++) { // the last three stay SENDING
            Recipient r = claimed.get(i);
            outcomes.add(
                    switch (i % 5) {
                        case 0, 1, 2 -> new RecipientUpdate.Accepted(r.key(), lease, "wamid." + id.value() + i, NOW);
                        case 3 ->
                            new RecipientUpdate.Failed(r.key(), lease, StatusReason.of("E1", "failed", true), NOW);
                        default ->
                            new RecipientUpdate.Failed(r.key(), lease, StatusReason.of("E2", "failed", false), NOW);
                    });
        }
        store.apply(outcomes);
        List<RecipientUpdate> reports = new ArrayList<>();
        for (int i = 0; i < claimed.size() - 3; i += 5) {
            reports.add(new RecipientUpdate.StatusReached(
                    claimed.get(i).key(), DeliveryState.DELIVERED, Optional.empty(), NOW));
            reports.add(new RecipientUpdate.StatusReached(
                    claimed.get(i + 1).key(), DeliveryState.READ, Optional.empty(), NOW));
        }
        store.apply(reports);
    }

    static void dispose(JdbcConnectionPool pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        pool.dispose();
    }

    /**
     * Copies every row of {@code table}, column by column: the columns the older target has (columns
     * added by later migrations, such as the schedule's, are left out; they are nullable).
     */
    static void copy(DataSource from, DataSource to, String table) throws SQLException {
        copy(from, to, table, java.util.Set.of());
    }

    /** {@link #copy(DataSource, DataSource, String)} without the columns named in {@code skipped} (generated ones). */
    static void copy(DataSource from, DataSource to, String table, java.util.Set<String> skipped) throws SQLException {
        try (Connection source = from.getConnection();
                Connection target = to.getConnection();
                Statement select = source.createStatement();
                ResultSet rows = select.executeQuery("SELECT * FROM " + table);
                Statement probe = target.createStatement();
                ResultSet shape = probe.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            java.util.Set<String> targetColumns = new java.util.HashSet<>();
            for (int i = 1; i <= shape.getMetaData().getColumnCount(); i++) {
                targetColumns.add(shape.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            List<String> names = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                String name = rows.getMetaData().getColumnName(i);
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (targetColumns.contains(lower) && !skipped.contains(lower)) {
                    names.add(name);
                    indexes.add(i);
                }
            }
            try (PreparedStatement insert = target.prepareStatement("INSERT INTO " + table + " ("
                    + String.join(", ", names) + ") VALUES (" + "?, ".repeat(names.size() - 1) + "?)")) {
                while (rows.next()) {
                    for (int i = 0; i < indexes.size(); i++) {
                        insert.setObject(i + 1, rows.getObject(indexes.get(i)));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
