package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutcomeFilter;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.StoredPhoneNumbers;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientWakeUps;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The recipients table: adding recipients (each transaction ending by adjusting the
 * {@link RecipientCounters}) and reading them. Claims are {@link RecipientClaims}, outcomes and skips
 * {@link RecipientChanges}; the row mapping is {@link RecipientColumns}.
 */
public final class RecipientRows {

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final JdbcDialect dialect;
    private final StateRanges ranges;
    private final RecipientInserts inserts;
    private final Optional<StatisticsRefresh> statistics;

    public RecipientRows(
            Sql sql, Scope scope, CampaignRows campaigns, JdbcDialect dialect, Optional<StatisticsRefresh> statistics) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.dialect = dialect;
        this.ranges = new StateRanges(dialect);
        this.inserts = new RecipientInserts(sql, scope, campaigns, dialect, statistics);
        this.statistics = statistics;
    }

    // ---------------------------------------------------------------- adding

    public List<Recipient> insert(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        return inserts.insert(campaignId, recipients, now);
    }

    /** Waits (up to 10 s) for a refresh of the statistics still running aside: a launch ending, a store closing. */
    public void awaitStatistics() {
        statistics.ifPresent(StatisticsRefresh::awaitQuietly);
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
        if (query instanceof RecipientQuery.LeaseExpired expired) {
            return leaseExpired(expired);
        }
        RecipientQuery.Page page = (RecipientQuery.Page) query;
        return page(page.campaignId(), page.afterSequence(), page.limit());
    }

    /** Every recipient {@code select} answers, in its order. */
    private static List<Recipient> readAll(PreparedStatement select, int expected) throws SQLException {
        List<Recipient> found = new ArrayList<>(expected);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(RecipientColumns.read(rows));
            }
        }
        return found;
    }

    /** SENDING recipients whose lease expired, by expiry then sequence: the recovery's, read without a lease. */
    private List<Recipient> leaseExpired(RecipientQuery.LeaseExpired query) {
        return sql.inTransaction("reading recipients of " + query.campaignId() + " whose lease expired", connection -> {
            String expiry = dialect.whileIn("SENDING", "lease_expires_at");
            try (PreparedStatement select = connection.prepareStatement("SELECT " + RecipientColumns.COLUMNS
                    + " FROM ck_recipient" + dialect.useIndex("ck_recipient_by_state")
                    + " WHERE campaign_id = ? AND state = 'SENDING' AND " + expiry + " <= ?" + ranges.unzoned()
                    + " AND " + Scope.TENANT + " ORDER BY " + ranges.order(expiry) + ", seq LIMIT ?")) {
                select.setString(1, query.campaignId().value());
                select.setLong(2, Sql.nanos(query.at()));
                scope.bind(select, 3);
                select.setInt(4, query.limit());
                return readAll(select, query.limit());
            }
        });
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
                return readAll(select, query.limit());
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
                return readAll(select, limit);
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
                return readAll(select, query.limit());
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

    /** A phone the store wrote, as it wrote it: not parsed again (StoredPhoneNumbers). */
    static PhoneNumber phone(String e164) {
        return StoredPhoneNumbers.readBack(e164);
    }
}
