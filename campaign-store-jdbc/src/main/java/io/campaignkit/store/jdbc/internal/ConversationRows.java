package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationChange;
import io.campaignkit.core.port.ConversationSweep;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversations. At most one open conversation per campaign and phone is a unique constraint
 * ({@code open_phone} is the phone while open, NULL once closed); of two nodes that open one at the
 * same moment, the loser's insert fails and it continues the winner's.
 */
public final class ConversationRows {

    static final String COLUMNS = "conversation_id, campaign_id, phone, opened_at, last_inbound_at, last_activity_at,"
            + " last_auto_reply_at, closed_at, close_reason";

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final JdbcDialect dialect;

    public ConversationRows(Sql sql, Scope scope, CampaignRows campaigns, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.dialect = dialect;
    }

    public Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant inboundAt, Instant at) {
        // another node may open it meanwhile: then the next attempt continues that one
        return sql.inTransactionLookingAgain(
                "opening a conversation of " + phone + " in " + campaignId,
                connection -> openOrContinueOnce(connection, campaignId, phone, inboundAt, at));
    }

    private Conversation openOrContinueOnce(
            Connection connection, CampaignId campaignId, PhoneNumber phone, Instant inboundAt, Instant at)
            throws SQLException {
        Optional<Conversation> open =
                selectOne(connection, "campaign_id = ? AND open_phone = ?", true, campaignId.value(), phone.e164());
        if (open.isPresent()) {
            Conversation c = open.get();
            Conversation continued = new Conversation(
                    c.id(),
                    c.campaignId(),
                    c.phone(),
                    c.openedAt(),
                    latest(c.lastInboundAt(), inboundAt),
                    latest(c.lastActivityAt(), at),
                    c.lastAutoReplyAt(),
                    c.closedAt(),
                    c.closeReason());
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE ck_conversation SET last_inbound_at = ?,"
                            + " last_activity_at = ? WHERE conversation_id = ?")) {
                Sql.setNanos(update, 1, continued.lastInboundAt());
                Sql.setNanos(update, 2, continued.lastActivityAt());
                update.setString(3, c.id());
                update.executeUpdate();
            }
            return continued;
        }
        String tenant = campaigns.tenantForWriting(connection, campaignId);
        long earlier;
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM ck_conversation WHERE campaign_id = ? AND phone = ?")) {
            count.setString(1, campaignId.value());
            count.setString(2, phone.e164());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                earlier = rows.getLong(1);
            }
        }
        Conversation opened = new Conversation(
                campaignId.value() + ":" + phone.digits() + ":" + (earlier + 1),
                campaignId,
                phone,
                at,
                inboundAt,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ck_conversation (conversation_id,"
                + " campaign_id, tenant_id, phone, opened_at, last_inbound_at, last_activity_at, open_phone)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, opened.id());
            insert.setString(2, campaignId.value());
            insert.setString(3, tenant);
            insert.setString(4, phone.e164());
            Sql.setNanos(insert, 5, opened.openedAt());
            Sql.setNanos(insert, 6, opened.lastInboundAt());
            Sql.setNanos(insert, 7, opened.lastActivityAt());
            insert.setString(8, phone.e164());
            insert.executeUpdate();
        }
        return opened;
    }

    public Optional<Conversation> findOpen(CampaignId campaignId, PhoneNumber phone) {
        return sql.inTransaction(
                "finding a conversation",
                connection -> selectOne(
                        connection, "campaign_id = ? AND open_phone = ?", false, campaignId.value(), phone.e164()));
    }

    public Optional<Conversation> find(String conversationId) {
        return sql.inTransaction(
                "finding a conversation",
                connection -> selectOne(connection, "conversation_id = ?", false, conversationId));
    }

    /** The conversation as touched, or empty when it is closed, unknown or already active at or after {@code at}. */
    public Optional<Conversation> touch(String conversationId, Instant at) {
        return sql.inTransaction("touching conversation " + conversationId, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE ck_conversation SET last_activity_at = ?"
                            + " WHERE conversation_id = ? AND closed_at IS NULL AND last_activity_at < ? AND "
                            + Scope.TENANT)) {
                Sql.setNanos(update, 1, at);
                update.setString(2, conversationId);
                Sql.setNanos(update, 3, at);
                scope.bind(update, 4);
                if (update.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return selectOne(connection, "conversation_id = ?", false, conversationId);
        });
    }

    /** The conversation as marked, or empty when a reply was already marked in the period (or it is closed). */
    public Optional<Conversation> tryMarkAutoReply(String conversationId, Instant periodStart, Instant now) {
        return sql.inTransaction("marking an automatic reply in " + conversationId, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE ck_conversation SET last_auto_reply_at = ?"
                            + " WHERE conversation_id = ? AND closed_at IS NULL AND (last_auto_reply_at IS NULL"
                            + " OR last_auto_reply_at < ?) AND " + Scope.TENANT)) {
                Sql.setNanos(update, 1, now);
                update.setString(2, conversationId);
                Sql.setNanos(update, 3, periodStart);
                scope.bind(update, 4);
                if (update.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return selectOne(connection, "conversation_id = ?", false, conversationId);
        });
    }

    /** Touches, marks an automatic reply in or closes a conversation: as changed, or empty when the change did not apply. */
    public Optional<Conversation> change(String conversationId, ConversationChange change) {
        if (change instanceof ConversationChange.Touch touch) {
            return touch(conversationId, touch.at());
        }
        if (change instanceof ConversationChange.MarkAutoReply mark) {
            return tryMarkAutoReply(conversationId, mark.periodStart(), mark.now());
        }
        ConversationChange.Close close = (ConversationChange.Close) change;
        return close(conversationId, close.reason(), close.at());
    }

    /** The oldest activity first (one statement: usually nothing is idle); only if something is, the closing. */
    public ConversationSweep closeIdle(
            CampaignId campaignId, Optional<Instant> idleSince, String reason, int limit, Instant at) {
        Optional<Instant> oldest = oldestActivity(campaignId);
        if (oldest.isEmpty()
                || idleSince.filter(since -> oldest.get().isAfter(since)).isPresent()) {
            return new ConversationSweep(List.of(), oldest);
        }
        List<Conversation> closed = closeAll(campaignId, idleSince, reason, limit, at);
        return new ConversationSweep(closed, oldestActivity(campaignId));
    }

    public Optional<Conversation> close(String conversationId, String reason, Instant at) {
        return sql.inTransaction("closing conversation " + conversationId, connection -> {
            Optional<Conversation> open =
                    selectOne(connection, "conversation_id = ? AND closed_at IS NULL", true, conversationId);
            if (open.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(closeLocked(connection, open.get(), reason, at));
        });
    }

    public List<Conversation> closeAll(
            CampaignId campaignId, Optional<Instant> idleSince, String reason, int limit, Instant at) {
        return sql.inTransaction("closing conversations of " + campaignId, connection -> {
            List<Conversation> open = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_conversation"
                    + " WHERE campaign_id = ? AND closed_at IS NULL AND last_activity_at <= ? AND " + Scope.TENANT
                    + " ORDER BY last_activity_at, conversation_id LIMIT ? FOR UPDATE")) {
                select.setString(1, campaignId.value());
                select.setLong(2, idleSince.map(Sql::nanos).orElse(Long.MAX_VALUE));
                scope.bind(select, 3);
                select.setInt(4, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        open.add(read(rows));
                    }
                }
            }
            List<Conversation> closed = new ArrayList<>(open.size());
            for (Conversation conversation : open) {
                closed.add(closeLocked(connection, conversation, reason, at));
            }
            return closed;
        });
    }

    private static Conversation closeLocked(Connection connection, Conversation open, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ck_conversation SET closed_at = ?,"
                + " close_reason = ?, open_phone = NULL WHERE conversation_id = ?")) {
            Sql.setNanos(update, 1, at);
            update.setString(2, reason);
            update.setString(3, open.id());
            update.executeUpdate();
        }
        return new Conversation(
                open.id(),
                open.campaignId(),
                open.phone(),
                open.openedAt(),
                open.lastInboundAt(),
                open.lastActivityAt(),
                open.lastAutoReplyAt(),
                Optional.of(at),
                Optional.of(reason));
    }

    public Optional<Instant> oldestActivity(CampaignId campaignId) {
        return sql.inTransaction("reading conversations of " + campaignId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT MIN(last_activity_at) FROM ck_conversation"
                            + " WHERE campaign_id = ? AND closed_at IS NULL AND " + Scope.TENANT)) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    long value = rows.getLong(1);
                    return rows.wasNull() ? Optional.empty() : Optional.of(Sql.instant(value));
                }
            }
        });
    }

    private Optional<Conversation> selectOne(Connection connection, String condition, boolean lock, String... values)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_conversation WHERE "
                + condition + " AND " + Scope.TENANT + (lock ? " FOR UPDATE" : ""))) {
            int index = 1;
            for (String value : values) {
                select.setString(index++, value);
            }
            scope.bind(select, index);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static Conversation read(ResultSet rows) throws SQLException {
        return new Conversation(
                rows.getString("conversation_id"),
                CampaignId.of(rows.getString("campaign_id")),
                RecipientRows.phone(rows.getString("phone")),
                Sql.requiredInstant(rows, "opened_at"),
                Sql.requiredInstant(rows, "last_inbound_at"),
                Sql.requiredInstant(rows, "last_activity_at"),
                Sql.optInstant(rows, "last_auto_reply_at"),
                Sql.optInstant(rows, "closed_at"),
                Optional.ofNullable(rows.getString("close_reason")));
    }

    private static Instant latest(Instant current, Instant at) {
        return at.isAfter(current) ? at : current;
    }
}
