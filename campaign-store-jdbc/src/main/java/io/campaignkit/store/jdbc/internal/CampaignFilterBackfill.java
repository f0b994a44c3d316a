package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.SenderKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V26: fills the listing's filter columns of V25 ({@code bot_flow_id}, {@code sender_channel},
 * {@code sender_id}) for the campaigns stored before, from their encoded configuration, which only Java
 * reads. Campaigns written since V25 carry the columns already; this runs once, in Flyway's transaction,
 * a thousand campaigns a statement batch.
 */
public final class CampaignFilterBackfill implements JavaMigration {

    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("26");
    }

    @Override
    public String getDescription() {
        return "campaign filter columns";
    }

    @Override
    public Integer getChecksum() {
        return 26;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String after = "";
        while (true) {
            Map<String, CampaignConfiguration> page = new LinkedHashMap<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT campaign_id, configuration FROM ck_campaign"
                            + " WHERE campaign_id > ? ORDER BY campaign_id LIMIT " + BATCH)) {
                select.setString(1, after);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.put(rows.getString(1), CampaignCodec.decodeConfiguration(rows.getString(2)));
                    }
                }
            }
            if (page.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE ck_campaign SET bot_flow_id = ?,"
                    + " sender_channel = ?, sender_id = ? WHERE campaign_id = ?")) {
                for (Map.Entry<String, CampaignConfiguration> campaign : page.entrySet()) {
                    CampaignConfiguration configuration = campaign.getValue();
                    Sql.setString(update, 1, configuration.botFlowId().orElse(null));
                    Sql.setString(
                            update,
                            2,
                            configuration.channel().map(SenderKey::channelType).orElse(null));
                    Sql.setString(
                            update,
                            3,
                            configuration.channel().map(SenderKey::senderId).orElse(null));
                    update.setString(4, campaign.getKey());
                    update.addBatch();
                    after = campaign.getKey();
                }
                update.executeBatch();
            }
        }
    }
}
