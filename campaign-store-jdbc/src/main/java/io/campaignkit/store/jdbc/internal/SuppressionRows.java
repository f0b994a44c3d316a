package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The suppression list. A tenant's store keeps that tenant's list and also honours the host-wide
 * list (scope {@code *}); a store serving every tenant keeps the host-wide list and honours every
 * per-sender opt-out (a sender belongs to one tenant).
 */
public final class SuppressionRows {

    private static final String EVERY_SENDER = "";

    private final Sql sql;
    private final Scope scope;
    private final String upsert;
    private final String visible;
    private final JdbcDialect dialect;

    public SuppressionRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.dialect = dialect;
        this.upsert = dialect.upsert(
                "ck_suppression",
                List.of("scope", "sender_channel", "sender_id", "phone"),
                List.of("source", "suppressed_at", "reason"));
        this.visible = scope.tenantId().isPresent()
                ? "scope IN (?, '" + Scope.HOST_WIDE + "')"
                : "(scope = ? OR sender_channel <> '')";
    }

    public void suppress(Suppression suppression) {
        sql.inTransaction("suppressing " + suppression.phone(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                statement.setString(1, scope.writeScope());
                statement.setString(
                        2, suppression.sender().map(SenderKey::channelType).orElse(EVERY_SENDER));
                statement.setString(
                        3, suppression.sender().map(SenderKey::senderId).orElse(EVERY_SENDER));
                statement.setString(4, suppression.phone().e164());
                statement.setString(5, suppression.source());
                Sql.setNanos(statement, 6, suppression.at());
                Sql.setString(statement, 7, suppression.reason().orElse(null));
                statement.executeUpdate();
            }
            return null;
        });
    }

    public boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
        return sql.inTransaction("lifting the suppression of " + phone, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ck_suppression WHERE scope = ?"
                    + " AND sender_channel = ? AND sender_id = ? AND phone = ?")) {
                delete.setString(1, scope.writeScope());
                delete.setString(2, sender.map(SenderKey::channelType).orElse(EVERY_SENDER));
                delete.setString(3, sender.map(SenderKey::senderId).orElse(EVERY_SENDER));
                delete.setString(4, phone.e164());
                return delete.executeUpdate() > 0;
            }
        });
    }

    public Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        Map<String, PhoneNumber> byE164 = new HashMap<>();
        phones.forEach(phone -> byE164.put(phone.e164(), phone));
        return sql.inTransaction("reading suppressions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT phone FROM ck_suppression WHERE "
                    + dialect.anyOf("phone", byE164.size()) + " AND ((sender_channel = ? AND sender_id = ?)"
                    + " OR sender_channel = '') AND " + visible)) {
                int index = dialect.bindAnyOf(connection, select, 1, byE164.keySet());
                select.setString(index++, sender.channelType());
                select.setString(index++, sender.senderId());
                select.setString(index, scope.writeScope());
                Set<PhoneNumber> suppressed = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        suppressed.add(byE164.get(rows.getString(1)));
                    }
                }
                return suppressed;
            }
        });
    }

    /**
     * The phone's every-sender suppressions and those on {@code senders} that this store sees: one
     * statement on the phone's index, its senders bound as pairs.
     */
    public List<Suppression> suppressionsOf(PhoneNumber phone, Collection<SenderKey> senders) {
        List<SenderKey> asked = List.copyOf(new LinkedHashSet<>(senders));
        StringBuilder where = new StringBuilder("sender_channel = ''");
        asked.forEach(sender -> where.append(" OR (sender_channel = ? AND sender_id = ?)"));
        return sql.inTransaction("reading the suppressions of " + phone, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT sender_channel, sender_id, source,"
                    + " suppressed_at, reason FROM ck_suppression WHERE phone = ? AND (" + where + ") AND "
                    + visible)) {
                int index = 1;
                select.setString(index++, phone.e164());
                for (SenderKey sender : asked) {
                    select.setString(index++, sender.channelType());
                    select.setString(index++, sender.senderId());
                }
                select.setString(index, scope.writeScope());
                List<Suppression> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String channel = rows.getString("sender_channel");
                        Optional<SenderKey> sender = channel.equals(EVERY_SENDER)
                                ? Optional.empty()
                                : Optional.of(new SenderKey(channel, rows.getString("sender_id")));
                        found.add(new Suppression(
                                sender,
                                phone,
                                rows.getString("source"),
                                Sql.requiredInstant(rows, "suppressed_at"),
                                Optional.ofNullable(rows.getString("reason"))));
                    }
                }
                return found;
            }
        });
    }
}
