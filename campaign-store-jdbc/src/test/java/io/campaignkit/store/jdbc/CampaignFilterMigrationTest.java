package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.store.jdbc.internal.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * A database at schema V20 that already holds campaigns gets, from V25 and the Java migration V26, the
 * listing's filter columns filled from each campaign's configuration, so the listing by bot flow and by
 * sender finds the campaigns stored before the upgrade; suppressions stored before read back without a
 * reason. The rows are made by a store on an up-to-date database and copied into the V20 one.
 */
class CampaignFilterMigrationTest {

    private static final SenderKey SMS = SenderKey.of("twilio", "+15005550006");

    @Test
    void v26FillsTheFilterColumnsOfAnH2DatabaseAtV20() throws SQLException {
        JdbcConnectionPool source = H2Databases.fresh();
        JdbcConnectionPool target = H2Databases.fresh();
        try {
            checkBackfill(source, target, JdbcDialect.H2);
        } finally {
            RecipientCountsMigrationTest.dispose(source);
            RecipientCountsMigrationTest.dispose(target);
        }
    }

    @Test
    void v26FillsTheFilterColumnsOfAPostgresDatabaseAtV20() throws SQLException {
        PostgresDatabase.freshStore();
        try (Connection admin = PostgresDatabase.pool().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS ck_v20_filters");
            statement.execute("CREATE DATABASE ck_v20_filters");
        }
        checkBackfill(
                PostgresDatabase.pool(),
                PostgresDatabase.server().getDatabase("postgres", "ck_v20_filters"),
                JdbcDialect.POSTGRESQL);
    }

    private static void checkBackfill(DataSource source, DataSource target, JdbcDialect dialect) throws SQLException {
        JdbcCampaignStore before =
                JdbcCampaignStore.builder().dataSource(source).build();
        Campaign whatsApp = RecipientCountChecks.readyCampaign("upgraded-1", "acme");
        Campaign sms = RecipientCountChecks.readyCampaign("upgraded-2", "acme")
                .edit(c -> c.botFlowId("sms-bot").channel(SMS), RecipientCountChecks.START);
        Campaign draft = Campaign.create(
                CampaignId.of("upgraded-3"),
                "acme",
                "counters",
                CampaignKind.LIVE,
                CampaignConfiguration.custom().name("Draft").build(),
                RecipientCountChecks.START);
        List.of(whatsApp, sms, draft).forEach(before::insert);
        before.suppress(new Suppression(
                Optional.empty(),
                RecipientCountChecks.contact(1).phone(),
                Suppression.HOST,
                RecipientCountChecks.START));

        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(target)
                .locations("classpath:db/campaignkit/common", "classpath:db/campaignkit/" + dialect.migrationFolder())
                .table(Migrations.HISTORY_TABLE)
                .target("20")
                .load()
                .migrate();
        RecipientCountsMigrationTest.copy(source, target, "ck_campaign");
        RecipientCountsMigrationTest.copy(source, target, "ck_suppression");

        JdbcCampaignStore upgraded =
                JdbcCampaignStore.builder().dataSource(target).build(); // applies V25 and V26
        CampaignQuery.Listing acme = CampaignQuery.Listing.of("acme");
        String whatsAppBot = whatsApp.configuration().botFlowId().orElseThrow();
        SenderKey whatsAppSender = whatsApp.configuration().channel().orElseThrow();
        assertThat(upgraded.findCampaigns(acme)).containsExactly(whatsApp, sms, draft);
        assertThat(upgraded.findCampaigns(acme.botFlowId(whatsAppBot))).containsExactly(whatsApp);
        assertThat(upgraded.findCampaigns(acme.botFlowId("sms-bot"))).containsExactly(sms);
        assertThat(upgraded.findCampaigns(acme.channel(whatsAppSender))).containsExactly(whatsApp);
        assertThat(upgraded.findCampaigns(acme.channelType("twilio"))).containsExactly(sms);
        assertThat(upgraded.suppressionsOf(RecipientCountChecks.contact(1).phone(), List.of()))
                .singleElement()
                .satisfies(kept -> assertThat(kept.reason()).isEmpty());
    }
}
