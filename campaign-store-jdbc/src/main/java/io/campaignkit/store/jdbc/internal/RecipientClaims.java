package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.rules.RecipientRules;
import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.JdbcDialect.RecipientClaim;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims of recipients: due ones to send, expired leases to recover, and the renewal of a lease.
 * A claim locks its rows skipping those another claimer holds ({@link JdbcDialect#lockForClaim}, on
 * PostgreSQL and H2 alike {@code FOR UPDATE SKIP LOCKED}), so concurrent claimers on any number of
 * nodes take disjoint rows without waiting for each other, then marks them SENDING under the lease in
 * one JDBC batch and adjusts the {@link RecipientCounters}.
 */
public final class RecipientClaims {

    private final Sql sql;
    private final Scope scope;
    private final JdbcDialect dialect;

    public RecipientClaims(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.dialect = dialect;
    }

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
        RecipientClaim rows = new RecipientClaim(RecipientColumns.COLUMNS, campaignId.value(), scope.tenantId(),
                condition, order, now, limit);
        return sql.inTransaction(operation, connection -> {
            List<Recipient> locked = dialect.lockForClaim(connection, rows, RecipientColumns::read);
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
            RecipientColumns.writeBack(connection, claimed);
            counters.write(connection, scope, dialect);
            return claimed;
        });
    }
}
