package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import java.nio.file.Path;
import java.time.Instant;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building stores: migrations applied or checked, the dialect detected, the H2 file store persists. */
class JdbcCampaignStoreBuilderTest {

    @TempDir
    Path directory;

    @Test
    void anH2FileStoreKeepsCampaignsAcrossRestarts() {
        Campaign campaign = Campaign.create(
                CampaignId.of("kept"),
                "acme",
                "cli",
                CampaignKind.LIVE,
                CampaignConfiguration.custom()
                        .name("Kept")
                        .audience(AudienceReference.importedList("a.csv"))
                        .build(),
                Instant.parse("2026-06-01T15:00:00Z"));
        try (JdbcCampaignStore store = JdbcCampaignStores.h2File(directory.resolve("campaigns"))) {
            assertThat(store.dialect()).isEqualTo(JdbcDialect.H2);
            store.insert(campaign);
        }
        try (JdbcCampaignStore reopened = JdbcCampaignStores.h2File(directory.resolve("campaigns"))) {
            assertThat(reopened.find(campaign.id())).contains(campaign);
        }
    }

    @Test
    void withoutMigrationAnUnmigratedDatabaseIsRefusedWithAClearError() {
        JdbcConnectionPool pool = H2Databases.fresh();
        try {
            assertThatThrownBy(() -> JdbcCampaignStore.builder()
                            .dataSource(pool)
                            .migrate(false)
                            .build())
                    .isInstanceOfSatisfying(JdbcStoreException.class, error -> {
                        assertThat(error.code()).isEqualTo(JdbcStoreException.CODE);
                        assertThat(error.getMessage()).contains("migrate(true)");
                    });
            JdbcCampaignStore.builder().dataSource(pool).build();
            assertThat(JdbcCampaignStore.builder()
                            .dataSource(pool)
                            .migrate(false)
                            .build()
                            .dialect())
                    .isEqualTo(JdbcDialect.H2);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void theDialectIsDetectedFromTheDatabase() {
        assertThat(JdbcDialect.detect(PostgresDatabase.pool())).isEqualTo(JdbcDialect.POSTGRESQL);
        JdbcConnectionPool pool = H2Databases.fresh();
        try {
            assertThat(JdbcDialect.detect(pool)).isEqualTo(JdbcDialect.H2);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> JdbcCampaignStore.builder().build())
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        error -> assertThat(error.argument()).isEqualTo("dataSource"));
        assertThatThrownBy(() -> JdbcCampaignStore.builder().tenant(" "))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        error -> assertThat(error.argument()).isEqualTo("tenantId"));
        assertThatThrownBy(() -> JdbcCampaignStores.h2File(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        error -> assertThat(error.argument()).isEqualTo("path"));
        assertThatThrownBy(() -> JdbcDialect.detect(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        error -> assertThat(error.argument()).isEqualTo("dataSource"));
    }
}
