package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listing's filters run on the indexes of V25 (and V1's by project): H2's plan of the statement the
 * store sends for each selective filter names the index that starts with the tenant and that filter's
 * column, and no listing scans the table. (PostgreSQL's planner picks a scan for tables this small, so its plans are
 * not checked here.)
 */
class ListingIndexesTest {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    private static final SenderKey SENDER = SenderKey.of("whatsapp-cloud", "1098");

    private JdbcConnectionPool pool;

    @BeforeEach
    void campaignsOfSeveralTenants() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:ck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcCampaignStore store = JdbcCampaignStore.builder().dataSource(pool).build();
        for (int i = 0; i < 300; i++) {
            CampaignConfiguration configuration = CampaignConfiguration.custom()
                    .name("c" + i)
                    .botFlowId("bot-" + i % 7)
                    .channel(SenderKey.of(i % 2 == 0 ? "whatsapp-cloud" : "twilio", "s" + i % 5))
                    .message(TemplateMessage.of(InlineTemplate.of("Hola")))
                    .audience(AudienceReference.importedList("l"))
                    .build();
            Campaign campaign = Campaign.create(
                    CampaignId.of(String.format("c-%04d", i)),
                    "tenant-" + i % 10,
                    "project-" + i % 3,
                    CampaignKind.LIVE,
                    configuration,
                    T0);
            store.insert(i % 4 == 0 ? campaign.launch(T0) : campaign);
        }
        try (Connection connection = pool.getConnection();
                Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE");
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        pool.dispose();
    }

    @Test
    void eachFilterReadsTheIndexOfTheTenantAndItsColumn() throws SQLException {
        CampaignQuery.Listing tenant = CampaignQuery.Listing.of("tenant-3");
        assertThat(plan(tenant)).contains("CK_CAMPAIGN_BY_TENANT");
        assertThat(plan(tenant.projectId("project-1"))).contains("CK_CAMPAIGN_BY_PROJECT");
        assertThat(plan(tenant.state(CampaignState.ACTIVE))).contains("CK_CAMPAIGN_BY_TENANT_STATE");
        assertThat(plan(tenant.botFlowId("bot-3"))).contains("CK_CAMPAIGN_BY_TENANT_BOT");
        // a channel type is a coarse filter (two values here): reading the tenant's ids in order may cost less
        assertThat(plan(tenant.channelType("twilio"))).containsPattern("CK_CAMPAIGN_BY_TENANT(_SENDER)?:");
        assertThat(plan(tenant.channel(SENDER))).contains("CK_CAMPAIGN_BY_TENANT_SENDER");
    }

    @Test
    void noListingScansTheTable() throws SQLException {
        CampaignQuery.Listing every = CampaignQuery.Listing.of("tenant-3")
                .projectId("project-1")
                .state(CampaignState.READY)
                .botFlowId("bot-3")
                .channelType("whatsapp-cloud")
                .channel(SENDER)
                .after(CampaignId.of("c-0100"));
        assertThat(plan(every)).contains("CK_CAMPAIGN_BY").doesNotContainIgnoringCase("tableScan");
        assertThat(plan(CampaignQuery.Listing.of("tenant-3"))).doesNotContainIgnoringCase("tableScan");
    }

    /** H2's plan of the statement the store sends for {@code listing}, its parameters bound as the store binds them. */
    private String plan(CampaignQuery.Listing listing) throws SQLException {
        List<String> values = new ArrayList<>();
        String statement = CampaignRows.pageStatement(CampaignRows.listingCondition(listing, values));
        try (Connection connection = pool.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement)) {
            int index = 1;
            for (String value : values) {
                explain.setString(index++, value);
            }
            explain.setString(index++, listing.after().map(CampaignId::value).orElse(""));
            explain.setString(index++, null);
            explain.setInt(index, listing.limit());
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
