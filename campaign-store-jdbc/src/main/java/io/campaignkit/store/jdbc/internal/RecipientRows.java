package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientWakeUps;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.rules.RecipientRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The recipients table. Claims select due rows {@code FOR UPDATE SKIP LOCKED} (on PostgreSQL and H2
 * alike), so concurrent claimers on any number of nodes take disjoint rows without waiting for each
 * other, then mark them SENDING under the lease in one JDBC batch. Updates lock their rows in sequence
 * order, apply core's {@link RecipientRules} and write the changed rows back in one batch: a status
 * merge only ever advances, because it is computed on the locked row. Every transaction that adds
 * recipients or changes their state, code or times ends by adjusting {@link RecipientCounters}.
 */
public final class RecipientRows {

    static final String COLUMNS = "campaign_id, seq, phone, contact_name, contact_data, state, attempts, due_at,"
            + " lease_owner, lease_expires_at, provider_message_id, outcome_code, outcome_message, outcome_provider_code,"
            + " outcome_permanent, sent_at, delivered_at, read_at, replied_at, updated_at";

    private static final String UPDATE_ROW = "UPDATE ck_recipient SET state = ?, attempts = ?, due_at = ?, lease_owner = ?,"
            + " lease_expires_at = ?, provider_message_id = ?, outcome_code = ?, outcome_message = ?,"
            + " outcome_provider_code = ?, outcome_permanent = ?, sent_at = ?, delivered_at = ?, read_at = ?,"
            + " replied_at = ?, updated_at = ? WHERE campaign_id = ? AND phone = ?";

    /** H2: look phones up by the (phone, campaign) index; its planner would walk the campaign instead. */
    private static final String H2_BY_PHONE = "USE INDEX (ck_recipient_by_phone)";

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final boolean postgres;

    public RecipientRows(Sql sql, Scope scope, CampaignRows campaigns, boolean postgres) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.postgres = postgres;
    }

    // ---------------------------------------------------------------- adding

    public List<Recipient> insert(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        List<Recipient> added = insertOnce(campaignId, recipients, now);
        if (postgres && !added.isEmpty() && crossedStatisticsMark(added.get(0).sequence(), added.get(added.size() - 1).sequence())) {
            // A campaign of 100,000 recipients loads in under a minute, before autovacuum's next round:
            // without statistics the planner takes the table for tiny and walks a whole campaign
            // where one index probe per recipient would do. Fresh statistics at each tenfold growth.
            sql.inTransaction("analyzing recipients", connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("ANALYZE ck_recipient");
                }
                return null;
            });
        }
        return added;
    }

    /** Whether a campaign's sequences from {@code first} to {@code last} passed 1,000, 10,000, 100,000... */
    static boolean crossedStatisticsMark(long first, long last) {
        for (long mark = 1_000; mark <= 100_000_000; mark *= 10) {
            if (first < mark && last >= mark - 1) {
                return true;
            }
        }
        return false;
    }

    private List<Recipient> insertOnce(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        return sql.inTransaction("adding recipients to " + campaignId, connection -> {
            String tenant = campaigns.tenantOf(connection, campaignId, true)
                    .orElseThrow(() -> new CampaignNotFoundException(campaignId));
            Map<String, NewRecipient> fresh = new LinkedHashMap<>();
            for (NewRecipient recipient : recipients) {
                fresh.putIfAbsent(recipient.contact().phone().e164(), recipient);
            }
            fresh.keySet().removeAll(existingPhones(connection, campaignId, fresh.keySet()));
            if (fresh.isEmpty()) {
                return List.of();
            }
            long sequence = nextSequence(connection, campaignId, fresh.size());
            List<Recipient> added = new ArrayList<>(fresh.size());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ck_recipient (tenant_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NewRecipient recipient : fresh.values()) {
                    Recipient row = Recipient.of(campaignId, sequence++, recipient, now);
                    insert.setString(1, tenant);
                    insert.setString(2, campaignId.value());
                    insert.setLong(3, row.sequence());
                    insert.setString(4, row.phone().e164());
                    Sql.setString(insert, 5, row.contact().name());
                    Sql.setString(insert, 6, ContactCodec.encodeData(row.contact()));
                    bindMutable(insert, 7, row);
                    insert.addBatch();
                    added.add(row);
                }
                insert.executeBatch();
            }
            RecipientCounters counters = new RecipientCounters();
            added.forEach(counters::added);
            counters.write(connection, scope, postgres);
            return added;
        });
    }

    private Set<String> existingPhones(Connection connection, CampaignId campaignId, Collection<String> phones)
            throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(postgres
                ? "SELECT phone FROM ck_recipient WHERE phone = ANY(?) AND campaign_id = ?"
                : "SELECT phone FROM ck_recipient " + H2_BY_PHONE + " WHERE phone IN (" + placeholders(phones.size())
                        + ") AND campaign_id = ?")) {
            int index = bindPhones(connection, select, phones);
            select.setString(index, campaignId.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
        }
        return existing;
    }

    /** Hands out {@code count} sequences from the campaign row, which the caller holds locked. */
    private static long nextSequence(Connection connection, CampaignId campaignId, int count) throws SQLException {
        long first;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_recipient_seq FROM ck_campaign WHERE campaign_id = ?")) {
            select.setString(1, campaignId.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                first = rows.getLong(1);
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ck_campaign SET next_recipient_seq = ? WHERE campaign_id = ?")) {
            update.setLong(1, first + count);
            update.setString(2, campaignId.value());
            update.executeUpdate();
        }
        return first;
    }

    // ---------------------------------------------------------------- claims

    public List<Recipient> claimForSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        return claim("claiming recipients of " + campaignId, "state = 'PENDING' AND due_at <= ?", "due_at, seq",
                campaignId, lease, limit, now, true);
    }

    public List<Recipient> claimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        return claim("recovering recipients of " + campaignId, "state = 'SENDING' AND lease_expires_at <= ?",
                "lease_expires_at, seq", campaignId, lease, limit, now, false);
    }

    /** One statement: the rows still SENDING under {@code held} take {@code renewed}'s expiry. */
    public int renewLease(CampaignId campaignId, Lease held, Lease renewed) {
        return sql.inTransaction("renewing a lease on recipients of " + campaignId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ck_recipient SET lease_expires_at = ?"
                    + " WHERE campaign_id = ? AND state = 'SENDING' AND lease_owner = ? AND lease_expires_at = ? AND "
                    + Scope.TENANT)) {
                Sql.setNanos(update, 1, renewed.expiresAt());
                update.setString(2, campaignId.value());
                update.setString(3, held.owner());
                Sql.setNanos(update, 4, held.expiresAt());
                scope.bind(update, 5);
                return update.executeUpdate();
            }
        });
    }

    private List<Recipient> claim(String operation, String condition, String order, CampaignId campaignId, Lease lease,
            int limit, Instant now, boolean countAttempt) {
        return sql.inTransaction(operation, connection -> {
            List<Recipient> locked = postgres
                    ? lockDue(connection, condition, order, campaignId, limit, now)
                    : lockDueOnH2(connection, condition, order, campaignId, limit, now);
            if (locked.isEmpty()) {
                return List.of();
            }
            List<Recipient> claimed = new ArrayList<>(locked.size());
            RecipientCounters counters = new RecipientCounters();
            for (Recipient recipient : locked) {
                Recipient next = countAttempt ? RecipientRules.claim(recipient, lease, now)
                        : RecipientRules.recover(recipient, lease, now);
                claimed.add(next);
                counters.changed(recipient, next); // a recovery (SENDING again) cancels out and writes nothing
            }
            writeBack(connection, claimed);
            counters.write(connection, scope, postgres);
            return claimed;
        });
    }

    /** The first {@code limit} rows meeting {@code condition}, locked; rows another claimer holds are skipped. */
    private List<Recipient> lockDue(Connection connection, String condition, String order, CampaignId campaignId,
            int limit, Instant now) throws SQLException {
        List<Recipient> locked = new ArrayList<>(limit);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_recipient"
                + " WHERE campaign_id = ? AND " + condition + " AND " + Scope.TENANT + " ORDER BY " + order
                + " LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setString(1, campaignId.value());
            Sql.setNanos(select, 2, now);
            scope.bind(select, 3);
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    locked.add(read(rows));
                }
            }
        }
        return locked;
    }

    /**
     * H2 reads a whole campaign to sort rows {@code FOR UPDATE}, but walks its index in order without
     * the lock: so the candidates come in index order first, and only they are then locked
     * {@code SKIP LOCKED}, the condition checked again under the lock.
     */
    private List<Recipient> lockDueOnH2(Connection connection, String condition, String order, CampaignId campaignId,
            int limit, Instant now) throws SQLException {
        List<String> candidates = new ArrayList<>(limit);
        try (PreparedStatement select = connection.prepareStatement("SELECT phone FROM ck_recipient WHERE campaign_id = ? AND "
                + condition + " AND " + Scope.TENANT + " ORDER BY campaign_id, state, " + order + " LIMIT ?")) {
            select.setString(1, campaignId.value());
            Sql.setNanos(select, 2, now);
            scope.bind(select, 3);
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(rows.getString(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Recipient> locked = new ArrayList<>(candidates.size());
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_recipient "
                + H2_BY_PHONE + " WHERE phone IN (" + placeholders(candidates.size()) + ") AND campaign_id = ? AND "
                + condition + " ORDER BY " + order + " FOR UPDATE SKIP LOCKED")) {
            int index = 1;
            for (String phone : candidates) {
                select.setString(index++, phone);
            }
            select.setString(index++, campaignId.value());
            Sql.setNanos(select, index, now);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    locked.add(read(rows));
                }
            }
        }
        return locked;
    }

    // ---------------------------------------------------------------- updates

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
            writeBack(connection, changed.values());
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
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_recipient"
                    + (postgres ? " WHERE phone = ANY(?)" : " " + H2_BY_PHONE + " WHERE phone IN ("
                            + placeholders(entry.getValue().size()) + ")")
                    + " AND campaign_id = ? AND " + Scope.TENANT + " ORDER BY phone FOR UPDATE")) {
                int index = bindPhones(connection, select, entry.getValue());
                select.setString(index++, entry.getKey().value());
                scope.bind(select, index);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Recipient recipient = read(rows);
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
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_recipient"
                    + " WHERE campaign_id = ? AND state = 'PENDING' AND " + Scope.TENANT
                    + " ORDER BY due_at, seq LIMIT ? FOR UPDATE")) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Recipient before = read(rows);
                        changes.add(new RecipientChange(before, RecipientRules.skip(before, reason, now)));
                    }
                }
            }
            writeBack(connection, changes.stream().map(RecipientChange::after).toList());
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
        counters.write(connection, scope, postgres);
    }

    /**
     * Writes the changing columns of recipients whose rows the transaction holds locked, in one batch.
     * Rows are found by (campaign, phone): that unique index is the one a planner without statistics
     * (a campaign loaded a minute ago) picks anyway, and it is exact, never a walk of the campaign.
     */
    private static void writeBack(Connection connection, Collection<Recipient> recipients) throws SQLException {
        if (recipients.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ROW)) {
            for (Recipient recipient : recipients) {
                int next = bindMutable(update, 1, recipient);
                update.setString(next, recipient.campaignId().value());
                update.setString(next + 1, recipient.phone().e164());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Binds state to updated_at (15 parameters) from {@code first}; returns the next index. */
    private static int bindMutable(PreparedStatement statement, int first, Recipient r) throws SQLException {
        int i = first;
        statement.setString(i++, r.state().name());
        statement.setInt(i++, r.attempts());
        Sql.setNanos(statement, i++, r.dueAt());
        Sql.setString(statement, i++, r.lease().map(Lease::owner).orElse(null));
        Sql.setNanos(statement, i++, r.lease().map(Lease::expiresAt));
        Sql.setString(statement, i++, r.providerMessageId().orElse(null));
        Sql.setString(statement, i++, r.outcome().map(StatusReason::code).orElse(null));
        Sql.setString(statement, i++, r.outcome().map(StatusReason::message).orElse(null));
        Sql.setString(statement, i++, r.outcome().flatMap(StatusReason::providerCode).orElse(null));
        if (r.outcome().isPresent()) {
            statement.setBoolean(i++, r.outcome().get().permanent());
        } else {
            statement.setNull(i++, java.sql.Types.BOOLEAN);
        }
        Sql.setNanos(statement, i++, r.sentAt());
        Sql.setNanos(statement, i++, r.deliveredAt());
        Sql.setNanos(statement, i++, r.readAt());
        Sql.setNanos(statement, i++, r.repliedAt());
        Sql.setNanos(statement, i++, r.updatedAt());
        return i;
    }

    // ---------------------------------------------------------------- reads

    public Optional<Recipient> find(RecipientKey key) {
        return findOne("campaign_id = ? AND phone = ?", key.campaignId().value(), key.phone().e164());
    }

    public Optional<Recipient> findByProviderMessageId(String providerMessageId) {
        return findOne("provider_message_id = ?", providerMessageId);
    }

    public Optional<Recipient> findByCorrelationId(String correlationId) {
        int separator = correlationId.lastIndexOf(':'); // campaign ids may hold ':', digits never do
        if (separator <= 0 || separator == correlationId.length() - 1) {
            return Optional.empty();
        }
        String digits = correlationId.substring(separator + 1);
        if (!digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return findOne("campaign_id = ? AND phone = ?", correlationId.substring(0, separator), "+" + digits);
    }

    private Optional<Recipient> findOne(String condition, String... values) {
        return sql.inTransaction("finding a recipient", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_recipient WHERE "
                    + condition + " AND " + Scope.TENANT + " ORDER BY campaign_id LIMIT 1")) {
                int index = 1;
                for (String value : values) {
                    select.setString(index++, value);
                }
                scope.bind(select, index);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        });
    }

    public List<Recipient> page(CampaignId campaignId, long afterSequence, int limit) {
        return sql.inTransaction("reading recipients of " + campaignId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_recipient"
                    + " WHERE campaign_id = ? AND seq > ? AND " + Scope.TENANT + " ORDER BY seq LIMIT ?")) {
                select.setString(1, campaignId.value());
                select.setLong(2, afterSequence);
                scope.bind(select, 3);
                select.setInt(4, limit);
                List<Recipient> page = new ArrayList<>(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(read(rows));
                    }
                }
                return page;
            }
        });
    }

    /**
     * The earliest due PENDING recipient and the earliest lease expiry of a SENDING one, in one
     * statement: two scalar subqueries, each the first entry of the (campaign, state, time) index.
     */
    public RecipientWakeUps wakeUps(CampaignId campaignId) {
        return sql.inTransaction("reading recipients of " + campaignId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT"
                    + " (SELECT due_at FROM ck_recipient WHERE campaign_id = ? AND state = 'PENDING' AND " + Scope.TENANT
                    + " ORDER BY campaign_id, state, due_at LIMIT 1),"
                    + " (SELECT lease_expires_at FROM ck_recipient WHERE campaign_id = ? AND state = 'SENDING' AND "
                    + Scope.TENANT + " ORDER BY campaign_id, state, lease_expires_at LIMIT 1)")) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                select.setString(3, campaignId.value());
                scope.bind(select, 4);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return new RecipientWakeUps(optionalInstant(rows, 1), optionalInstant(rows, 2));
                }
            }
        });
    }

    private static Optional<Instant> optionalInstant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Sql.instant(value));
    }

    /** From the counter rows the transactions that change recipients keep ({@link RecipientCounters}). */
    public RecipientCounts counts(CampaignId campaignId) {
        return sql.inTransaction("counting recipients of " + campaignId,
                connection -> RecipientCounters.read(connection, scope, campaignId));
    }

    // ---------------------------------------------------------------- rows

    static Recipient read(ResultSet rows) throws SQLException {
        CampaignId campaignId = CampaignId.of(rows.getString("campaign_id"));
        String e164 = rows.getString("phone");
        var contact = ContactCodec.decode(e164, rows.getString("contact_name"), rows.getString("contact_data"));
        String leaseOwner = rows.getString("lease_owner");
        Optional<Lease> lease = leaseOwner == null ? Optional.empty()
                : Optional.of(new Lease(leaseOwner, Sql.requiredInstant(rows, "lease_expires_at")));
        String outcomeCode = rows.getString("outcome_code");
        Optional<StatusReason> outcome = outcomeCode == null ? Optional.empty()
                : Optional.of(new StatusReason(outcomeCode, rows.getString("outcome_message"),
                        Optional.ofNullable(rows.getString("outcome_provider_code")), rows.getBoolean("outcome_permanent")));
        return new Recipient(new RecipientKey(campaignId, contact.phone()), rows.getLong("seq"), contact,
                DeliveryState.valueOf(rows.getString("state")), rows.getInt("attempts"), Sql.requiredInstant(rows, "due_at"),
                lease, Optional.ofNullable(rows.getString("provider_message_id")), outcome, Sql.optInstant(rows, "sent_at"),
                Sql.optInstant(rows, "delivered_at"), Sql.optInstant(rows, "read_at"), Sql.optInstant(rows, "replied_at"),
                Sql.requiredInstant(rows, "updated_at"));
    }

    /** Binds a batch of phones as one array (PostgreSQL) or one parameter each (H2); returns the next index. */
    private int bindPhones(Connection connection, PreparedStatement statement, Collection<String> phones)
            throws SQLException {
        if (postgres) {
            statement.setArray(1, connection.createArrayOf("VARCHAR", phones.toArray()));
            return 2;
        }
        int index = 1;
        for (String phone : phones) {
            statement.setString(index++, phone);
        }
        return index;
    }

    static String placeholders(int count) {
        if (count <= 0) {
            throw new InvalidArgumentException("count", "at least one value is needed");
        }
        return "?" + ", ?".repeat(count - 1);
    }

    /** Parses a phone the store wrote. */
    static PhoneNumber phone(String e164) {
        return PhoneNumber.parse(e164);
    }
}
