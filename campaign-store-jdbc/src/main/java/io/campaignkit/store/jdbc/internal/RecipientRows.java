package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutcomeFilter;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.StoredPhoneNumbers;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientWakeUps;
import io.campaignkit.store.jdbc.JdbcDialect;
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

/**
 * The recipients table: adding recipients (each transaction ending by adjusting the
 * {@link RecipientCounters}) and reading them. Claims are {@link RecipientClaims}, outcomes and skips
 * {@link RecipientChanges}; the row mapping is {@link RecipientColumns}.
 */
public final class RecipientRows {

    /** The inserted columns, tenant first, in the order of {@link RecipientColumns#COLUMNS}. */
    private static final List<JdbcDialect.Input> INSERT_COLUMNS = insertColumns();

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final JdbcDialect dialect;
    private final StateRanges ranges;

    public RecipientRows(Sql sql, Scope scope, CampaignRows campaigns, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.dialect = dialect;
        this.ranges = new StateRanges(dialect);
    }

    // ---------------------------------------------------------------- adding

    public List<Recipient> insert(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        List<Recipient> added = insertOnce(campaignId, recipients, now);
        Optional<String> refresh = dialect.statisticsRefresh("ck_recipient");
        if (refresh.isPresent()
                && !added.isEmpty()
                && crossedStatisticsMark(
                        added.get(0).sequence(), added.get(added.size() - 1).sequence())) {
            // a campaign loads faster than the database's own statistics follow: fresh ones at each tenfold growth
            sql.inTransaction("analyzing recipients", connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute(refresh.get());
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
            String tenant = campaigns
                    .tenantOf(connection, campaignId, true)
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
            List<String> zones = new ArrayList<>(fresh.size());
            for (NewRecipient recipient : fresh.values()) {
                added.add(Recipient.of(campaignId, sequence++, recipient, now));
                zones.add(recipient.localZone().orElse(null));
            }
            insertRows(connection, tenant, added, zones);
            RecipientCounters counters = new RecipientCounters();
            added.forEach(counters::added);
            counters.write(connection, scope, dialect);
            return added;
        });
    }

    /** The rows, absent (the campaign row is locked and their phones were looked up), as one set-based insert or a batch. */
    private void insertRows(Connection connection, String tenant, List<Recipient> added, List<String> zones)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>(added.size());
        for (int i = 0; i < added.size(); i++) {
            Recipient row = added.get(i);
            Object[] mutable = RecipientColumns.values(row); // campaign_id, phone, then state to updated_at
            Object[] values = new Object[mutable.length + 5];
            values[0] = tenant;
            values[1] = mutable[0];
            values[2] = row.sequence();
            values[3] = mutable[1];
            values[4] = row.contact().name();
            values[5] = ContactCodec.encodeData(row.contact());
            System.arraycopy(mutable, 2, values, 6, mutable.length - 2);
            values[values.length - 1] = zones.get(i);
            rows.add(values);
        }
        // new rows: the campaign row is locked and the phones were looked up, so a bulk load meets no key
        if (dialect.loadNew(connection, "ck_recipient", INSERT_COLUMNS, rows)
                || dialect.insertMany(connection, "ck_recipient", INSERT_COLUMNS, rows)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ck_recipient (tenant_id, " + RecipientColumns.COLUMNS
                        + ", local_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < added.size(); i++) {
                Recipient row = added.get(i);
                insert.setString(1, tenant);
                insert.setString(2, row.campaignId().value());
                insert.setLong(3, row.sequence());
                insert.setString(4, row.phone().e164());
                Sql.setString(insert, 5, row.contact().name());
                Sql.setString(insert, 6, ContactCodec.encodeData(row.contact()));
                int next = RecipientColumns.bindMutable(insert, 7, row);
                Sql.setString(insert, next, zones.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Set<String> existingPhones(Connection connection, CampaignId campaignId, Collection<String> phones)
            throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT phone FROM ck_recipient"
                + dialect.useIndex(RecipientColumns.BY_PHONE) + " WHERE " + dialect.anyOf("phone", phones.size())
                + " AND campaign_id = ?")) {
            int index = dialect.bindAnyOf(connection, select, 1, phones);
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
        try (PreparedStatement select =
                connection.prepareStatement("SELECT next_recipient_seq FROM ck_campaign WHERE campaign_id = ?")) {
            select.setString(1, campaignId.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                first = rows.getLong(1);
            }
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE ck_campaign SET next_recipient_seq = ? WHERE campaign_id = ?")) {
            update.setLong(1, first + count);
            update.setString(2, campaignId.value());
            update.executeUpdate();
        }
        return first;
    }

    // ---------------------------------------------------------------- reads

    /** The recipients a query names: one, by key or by an id the provider or the engine gave its message; or a page. */
    public List<Recipient> find(RecipientQuery query) {
        if (query instanceof RecipientQuery.ByKey byKey) {
            return find(byKey.key()).stream().toList();
        }
        if (query instanceof RecipientQuery.ByProviderMessageId byId) {
            return findOne("provider_message_id = ?", byId.providerMessageId()).stream()
                    .toList();
        }
        if (query instanceof RecipientQuery.ByCorrelationId byCorrelation) {
            return findByCorrelationId(byCorrelation.correlationId()).stream().toList();
        }
        if (query instanceof RecipientQuery.AwaitingDelivery awaiting) {
            return awaitingDelivery(awaiting);
        }
        if (query instanceof RecipientQuery.ByOutcome byOutcome) {
            return byOutcome(byOutcome);
        }
        RecipientQuery.Page page = (RecipientQuery.Page) query;
        return page(page.campaignId(), page.afterSequence(), page.limit());
    }

    /** SENT recipients with a later binding, oldest send first: the timed fallback's candidates. */
    private List<Recipient> awaitingDelivery(RecipientQuery.AwaitingDelivery query) {
        return sql.inTransaction("reading recipients awaiting delivery of " + query.campaignId(), connection -> {
            String sent = dialect.whileIn("SENT", "sent_at");
            try (PreparedStatement select = connection.prepareStatement("SELECT " + RecipientColumns.COLUMNS
                    + " FROM ck_recipient" + dialect.useIndex("ck_recipient_by_state")
                    + " WHERE campaign_id = ? AND state = 'SENT' AND channel_index < ? AND "
                    + sent + " >= ? AND (" + sent + " > ? OR (" + sent + " = ? AND seq > ?))" + ranges.unzoned()
                    + " AND " + Scope.TENANT + " ORDER BY " + ranges.order(sent) + ", seq LIMIT ?")) {
                select.setString(1, query.campaignId().value());
                select.setInt(2, query.belowBinding());
                select.setLong(3, Sql.nanos(query.sentAfter())); // the index range's start
                select.setLong(4, Sql.nanos(query.sentAfter()));
                select.setLong(5, Sql.nanos(query.sentAfter()));
                select.setLong(6, query.afterSequence());
                scope.bind(select, 7);
                select.setInt(8, query.limit());
                List<Recipient> found = new ArrayList<>(query.limit());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(RecipientColumns.read(rows));
                    }
                }
                return found;
            }
        });
    }

    public Optional<Recipient> find(RecipientKey key) {
        return findOne(
                "campaign_id = ? AND phone = ?",
                key.campaignId().value(),
                key.phone().e164());
    }

    private Optional<Recipient> findByCorrelationId(String correlationId) {
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
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + RecipientColumns.COLUMNS + " FROM ck_recipient WHERE "
                            + condition + " AND " + Scope.TENANT + " ORDER BY campaign_id LIMIT 1")) {
                int index = 1;
                for (String value : values) {
                    select.setString(index++, value);
                }
                scope.bind(select, index);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(RecipientColumns.read(rows)) : Optional.empty();
                }
            }
        });
    }

    private List<Recipient> page(CampaignId campaignId, long afterSequence, int limit) {
        return sql.inTransaction("reading recipients of " + campaignId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + RecipientColumns.COLUMNS + " FROM ck_recipient WHERE campaign_id = ? AND seq > ? AND "
                            + Scope.TENANT + " ORDER BY seq LIMIT ?")) {
                select.setString(1, campaignId.value());
                select.setLong(2, afterSequence);
                scope.bind(select, 3);
                select.setInt(4, limit);
                List<Recipient> page = new ArrayList<>(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(RecipientColumns.read(rows));
                    }
                }
                return page;
            }
        });
    }

    /**
     * A page of the recipients whose outcome matches, by sequence: each outcome of the filter is one
     * condition on the state (and the provider's error code of a FAILED one, or the reason code of a
     * SKIPPED one), as {@link RecipientQuery.ByOutcome#matches} states the rule.
     */
    private List<Recipient> byOutcome(RecipientQuery.ByOutcome query) {
        List<String> conditions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (OutcomeFilter.Outcome outcome : query.filter().outcomes()) {
            List<String> states = RecipientQuery.ByOutcome.states(outcome.kind()).stream()
                    .map(Enum::name)
                    .sorted()
                    .toList();
            StringBuilder condition = new StringBuilder("state IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(states.size(), "?")))
                    .append(')');
            values.addAll(states);
            if (outcome.code().isPresent()) {
                condition.append(
                        outcome.kind() == OutcomeFilter.Kind.FAILED
                                ? " AND outcome_provider_code = ?"
                                : " AND outcome_code = ?");
                values.add(outcome.code().get());
            }
            conditions.add("(" + condition + ")");
        }
        CampaignId campaignId = query.campaignId();
        return sql.inTransaction("reading recipients of " + campaignId + " by outcome", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + RecipientColumns.COLUMNS
                    + " FROM ck_recipient WHERE campaign_id = ? AND seq > ? AND " + Scope.TENANT + " AND ("
                    + String.join(" OR ", conditions) + ") ORDER BY seq LIMIT ?")) {
                int index = 1;
                select.setString(index++, campaignId.value());
                select.setLong(index++, query.afterSequence());
                scope.bind(select, index++);
                for (String value : values) {
                    select.setString(index++, value);
                }
                select.setInt(index, query.limit());
                List<Recipient> page = new ArrayList<>(query.limit());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(RecipientColumns.read(rows));
                    }
                }
                return page;
            }
        });
    }

    /** The earliest lease expiry of a SENDING recipient: the first entry of one range of the state index. */
    public Optional<Instant> nextLeaseExpiry(CampaignId campaignId) {
        return sql.inTransaction("reading recipients of " + campaignId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement(firstOf("SENDING", dialect.whileIn("SENDING", "lease_expires_at")))) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? optionalInstant(rows, 1) : Optional.empty();
                }
            }
        });
    }

    /**
     * The earliest due PENDING recipient and the earliest lease expiry of a SENDING one, in one statement: two
     * scalar subqueries, each the first entry of the (campaign, state, time) index; where the zones share that
     * index (H2), the rows without a zone first, then each zone's first entry ({@link StateRanges}).
     */
    public RecipientWakeUps wakeUps(CampaignId campaignId) {
        return sql.inTransaction("reading recipients of " + campaignId, connection -> {
            String due = dialect.whileIn("PENDING", "due_at");
            String expiry = dialect.whileIn("SENDING", "lease_expires_at");
            Optional<Instant> nextDue;
            Optional<Instant> nextExpiry;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT (" + firstOf("PENDING", due) + "), (" + firstOf("SENDING", expiry) + ")")) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                select.setString(3, campaignId.value());
                scope.bind(select, 4);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    nextDue = optionalInstant(rows, 1);
                    nextExpiry = optionalInstant(rows, 2);
                }
            }
            if (ranges.zoned) { // a local campaign on H2 (the engine's recovery asks nextLeaseExpiry alone)
                Set<String> zones = ranges.pendingZones(connection, campaignId, scope);
                for (Instant zoneDue :
                        ranges.firstDue(connection, campaignId, zones, scope).values()) {
                    nextDue = nextDue.filter(at -> !at.isAfter(zoneDue)).or(() -> Optional.of(zoneDue));
                }
            }
            return new RecipientWakeUps(nextDue, nextExpiry);
        });
    }

    /**
     * The earliest {@code time} of the campaign's {@code state} rows without a zone: the first entry of one range of
     * the state index. Binds the campaign, then the tenant.
     */
    private String firstOf(String state, String time) {
        return "SELECT " + time + " FROM ck_recipient" + dialect.useIndex("ck_recipient_by_state")
                + " WHERE campaign_id = ? AND state = '" + state + "'" + ranges.unzoned() + " AND " + Scope.TENANT
                + " ORDER BY " + ranges.order(time) + " LIMIT 1";
    }

    private static Optional<Instant> optionalInstant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Sql.instant(value));
    }

    /** From the counter rows the transactions that change recipients keep ({@link RecipientCounters}). */
    public RecipientCounts counts(CampaignId campaignId) {
        return sql.inTransaction(
                "counting recipients of " + campaignId,
                connection -> RecipientCounters.read(connection, scope, campaignId));
    }

    private static List<JdbcDialect.Input> insertColumns() {
        List<JdbcDialect.Input> columns = new ArrayList<>();
        columns.add(new JdbcDialect.Input("tenant_id", java.sql.Types.VARCHAR));
        columns.add(RecipientColumns.KEY_AND_MUTABLE.get(0));
        columns.add(new JdbcDialect.Input("seq", java.sql.Types.BIGINT));
        columns.add(RecipientColumns.KEY_AND_MUTABLE.get(1));
        columns.add(new JdbcDialect.Input("contact_name", java.sql.Types.VARCHAR));
        columns.add(new JdbcDialect.Input("contact_data", java.sql.Types.VARCHAR));
        columns.addAll(RecipientColumns.KEY_AND_MUTABLE.subList(2, RecipientColumns.KEY_AND_MUTABLE.size()));
        columns.add(new JdbcDialect.Input("local_zone", java.sql.Types.VARCHAR)); // V34: local hours
        return List.copyOf(columns);
    }

    /** A phone the store wrote, as it wrote it: not parsed again (StoredPhoneNumbers). */
    static PhoneNumber phone(String e164) {
        return StoredPhoneNumbers.readBack(e164);
    }
}
