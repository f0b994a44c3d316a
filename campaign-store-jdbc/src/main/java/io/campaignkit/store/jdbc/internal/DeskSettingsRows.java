package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.port.StaleDeskDataException;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The desk's per-campaign settings ({@code ck_desk_settings}), versioned, in the store's scope. */
public final class DeskSettingsRows {

    private final Sql sql;
    private final String scope;
    private final JdbcDialect dialect;

    public DeskSettingsRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope.writeScope();
        this.dialect = dialect;
    }

    public DeskSettings save(DeskSettings settings) {
        DeskSettings saved = settings.withVersion(settings.version() + 1);
        String text = DeskSettingsCodec.encode(saved);
        String campaign = settings.campaignId().value();
        return sql.inTransaction("saving the desk settings of campaign " + campaign, connection -> {
            if (settings.version() == 0) {
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO ck_desk_settings (scope, campaign_id,"
                                + " settings_text, version) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, scope);
                    insert.setString(2, campaign);
                    insert.setString(3, text);
                    insert.setLong(4, saved.version());
                    insert.executeUpdate();
                } catch (SQLException failure) {
                    if (dialect.isUniqueViolation(failure)) {
                        throw new StaleDeskDataException("campaign " + campaign + " has desk settings already");
                    }
                    throw failure;
                }
            } else {
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE ck_desk_settings SET settings_text = ?,"
                                + " version = ? WHERE scope = ? AND campaign_id = ? AND version = ?")) {
                    update.setString(1, text);
                    update.setLong(2, saved.version());
                    update.setString(3, scope);
                    update.setString(4, campaign);
                    update.setLong(5, settings.version());
                    if (update.executeUpdate() != 1) {
                        throw new StaleDeskDataException("the desk settings of campaign " + campaign
                                + " are not at version " + settings.version());
                    }
                }
            }
            return saved;
        });
    }

    public Optional<DeskSettings> find(CampaignId campaignId) {
        return select(" AND campaign_id = ?", campaignId.value()).stream().findFirst();
    }

    public List<DeskSettings> all() {
        return select("", null);
    }

    private List<DeskSettings> select(String where, String campaign) {
        return sql.inTransaction("reading desk settings", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT campaign_id, settings_text, version"
                    + " FROM ck_desk_settings WHERE scope = ?" + where + " ORDER BY campaign_id")) {
                select.setString(1, scope);
                if (campaign != null) {
                    select.setString(2, campaign);
                }
                List<DeskSettings> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(DeskSettingsCodec.decode(
                                CampaignId.of(rows.getString(1)), rows.getString(2), rows.getLong(3)));
                    }
                }
                return found;
            }
        });
    }
}
