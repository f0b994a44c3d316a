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
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    private static final List<JdbcDialect.Input> ACCEPT_INPUTS = List.of(
            new JdbcDialect.Input("campaign_id", Types.VARCHAR),
            new JdbcDialect.Input("phone", Types.VARCHAR),
            new JdbcDialect.Input("lease_owner", Types.VARCHAR),
            new JdbcDialect.Input("lease_expires_at", Types.BIGINT),
            new JdbcDialect.Input("provider_message_id", Types.VARCHAR),
            new JdbcDialect.Input("at", Types.BIGINT));

    /** {@link RecipientRules#heldUnder}: SENDING under exactly the update's lease. */
    private static final String ACCEPT_GUARD =
            "r.state = 'SENDING' AND r.lease_owner = v.lease_owner" + " AND r.lease_expires_at = v.lease_expires_at";

    private static final String ACCEPT_ASSIGNMENTS = "state = 'SENT', lease_owner = NULL, lease_expires_at = NULL,"
            + " outcome_code = NULL, outcome_message = NULL, outcome_provider_code = NULL, outcome_permanent = NULL,"
            + " provider_message_id = v.provider_message_id, sent_at = COALESCE(r.sent_at, v.at), updated_at = v.at";

    private final Sql sql;
    private final Scope scope;
    private final JdbcDialect dialect;
    private final StateRanges ranges;

    public RecipientChanges(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.dialect = dialect;
        this.ranges = new StateRanges(dialect);
    }

    public List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        return sql.inTransaction("applying " + updates.size() + " recipient updates", connection -> {
            Map<RecipientKey, Recipient> acceptedBefore = acceptUnderLease(connection, updates);
            List<RecipientUpdate> rest = new ArrayList<>(updates.size() - acceptedBefore.size());
            for (RecipientUpdate update : updates) {
                if (!acceptedBefore.containsKey(update.key())) {
                    rest.add(update);
                }
            }
            Map<RecipientKey, Recipient> current = rest.isEmpty() ? Map.of() : lockAll(connection, rest);
            Map<RecipientKey, Recipient> changed = new LinkedHashMap<>();
            List<RecipientChange> changes = new ArrayList<>();
            for (RecipientUpdate update : updates) {
                Recipient accepted = acceptedBefore.get(update.key());
                if (accepted != null) { // already written by the set-based statement: the rule gives the same row
                    changes.add(new RecipientChange(
                            accepted,
                            RecipientRules.apply(accepted, update)
                                    .orElseThrow(() -> new IllegalStateException(
                                            "the rules refused an acceptance the store wrote: " + update.key()))));
                    continue;
                }
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
            RecipientColumns.writeBack(connection, dialect, scope, changed.values());
            writeCounters(connection, changes);
            return changes;
        });
    }

    /**
     * The common case of a batch, receipts of sends still held under their lease, in one set-based
     * statement where the database has one ({@link JdbcDialect#updateRecipients}): what
     * {@link RecipientRules#apply} does to a SENDING recipient under the update's lease (SENT, lease and
     * outcome cleared, the provider's id, {@code sentAt} kept if set), written in SQL. Answers the rows
     * it changed, as they were; every other update (another kind, a recipient named twice, one not held
     * under that lease) is left to the rules, row by row.
     */
    private Map<RecipientKey, Recipient> acceptUnderLease(
            Connection connection, List<? extends RecipientUpdate> updates) throws SQLException {
        Map<RecipientKey, Integer> named = new HashMap<>();
        for (RecipientUpdate update : updates) {
            named.merge(update.key(), 1, Integer::sum);
        }
        List<Object[]> rows = new ArrayList<>();
        for (RecipientUpdate update : updates) {
            if (update instanceof RecipientUpdate.Accepted accepted && named.get(update.key()) == 1) {
                rows.add(new Object[] {
                    accepted.key().campaignId().value(),
                    accepted.key().phone().e164(),
                    accepted.lease().owner(),
                    Sql.nanos(accepted.lease().expiresAt()),
                    accepted.providerMessageId(),
                    Sql.nanos(accepted.at())
                });
            }
        }
        if (rows.isEmpty()) {
            return Map.of();
        }
        Optional<List<Recipient>> before = dialect.updateRecipients(
                connection,
                scope.tenantId(),
                ACCEPT_INPUTS,
                rows,
                ACCEPT_GUARD,
                ACCEPT_ASSIGNMENTS,
                RecipientColumns.COLUMNS,
                RecipientColumns::read);
        if (before.isEmpty()) {
            return Map.of();
        }
        Map<RecipientKey, Recipient> byKey = new HashMap<>();
        for (Recipient recipient : before.get()) {
            byKey.put(recipient.key(), recipient);
        }
        return byKey;
    }

    /**
     * Locks the rows the updates name, campaign by campaign and in phone order (so batches cannot
     * deadlock): the order of the (campaign, phone) index the lookup uses, never a walk of the campaign.
     */
    private Map<RecipientKey, Recipient> lockAll(Connection connection, List<? extends RecipientUpdate> updates)
            throws SQLException {
        Map<CampaignId, Set<String>> phonesByCampaign = new TreeMap<>();
        for (RecipientUpdate update : updates) {
            phonesByCampaign
                    .computeIfAbsent(update.key().campaignId(), id -> new HashSet<>())
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
            for (Recipient before : ranges.zoned
                    ? lockFirstPendingByPhone(connection, campaignId, limit)
                    : lockFirstPending(connection, campaignId, limit)) {
                changes.add(new RecipientChange(before, RecipientRules.skip(before, reason, now)));
            }
            RecipientColumns.writeBack(
                    connection,
                    dialect,
                    scope,
                    changes.stream().map(RecipientChange::after).toList());
            writeCounters(connection, changes);
            return changes;
        });
    }

    /** The campaign's first {@code limit} PENDING rows by due time and sequence, locked in one statement. */
    private List<Recipient> lockFirstPending(Connection connection, CampaignId campaignId, int limit)
            throws SQLException {
        String due = dialect.whileIn("PENDING", "due_at");
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RecipientColumns.COLUMNS
                + " FROM ck_recipient" + dialect.useIndex("ck_recipient_by_state")
                + " WHERE campaign_id = ? AND state = 'PENDING' AND " + Scope.TENANT
                + " ORDER BY " + due + ", seq LIMIT ? FOR UPDATE")) {
            select.setString(1, campaignId.value());
            scope.bind(select, 2);
            select.setInt(3, limit);
            return readAll(select);
        }
    }

    /**
     * Where the zones share the state index (H2): the first {@code limit} PENDING rows in the index's order (the
     * rows without a zone first, then zone by zone, each by due time and sequence), read unlocked, then locked by
     * their phones. H2 reads a {@code FOR UPDATE} query's whole range before it sorts and cuts it, so one statement
     * would read every pending recipient of the campaign for each batch. A row a claim took meanwhile is no longer
     * PENDING once locked and is left out; if every candidate was taken, the next ones are read.
     */
    private List<Recipient> lockFirstPendingByPhone(Connection connection, CampaignId campaignId, int limit)
            throws SQLException {
        String due = dialect.whileIn("PENDING", "due_at");
        while (true) {
            List<String> phones = new ArrayList<>(Math.min(limit, 1024));
            try (PreparedStatement select = connection.prepareStatement("SELECT phone FROM ck_recipient"
                    + dialect.useIndex("ck_recipient_by_state") + " WHERE campaign_id = ? AND state = 'PENDING' AND "
                    + Scope.TENANT + " ORDER BY " + ranges.order(due) + ", seq LIMIT ?")) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        phones.add(rows.getString(1));
                    }
                }
            }
            if (phones.isEmpty()) {
                return List.of();
            }
            List<Recipient> locked;
            try (PreparedStatement lock = connection.prepareStatement("SELECT " + RecipientColumns.COLUMNS
                    + " FROM ck_recipient" + dialect.useIndex(RecipientColumns.BY_PHONE) + " WHERE "
                    + dialect.anyOf("phone", phones.size()) + " AND campaign_id = ? AND state = 'PENDING' AND "
                    + Scope.TENANT + " FOR UPDATE")) {
                int next = dialect.bindAnyOf(connection, lock, 1, phones);
                lock.setString(next, campaignId.value());
                scope.bind(lock, next + 1);
                locked = readAll(lock);
            }
            if (!locked.isEmpty()) {
                Map<String, Integer> order = new HashMap<>();
                for (int index = 0; index < phones.size(); index++) {
                    order.put(phones.get(index), index);
                }
                locked.sort(Comparator.comparing(
                        recipient -> order.get(recipient.phone().e164())));
                return locked;
            }
        }
    }

    private static List<Recipient> readAll(PreparedStatement select) throws SQLException {
        List<Recipient> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(RecipientColumns.read(rows));
            }
        }
        return found;
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
