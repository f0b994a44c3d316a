package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.dispatch.pacing.TokenBucket;
import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * The token buckets of {@code ck_pacing_bucket}: a sender's row (campaign id {@code ''}) and one row per
 * campaign on it, in the store's scope (its tenant, or {@code *}).
 *
 * <p>On a database that runs {@code UPDATE} inside {@code WITH}, a take is one statement ({@link PacingTake}).
 * Otherwise (and for a bucket still to be inserted), a take or a hold is one short transaction: one {@code SELECT ... ORDER BY campaign_id FOR UPDATE}
 * locks the sender's row, then the campaign's (the key order, the same for every node, so no two
 * transactions wait for each other in a cycle), the new units are computed here with
 * {@link TokenBucket}, and one batched {@code UPDATE} writes the rows that changed. A read
 * ({@code availablePermits}, {@code nextPermitAt}) is one plain {@code SELECT} that writes nothing: it
 * answers what a take at that instant would find. The first operation on a bucket inserts it full at
 * its instant (a second node's concurrent insert is ignored), which is when the in-process bucket
 * starts too.
 */
public final class PacingBucketRows {

    private static final String SENDER_ROW = "";
    private static final String KEY = "scope = ? AND sender_channel = ? AND sender_id = ?";
    private static final String COLUMNS = "campaign_id, permits, period_nanos, burst, units, last_at";
    private static final String SELECT_PAIR = "SELECT " + COLUMNS + " FROM ck_pacing_bucket WHERE " + KEY
            + " AND campaign_id IN ('', ?) ORDER BY campaign_id";
    private static final String SELECT_SENDER =
            "SELECT " + COLUMNS + " FROM ck_pacing_bucket WHERE " + KEY + " AND campaign_id = ''";
    private static final String INSERT = "INSERT INTO ck_pacing_bucket (scope, sender_channel, sender_id, campaign_id,"
            + " permits, period_nanos, burst, units, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE ck_pacing_bucket SET permits = ?, period_nanos = ?, burst = ?,"
            + " units = ?, last_at = ? WHERE " + KEY + " AND campaign_id = ?";
    private static final String DELETE = "DELETE FROM ck_pacing_bucket WHERE scope = ? AND campaign_id = ?";
    private static final String FOR_UPDATE = " FOR UPDATE";
    /** Inserts of a missing bucket before giving up: a second one is needed only if it was deleted meanwhile. */
    private static final int MAX_INSERTS = 3;

    /** A campaign's two buckets as stored (before any refill). */
    private record Pair(TokenBucket sender, TokenBucket campaign) {

        Pair countedIn(SendLimits limits) {
            return new Pair(sender.countedIn(limits.senderLimit()), campaign.countedIn(limits.campaignLimit()));
        }

        Pair advancedTo(long now) {
            return new Pair(sender.advancedTo(now), campaign.advancedTo(now));
        }
    }

    private final Sql sql;
    private final String scope;
    private final JdbcDialect dialect;

    public PacingBucketRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope.writeScope();
        this.dialect = dialect;
    }

    /** Takes up to {@code wanted} permits that both buckets have at {@code now}; answers how many. */
    public int take(SendLimits limits, int wanted, Instant now) {
        long at = Sql.nanos(now);
        if (dialect.updatesInWith()) {
            OptionalInt taken = takeInOneStatement(limits, wanted, at);
            if (taken.isPresent()) {
                return taken.getAsInt();
            }
        }
        return sql.inTransaction("taking permits for campaign " + limits.campaign(), connection -> {
            Pair stored = pair(connection, limits, at, FOR_UPDATE);
            Pair refilled = stored.countedIn(limits).advancedTo(at);
            int granted = Math.min(
                    wanted,
                    Math.min(refilled.sender().available(), refilled.campaign().available()));
            write(
                    connection,
                    limits,
                    stored,
                    new Pair(
                            refilled.sender().consumed(granted),
                            refilled.campaign().consumed(granted)));
            return granted;
        });
    }

    /** {@link PacingTake}, in auto-commit; empty when a bucket is still to be inserted. */
    private OptionalInt takeInOneStatement(SendLimits limits, int wanted, long at) {
        try (Connection connection = sql.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return PacingTake.take(connection, scope, limits, wanted, at);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException failure) {
            if (dialect.isRetryable(failure)) {
                return OptionalInt.empty(); // the transactional path runs it again
            }
            throw new JdbcStoreException(
                    "taking permits for campaign " + limits.campaign() + " failed: " + failure.getMessage(), failure);
        }
    }

    /** How many permits a take at {@code now} would grant; writes nothing but a missing bucket. */
    public int available(SendLimits limits, Instant now) {
        return read(
                limits,
                now,
                "reading the permits of campaign ",
                (sender, campaign) -> Math.min(sender.available(), campaign.available()));
    }

    /** The first instant, not before {@code now} or the buckets' timelines, at which both have a permit. */
    public Instant nextPermitAt(SendLimits limits, Instant now) {
        long at = Sql.nanos(now);
        long next = read(
                limits,
                now,
                "reading the next permit of campaign ",
                (sender, campaign) -> Math.max(at, Math.max(sender.nextPermitAt(), campaign.nextPermitAt())));
        return Sql.instant(next);
    }

    /** The sender's bucket grants nothing before {@code until}, for every campaign on it. */
    public void holdSender(SendLimits limits, Instant until) {
        long at = Sql.nanos(until);
        sql.inTransaction(
                "holding sender " + limits.sender().channelType() + "/"
                        + limits.sender().senderId(),
                connection -> {
                    // a bucket first seen here starts where the hold empties it, as the in-process one does
                    TokenBucket stored = sender(connection, limits, at - TokenBucket.holdLead(limits.senderLimit()));
                    TokenBucket held = stored.countedIn(limits.senderLimit()).heldUntil(at);
                    if (!held.equals(stored)) {
                        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                            bindUpdate(update, limits, SENDER_ROW, held);
                            update.executeUpdate();
                        }
                    }
                    return null;
                });
    }

    /** Deletes the campaign's bucket; its sender's stays. */
    public void forget(CampaignId campaign) {
        sql.inTransaction("forgetting the bucket of campaign " + campaign, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, scope);
                delete.setString(2, campaign.value());
                delete.executeUpdate();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- statements

    /**
     * Both buckets of {@code limits}, inserted full at {@code at} when missing, locked with {@code lock}.
     * A row deleted between the insert and the select (a campaign forgotten at that moment) is inserted again.
     */
    private Pair pair(Connection connection, SendLimits limits, long at, String lock) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Pair found = selectPair(connection, limits, lock);
            if (found.sender() != null && found.campaign() != null) {
                return found;
            }
            if (attempt == MAX_INSERTS) {
                throw new IllegalStateException(
                        "the buckets of campaign " + limits.campaign() + " vanished after their insert");
            }
            if (found.sender() == null) {
                insertFull(connection, limits, SENDER_ROW, limits.senderLimit(), at);
            }
            if (found.campaign() == null) {
                insertFull(connection, limits, limits.campaign().value(), limits.campaignLimit(), at);
            }
        }
    }

    private Pair selectPair(Connection connection, SendLimits limits, String lock) throws SQLException {
        TokenBucket sender = null;
        TokenBucket campaign = null;
        try (PreparedStatement select = connection.prepareStatement(SELECT_PAIR + lock)) {
            bindKey(select, 1, limits);
            select.setString(4, limits.campaign().value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals(SENDER_ROW)) {
                        sender = row(rows);
                    } else {
                        campaign = row(rows);
                    }
                }
            }
        }
        return new Pair(sender, campaign);
    }

    /** The sender's bucket, locked; inserted full at {@code at} when missing. */
    private TokenBucket sender(Connection connection, SendLimits limits, long at) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement select = connection.prepareStatement(SELECT_SENDER + FOR_UPDATE)) {
                bindKey(select, 1, limits);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return row(rows);
                    }
                }
            }
            if (attempt == MAX_INSERTS) {
                throw new IllegalStateException(
                        "the bucket of sender " + limits.sender() + " vanished after its insert");
            }
            insertFull(connection, limits, SENDER_ROW, limits.senderLimit(), at);
        }
    }

    private void insertFull(Connection connection, SendLimits limits, String campaignId, RateLimit limit, long at)
            throws SQLException {
        TokenBucket full = TokenBucket.full(limit, at);
        dialect.insertIfAbsent(connection, INSERT, insert -> {
            bindKey(insert, 1, limits);
            insert.setString(4, campaignId);
            bindBucket(insert, 5, full);
        });
    }

    /** Writes the rows whose values changed, in one batch. */
    private void write(Connection connection, SendLimits limits, Pair stored, Pair taken) throws SQLException {
        boolean senderChanged = !taken.sender().equals(stored.sender());
        boolean campaignChanged = !taken.campaign().equals(stored.campaign());
        if (!senderChanged && !campaignChanged) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            if (senderChanged) {
                bindUpdate(update, limits, SENDER_ROW, taken.sender());
                update.addBatch();
            }
            if (campaignChanged) {
                bindUpdate(update, limits, limits.campaign().value(), taken.campaign());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Runs a read on a connection in auto-commit: one plain statement, no transaction to end (and a
     * missing bucket inserted by a statement of its own).
     */
    private <T> T read(SendLimits limits, Instant now, String operation, Answer<T> answer) {
        long at = Sql.nanos(now);
        try (Connection connection = sql.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                Pair refilled =
                        pair(connection, limits, at, "").countedIn(limits).advancedTo(at);
                return answer.of(refilled.sender(), refilled.campaign());
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException failure) {
            throw new JdbcStoreException(operation + limits.campaign() + " failed: " + failure.getMessage(), failure);
        }
    }

    /** What a read answers from the two buckets refilled to its instant. */
    @FunctionalInterface
    private interface Answer<T> {
        T of(TokenBucket sender, TokenBucket campaign);
    }

    /** Binds the three parameters of {@link #KEY} from {@code first}. */
    private void bindKey(PreparedStatement statement, int first, SendLimits limits) throws SQLException {
        statement.setString(first, scope);
        statement.setString(first + 1, limits.sender().channelType());
        statement.setString(first + 2, limits.sender().senderId());
    }

    private void bindUpdate(PreparedStatement update, SendLimits limits, String campaignId, TokenBucket bucket)
            throws SQLException {
        bindBucket(update, 1, bucket);
        bindKey(update, 6, limits);
        update.setString(9, campaignId);
    }

    private static void bindBucket(PreparedStatement statement, int first, TokenBucket bucket) throws SQLException {
        statement.setInt(first, bucket.limit().permits());
        statement.setLong(first + 1, bucket.limit().period().toNanos());
        statement.setInt(first + 2, bucket.limit().burst());
        statement.setLong(first + 3, bucket.units());
        statement.setLong(first + 4, bucket.lastAt());
    }

    private static TokenBucket row(ResultSet rows) throws SQLException {
        RateLimit limit = new RateLimit(rows.getInt(2), Duration.ofNanos(rows.getLong(3)), rows.getInt(4));
        return new TokenBucket(limit, rows.getLong(5), rows.getLong(6));
    }
}
