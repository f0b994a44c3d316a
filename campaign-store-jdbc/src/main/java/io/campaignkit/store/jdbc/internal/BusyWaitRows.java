package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.BusyWaits;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

/**
 * The {@link BusyWaits} in table {@code ck_busy_wait} (V38): one row per campaign and phone waited for. The
 * primary key decides which engine's instant is kept: each inserts its own if absent, then reads the one
 * stored, so engines finding one contact busy at once all read the first.
 */
public final class BusyWaitRows implements BusyWaits {

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final JdbcDialect dialect;

    public BusyWaitRows(Sql sql, Scope scope, CampaignRows campaigns, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.dialect = dialect;
    }

    @Override
    public Instant firstFoundBusy(CampaignId campaignId, PhoneNumber phone, Instant now) {
        return sql.inTransactionLookingAgain("keeping the busy wait of " + phone + " in " + campaignId, connection -> {
            String tenant = campaigns.tenantForWriting(connection, campaignId);
            dialect.insertIfAbsent(
                    connection,
                    "INSERT INTO ck_busy_wait (campaign_id, phone, tenant_id, busy_since) VALUES (?, ?, ?, ?)",
                    insert -> {
                        insert.setString(1, campaignId.value());
                        insert.setString(2, phone.e164());
                        insert.setString(3, tenant);
                        Sql.setNanos(insert, 4, now);
                    });
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT busy_since FROM ck_busy_wait WHERE campaign_id = ? AND phone = ?")) {
                select.setString(1, campaignId.value());
                select.setString(2, phone.e164());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        // ended by another engine between the insert and this read: the wait starts now
                        return now;
                    }
                    return Sql.requiredInstant(rows, "busy_since");
                }
            }
        });
    }

    @Override
    public void endBusyWaits(CampaignId campaignId, List<PhoneNumber> phones) {
        sql.inTransaction("ending busy waits in " + campaignId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ck_busy_wait WHERE campaign_id = ?"
                    + " AND phone IN (" + Sql.placeholders(phones.size()) + ") AND " + Scope.TENANT)) {
                delete.setString(1, campaignId.value());
                int index = 2;
                for (PhoneNumber phone : phones) {
                    delete.setString(index++, phone.e164());
                }
                scope.bind(delete, index);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void endAllBusyWaits(CampaignId campaignId) {
        sql.inTransaction("ending the busy waits of " + campaignId, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM ck_busy_wait WHERE campaign_id = ? AND " + Scope.TENANT)) {
                delete.setString(1, campaignId.value());
                scope.bind(delete, 2);
                delete.executeUpdate();
            }
            return null;
        });
    }
}
