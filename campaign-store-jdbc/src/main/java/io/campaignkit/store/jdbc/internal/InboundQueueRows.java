package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inbound messages queued while a campaign's hours are closed, in arrival order (a sequence per
 * campaign; two nodes that take one sequence at once collide on the primary key and the loser takes
 * the next). A claim locks the campaign's waiting messages, so claimers on every node take turns and
 * a message is never handed out while an earlier message of its conversation is still with a bot. Acknowledged messages are
 * kept (flagged), so a webhook redelivered later is still recognised as a duplicate.
 */
public final class InboundQueueRows {

    private static final String COLUMNS =
            "seq, conversation_id, campaign_id, phone, message_id, body, media, received_at,"
                    + " queued, lease_owner, lease_expires_at, content";

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final JdbcDialect dialect;

    public InboundQueueRows(Sql sql, Scope scope, CampaignRows campaigns, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.dialect = dialect;
    }

    public boolean enqueue(String conversationId, CampaignId campaignId, PhoneNumber phone, ReceivedMessage message) {
        // another node may take the sequence or queue the same message meanwhile: then the next attempt sees it
        return sql.inTransactionLookingAgain(
                "queueing an inbound message in " + campaignId,
                connection -> enqueueOnce(connection, conversationId, campaignId, phone, message));
    }

    private boolean enqueueOnce(
            Connection connection,
            String conversationId,
            CampaignId campaignId,
            PhoneNumber phone,
            ReceivedMessage message)
            throws SQLException {
        String tenant = campaigns.tenantForWriting(connection, campaignId);
        try (PreparedStatement seen = connection.prepareStatement(
                "SELECT 1 FROM ck_inbound_queue WHERE campaign_id = ? AND message_id = ?")) {
            seen.setString(1, campaignId.value());
            seen.setString(2, message.messageId());
            try (ResultSet rows = seen.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        // acknowledged messages stay, so the highest sequence never goes back and is never reused
        long sequence;
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), -1) + 1 FROM ck_inbound_queue WHERE campaign_id = ?")) {
            next.setString(1, campaignId.value());
            try (ResultSet rows = next.executeQuery()) {
                rows.next();
                sequence = rows.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ck_inbound_queue (tenant_id, "
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, tenant);
            insert.setLong(2, sequence);
            insert.setString(3, conversationId);
            insert.setString(4, campaignId.value());
            insert.setString(5, phone.e164());
            insert.setString(6, message.messageId());
            Sql.setString(insert, 7, message.text().orElse(null));
            Sql.setString(
                    insert,
                    8,
                    message.media().isEmpty()
                            ? null
                            : message.media().stream().map(URI::toString).collect(Collectors.joining("\n")));
            Sql.setNanos(insert, 9, message.receivedAt());
            insert.setBoolean(10, message.queued());
            Sql.setString(insert, 11, null);
            Sql.setNanos(insert, 12, (Instant) null);
            Sql.setString(insert, 13, InboundContentCodec.encode(message.content()));
            insert.executeUpdate();
        }
        return true;
    }

    public List<QueuedInbound> claim(CampaignId campaignId, Lease lease, int limit, Instant now) {
        return sql.inTransaction("claiming queued messages of " + campaignId, connection -> {
            List<QueuedInbound> claimed = new ArrayList<>();
            Set<String> blocked = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_inbound_queue"
                            + " WHERE campaign_id = ? AND acknowledged = FALSE AND " + Scope.TENANT
                            + " ORDER BY seq FOR UPDATE");
                    PreparedStatement lock = connection.prepareStatement("UPDATE ck_inbound_queue SET lease_owner = ?,"
                            + " lease_expires_at = ? WHERE campaign_id = ? AND seq = ?")) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && claimed.size() < limit) {
                        QueuedInbound entry = read(rows);
                        if (blocked.contains(entry.conversationId())) {
                            continue;
                        }
                        if (entry.lease().filter(held -> held.isLiveAt(now)).isPresent()) {
                            blocked.add(entry.conversationId()); // later messages must not overtake it
                            continue;
                        }
                        lock.setString(1, lease.owner());
                        Sql.setNanos(lock, 2, lease.expiresAt());
                        lock.setString(3, campaignId.value());
                        lock.setLong(4, entry.sequence());
                        lock.addBatch();
                        claimed.add(new QueuedInbound(
                                entry.sequence(),
                                entry.conversationId(),
                                entry.campaignId(),
                                entry.phone(),
                                entry.message(),
                                Optional.of(lease)));
                    }
                }
                if (!claimed.isEmpty()) {
                    lock.executeBatch();
                }
            }
            return claimed;
        });
    }

    public void acknowledge(CampaignId campaignId, List<Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        sql.inTransaction("acknowledging queued messages of " + campaignId, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE ck_inbound_queue SET acknowledged = TRUE,"
                            + " lease_owner = NULL, lease_expires_at = NULL WHERE campaign_id = ? AND seq = ? AND "
                            + Scope.TENANT)) {
                for (long sequence : sequences) {
                    update.setString(1, campaignId.value());
                    update.setLong(2, sequence);
                    scope.bind(update, 3);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    public long count(CampaignId campaignId) {
        return sql.inTransaction("counting queued messages of " + campaignId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM ck_inbound_queue"
                    + " WHERE campaign_id = ? AND acknowledged = FALSE AND " + Scope.TENANT)) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    public List<QueuedInbound> page(CampaignId campaignId, long afterSequence, int limit) {
        return sql.inTransaction("reading queued messages of " + campaignId, connection -> {
            List<QueuedInbound> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_inbound_queue"
                    + " WHERE campaign_id = ? AND seq > ? AND acknowledged = FALSE AND " + Scope.TENANT
                    + " ORDER BY seq")) {
                select.setString(1, campaignId.value());
                select.setLong(2, afterSequence);
                scope.bind(select, 3);
                select.setMaxRows(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && page.size() < limit) {
                        page.add(read(rows));
                    }
                }
            }
            return page;
        });
    }

    private static QueuedInbound read(ResultSet rows) throws java.sql.SQLException {
        String media = rows.getString("media");
        List<URI> links = media == null
                ? List.of()
                : Arrays.stream(media.split("\n")).map(URI::create).toList();
        String content = rows.getString("content");
        Optional<String> body = Optional.ofNullable(rows.getString("body"));
        // rows queued before V6 have no content column value: it is derived from body and media
        ReceivedMessage message = content == null
                ? new ReceivedMessage(
                        rows.getString("message_id"),
                        body,
                        links,
                        Sql.requiredInstant(rows, "received_at"),
                        rows.getBoolean("queued"))
                : new ReceivedMessage(
                        rows.getString("message_id"),
                        body,
                        links,
                        Sql.requiredInstant(rows, "received_at"),
                        rows.getBoolean("queued"),
                        InboundContentCodec.decode(content));
        String owner = rows.getString("lease_owner");
        Optional<Lease> lease = owner == null
                ? Optional.empty()
                : Optional.of(new Lease(owner, Sql.requiredInstant(rows, "lease_expires_at")));
        return new QueuedInbound(
                rows.getLong("seq"),
                rows.getString("conversation_id"),
                CampaignId.of(rows.getString("campaign_id")),
                RecipientRows.phone(rows.getString("phone")),
                message,
                lease);
    }
}
