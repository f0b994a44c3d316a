package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientStore.ClaimKind;
import io.campaignkit.core.port.rules.RecipientRules;
import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.JdbcDialect.RecipientClaim;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Claims of recipients: due ones to send, expired leases to recover, and the renewal of a lease.
 * A claim locks its rows skipping those another claimer holds ({@link JdbcDialect#lockForClaim},
 * {@code FOR UPDATE SKIP LOCKED}), so concurrent claimers on any number of nodes take disjoint rows
 * without waiting for each other, then marks them SENDING under the lease and adjusts the
 * {@link RecipientCounters}. Where the dialect has one ({@link JdbcDialect#claimAndSet}), one statement
 * takes and marks the rows: PostgreSQL's skips locked rows; H2's (one application instance) waits for a
 * contended row and leaves it out once it is found taken.
 */
public final class RecipientClaims {

    /**
     * What {@link RecipientRules#claim} (one more attempt) and {@link RecipientRules#recover} (none) do to
     * the row, as SQL: SENDING under the lease, updated now. The claim's answer is computed by those rules
     * from the rows as they were; both must agree (the contract kits check the stored rows).
     */
    private static final String CLAIM_ASSIGNMENTS =
            "state = 'SENDING', attempts = r.attempts + ?, lease_owner = ?," + " lease_expires_at = ?, updated_at = ?";

    private final Sql sql;
    private final Scope scope;
    private final JdbcDialect dialect;
    private final StateRanges ranges;
    /** A launch's refresh still running is waited for: a claim planned on the statistics before it can stay slow. */
    private final Optional<StatisticsRefresh> statistics;

    public RecipientClaims(Sql sql, Scope scope, JdbcDialect dialect, Optional<StatisticsRefresh> statistics) {
        this.sql = sql;
        this.scope = scope;
        this.dialect = dialect;
        this.ranges = new StateRanges(dialect);
        this.statistics = statistics;
    }

    /** Due recipients to send ({@link ClaimKind#DUE}) or expired sends to recover, under {@code lease}. */
    public List<Recipient> claim(ClaimKind kind, CampaignId campaignId, Lease lease, int limit, Instant now) {
        return kind == ClaimKind.DUE
                ? claimForSending(campaignId, lease, limit, now)
                : claimExpiredSending(campaignId, lease, limit, now);
    }

    public List<Recipient> claimForSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        statistics.ifPresent(StatisticsRefresh::awaitQuietly);
        String due = dialect.whileIn("PENDING", "due_at");
        RecipientClaim plain = new RecipientClaim(
                RecipientColumns.COLUMNS,
                campaignId.value(),
                scope.tenantId(),
                "state = 'PENDING' AND " + due + " <= ?",
                due + ", seq",
                now,
                limit);
        if (!ranges.zoned) {
            return claim("claiming recipients of " + campaignId, plain, lease, now, true);
        }
        return sql.inTransaction("claiming recipients of " + campaignId, connection -> {
            // H2's state index keeps a local campaign's PENDING rows zone by zone: with zones, merge their ranges
            Set<String> zones = ranges.pendingZones(connection, campaignId, scope);
            if (zones.isEmpty()) {
                return claimIn(connection, plain, lease, now, true);
            }
            List<String> keys = new ArrayList<>(zones.size() + 1);
            keys.add(null); // the rows without a zone, a range of their own
            keys.addAll(zones);
            return claimIn(connection, inRanges(campaignId, keys, limit, now), lease, now, true);
        });
    }

    /**
     * {@link #claimForSending} within some local zones (V34's column, V35's index, on H2 the state index), in one
     * statement: each zone's first {@code limit} recipients by due time and sequence, one bounded range of
     * the zones' index each (read from the index alone, {@link StateRanges}), merged and cut to the first
     * {@code limit}, whose rows are then claimed by their primary key. A condition {@code zone IN (...)} instead
     * would read every due recipient of the zones to sort them, as the index is in (due, sequence) order only
     * within a zone.
     */
    public List<Recipient> claimDueInZones(
            CampaignId campaignId, Set<String> zoneKeys, Lease lease, int limit, Instant now) {
        statistics.ifPresent(StatisticsRefresh::awaitQuietly);
        return claim(
                "claiming recipients of " + campaignId + " in " + zoneKeys,
                inRanges(campaignId, List.copyOf(zoneKeys), limit, now),
                lease,
                now,
                true);
    }

    /** The claim of {@link #claimDueInZones} over {@code keys}, a null key the rows without a zone (H2 only). */
    private RecipientClaim inRanges(CampaignId campaignId, List<@Nullable String> keys, int limit, Instant now) {
        // H2's dialect joins the pick to the rows through the phone's index (H2 takes a subquery as an index
        // condition only on an index's first column), so its pick answers the phone too: the state index holds
        // the phone, so the pick still reads the index alone
        StringJoiner picks = new StringJoiner(" UNION ALL ");
        List<String> values = new ArrayList<>(2 * keys.size());
        for (String key : keys) {
            // the limits are ints the store computed, written into the text: the values bound here are all text
            picks.add("(SELECT " + ranges.due + " AS due_at, seq" + (ranges.zoned ? ", phone" : "")
                    + " FROM ck_recipient" + ranges.zoneIndex + " WHERE " + ranges.zoneRange(key) + " ORDER BY "
                    + ranges.zoneOrder() + " LIMIT " + limit + ")");
            values.add(campaignId.value());
            if (key != null) {
                values.add(key);
            }
        }
        String due = "state = 'PENDING' AND due_at <= ?";
        String pick = "SELECT * FROM (" + picks + ") zoned ORDER BY due_at, seq LIMIT " + limit;
        return new RecipientClaim(
                RecipientColumns.COLUMNS,
                campaignId.value(),
                scope.tenantId(),
                due + " AND seq IN (SELECT seq FROM (" + pick + ") picked)",
                "due_at, seq",
                now,
                limit,
                values,
                due, // once locked, a picked row needs only to be still due: the pick is not run again per row
                pick);
    }

    public List<Recipient> claimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        String expiry = dialect.whileIn("SENDING", "lease_expires_at");
        return claim(
                "recovering recipients of " + campaignId,
                "state = 'SENDING' AND " + expiry + " <= ?",
                expiry + ", seq",
                campaignId,
                lease,
                limit,
                now,
                false);
    }

    /** One statement: the rows still SENDING under {@code held} take {@code renewed}'s expiry. */
    public int renewLease(CampaignId campaignId, Lease held, Lease renewed) {
        return sql.inTransaction("renewing a lease on recipients of " + campaignId, connection -> {
            String expiry = dialect.whileIn("SENDING", "lease_expires_at");
            // the rows by their sequences, read from the state index alone: H2 plans an UPDATE whose condition
            // its index does not cover on the primary key, a walk of the whole campaign
            try (PreparedStatement update = connection.prepareStatement("UPDATE ck_recipient SET lease_expires_at = ?"
                    + " WHERE campaign_id = ? AND state = 'SENDING' AND lease_owner = ? AND lease_expires_at = ? AND "
                    + Scope.TENANT + " AND seq IN (SELECT seq FROM ck_recipient"
                    + dialect.useIndex("ck_recipient_by_state")
                    + " WHERE campaign_id = ? AND state = 'SENDING' AND " + expiry
                    + " = ?" + ranges.unzoned() + ")")) {
                Sql.setNanos(update, 1, renewed.expiresAt());
                update.setString(2, campaignId.value());
                update.setString(3, held.owner());
                Sql.setNanos(update, 4, held.expiresAt());
                scope.bind(update, 5);
                update.setString(6, campaignId.value());
                Sql.setNanos(update, 7, held.expiresAt());
                return update.executeUpdate();
            }
        });
    }

    private List<Recipient> claim(
            String operation,
            String condition,
            String order,
            CampaignId campaignId,
            Lease lease,
            int limit,
            Instant now,
            boolean countAttempt) {
        return claim(
                operation,
                new RecipientClaim(
                        RecipientColumns.COLUMNS, campaignId.value(), scope.tenantId(), condition, order, now, limit),
                lease,
                now,
                countAttempt);
    }

    private List<Recipient> claim(
            String operation, RecipientClaim rows, Lease lease, Instant now, boolean countAttempt) {
        return sql.inTransaction(operation, connection -> claimIn(connection, rows, lease, now, countAttempt));
    }

    private List<Recipient> claimIn(
            Connection connection, RecipientClaim rows, Lease lease, Instant now, boolean countAttempt)
            throws SQLException {
        // where the database can, one statement locks, marks and returns the rows (as they were)
        Optional<List<Recipient>> marked = dialect.claimAndSet(
                connection,
                rows,
                CLAIM_ASSIGNMENTS,
                (statement, first) -> {
                    statement.setInt(first, countAttempt ? 1 : 0);
                    statement.setString(first + 1, lease.owner());
                    Sql.setNanos(statement, first + 2, lease.expiresAt());
                    Sql.setNanos(statement, first + 3, now);
                    return first + 4;
                },
                RecipientColumns::read);
        List<Recipient> locked =
                marked.isPresent() ? marked.get() : dialect.lockForClaim(connection, rows, RecipientColumns::read);
        if (locked.isEmpty()) {
            return List.of();
        }
        List<Recipient> claimed = new ArrayList<>(locked.size());
        RecipientCounters counters = new RecipientCounters();
        for (Recipient recipient : locked) {
            Recipient next = countAttempt
                    ? RecipientRules.claim(recipient, lease, now)
                    : RecipientRules.recover(recipient, lease, now);
            claimed.add(next);
            counters.changed(recipient, next); // a recovery (SENDING again) cancels out and writes nothing
        }
        if (marked.isEmpty()) {
            RecipientColumns.writeBack(connection, dialect, scope, claimed);
        }
        counters.write(connection, scope, dialect);
        return claimed;
    }
}
