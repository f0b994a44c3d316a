package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.rules.RecipientRules;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Outcomes and skips of recipients. Updates lock their rows in phone order, apply core's
 * {@link RecipientRules} and write the changed rows back in one batch: a status merge only ever
 * advances, because it is computed on the locked row. Each transaction ends by adjusting the
 * {@link RecipientCounters}.
 */
public final class RecipientChanges {

    private final Sql sql;
    private final Scope scope;
    private final JdbcDialect dialect;

    public RecipientChanges(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.dialect = dialect;
    }

    public List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        return sql.inTransaction("applying " + updates.size() + " recipient updates", connection -> {
            Map<RecipientKey, Recipient> current = lockAll(connection, updates);
            Map<RecipientKey, Recipient> changed = new LinkedHashMap<>();
            List<RecipientChange> changes = new ArrayList<>();
            for (RecipientUpdate update : updates) {
                Recipient before = current.get(update.key());
                if (before == null) {
                    continue;
                }
                Optional<Recipient> after = RecipientRules.apply(before, update);
                if (after.isPresent()) {
                    changes.add(new RecipientChange(before, after.get()));
                    current.put(update.key(), after.get());
                    changed.put(update.key(), after.get());
                }
            }
            RecipientColumns.writeBack(connection, changed.values());
            writeCounters(connection, changes);
            return changes;
        });
    }

    /**
     * Locks the rows the updates name, campaign by campaign and in phone order (so batches cannot
     * deadlock): the order of the (campaign, phone) index the lookup uses, never a walk of the campaign.
     */
    private Map<RecipientKey, Recipient> lockAll(Connection connection, List<? extends RecipientUpdate> updates)
            throws SQLException {
        Map<CampaignId, Set<String>> phonesByCampaign = new TreeMap<>();
        for (RecipientUpdate update : updates) {
            phonesByCampaign.computeIfAbsent(update.key().campaignId(), id -> new HashSet<>())
                    .add(update.key().phone().e164());
        }
        Map<RecipientKey, Recipient> locked = new LinkedHashMap<>();
        for (Map.Entry<CampaignId, Set<String>> entry : phonesByCampaign.entrySet()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + RecipientColumns.COLUMNS
                    + " FROM ck_recipient" + dialect.useIndex(RecipientColumns.BY_PHONE) + " WHERE "
                    + dialect.anyOf("phone", entry.getValue().size())
                    + " AND campaign_id = ? AND " + Scope.TENANT + " ORDER BY phone FOR UPDATE")) {
                int index = dialect.bindAnyOf(connection, select, 1, entry.getValue());
                select.setString(index++, entry.getKey().value());
                scope.bind(select, index);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Recipient recipient = RecipientColumns.read(rows);
                        locked.put(recipient.key(), recipient);
                    }
                }
            }
        }
        return locked;
    }

    public List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        return sql.inTransaction("skipping pending recipients of " + campaignId, connection -> {
            List<RecipientChange> changes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + RecipientColumns.COLUMNS
                    + " FROM ck_recipient WHERE campaign_id = ? AND state = 'PENDING' AND " + Scope.TENANT
                    + " ORDER BY due_at, seq LIMIT ? FOR UPDATE")) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Recipient before = RecipientColumns.read(rows);
                        changes.add(new RecipientChange(before, RecipientRules.skip(before, reason, now)));
                    }
                }
            }
            RecipientColumns.writeBack(connection, changes.stream().map(RecipientChange::after).toList());
            writeCounters(connection, changes);
            return changes;
        });
    }

    /** Counts the changes (a recipient changed twice in one batch is counted from first to last state). */
    private void writeCounters(Connection connection, List<RecipientChange> changes) throws SQLException {
        RecipientCounters counters = new RecipientCounters();
        for (RecipientChange change : changes) {
            counters.changed(change.before(), change.after());
        }
        counters.write(connection, scope, dialect);
    }
}
