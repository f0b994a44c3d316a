package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.port.KeptUnrouted;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.UnroutedInbound;
import io.campaignkit.core.port.UnroutedInbox;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The {@link UnroutedInbox} in table {@code ck_unrouted_inbox} (V37): one row per channel and message id
 * in the store's scope, kept after it is acknowledged so a redelivered webhook is recognised. A claim locks
 * the scope's waiting rows, so claimers on every node take turns.
 */
public final class UnroutedInboxRows implements UnroutedInbox {

    private static final String COLUMNS = "seq, channel_id, message_id, reason, campaign_id, from_address,"
            + " to_address, body, media, received_at, content, lease_owner, lease_expires_at";

    private final Sql sql;
    private final Scope scope;
    private final JdbcDialect dialect;

    public UnroutedInboxRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.dialect = dialect;
    }

    @Override
    public OptionalLong keepUnrouted(UnroutedInbound message, Lease lease) {
        ReceivedMessage received = message.message();
        return sql.inTransaction("keeping unrouted message " + received.messageId(), connection -> {
            boolean added = dialect.insertIfAbsent(
                    connection,
                    "INSERT INTO ck_unrouted_inbox (scope, channel_id, message_id, reason, campaign_id, from_address,"
                            + " to_address, body, media, received_at, content, lease_owner, lease_expires_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    insert -> {
                        insert.setString(1, scope.writeScope());
                        insert.setString(2, message.channelId());
                        insert.setString(3, received.messageId());
                        insert.setString(4, message.reason().name());
                        Sql.setString(
                                insert,
                                5,
                                message.campaignId().map(CampaignId::value).orElse(null));
                        insert.setString(6, message.from());
                        insert.setString(7, message.to());
                        Sql.setString(insert, 8, received.text().orElse(null));
                        Sql.setString(
                                insert,
                                9,
                                received.media().isEmpty()
                                        ? null
                                        : received.media().stream()
                                                .map(URI::toString)
                                                .collect(Collectors.joining("\n")));
                        Sql.setNanos(insert, 10, received.receivedAt());
                        insert.setString(11, InboundContentCodec.encode(received.content()));
                        insert.setString(12, lease.owner());
                        Sql.setNanos(insert, 13, lease.expiresAt());
                    });
            return added ? OptionalLong.of(sequenceOf(connection, message)) : OptionalLong.empty();
        });
    }

    private long sequenceOf(Connection connection, UnroutedInbound message) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq FROM ck_unrouted_inbox WHERE scope = ? AND channel_id = ? AND message_id = ?")) {
            select.setString(1, scope.writeScope());
            select.setString(2, message.channelId());
            select.setString(3, message.message().messageId());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public List<KeptUnrouted> claimUnrouted(Lease lease, int limit, Instant now) {
        return sql.inTransaction("claiming unrouted messages", connection -> {
            List<KeptUnrouted> claimed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT " + COLUMNS
                                    + " FROM ck_unrouted_inbox WHERE scope = ? AND acknowledged = FALSE ORDER BY seq FOR UPDATE");
                    PreparedStatement lock = connection.prepareStatement(
                            "UPDATE ck_unrouted_inbox SET lease_owner = ?, lease_expires_at = ? WHERE seq = ?")) {
                select.setString(1, scope.writeScope());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && claimed.size() < limit) {
                        KeptUnrouted entry = read(rows);
                        if (entry.lease().filter(held -> held.isLiveAt(now)).isPresent()) {
                            continue;
                        }
                        lock.setString(1, lease.owner());
                        Sql.setNanos(lock, 2, lease.expiresAt());
                        lock.setLong(3, entry.sequence());
                        lock.addBatch();
                        claimed.add(new KeptUnrouted(entry.sequence(), entry.inbound(), Optional.of(lease)));
                    }
                }
                if (!claimed.isEmpty()) {
                    lock.executeBatch();
                }
            }
            return claimed;
        });
    }

    @Override
    public void acknowledgeUnrouted(long sequence) {
        sql.inTransaction("acknowledging unrouted message " + sequence, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ck_unrouted_inbox SET acknowledged ="
                    + " TRUE, lease_owner = NULL, lease_expires_at = NULL WHERE seq = ? AND scope = ?")) {
                update.setLong(1, sequence);
                update.setString(2, scope.writeScope());
                update.executeUpdate();
            }
            return null;
        });
    }

    private static KeptUnrouted read(ResultSet rows) throws SQLException {
        String media = rows.getString("media");
        List<URI> links = media == null
                ? List.of()
                : Arrays.stream(media.split("\n")).map(URI::create).toList();
        ReceivedMessage message = new ReceivedMessage(
                rows.getString("message_id"),
                Optional.ofNullable(rows.getString("body")),
                links,
                Sql.requiredInstant(rows, "received_at"),
                false,
                InboundContentCodec.decode(rows.getString("content")));
        String campaign = rows.getString("campaign_id");
        UnroutedInbound inbound = new UnroutedInbound(
                rows.getString("channel_id"),
                UnroutedMessage.Reason.valueOf(rows.getString("reason")),
                Optional.ofNullable(campaign).map(CampaignId::of),
                rows.getString("from_address"),
                rows.getString("to_address"),
                message);
        String owner = rows.getString("lease_owner");
        Optional<Lease> lease = owner == null
                ? Optional.empty()
                : Optional.of(new Lease(owner, Sql.requiredInstant(rows, "lease_expires_at")));
        return new KeptUnrouted(rows.getLong("seq"), inbound, lease);
    }
}
