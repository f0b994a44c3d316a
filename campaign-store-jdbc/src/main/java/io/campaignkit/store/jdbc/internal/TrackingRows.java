package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.UnmatchedStatus;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Handled events, status reports for unknown messages and funnel steps. */
public final class TrackingRows {

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final JdbcDialect dialect;

    public TrackingRows(Sql sql, Scope scope, CampaignRows campaigns, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.dialect = dialect;
    }

    /** Marks the event handled at {@code markAt} if given, else only reads; answers whether it was handled before. */
    public boolean eventHandledBefore(String eventKey, Optional<Instant> markAt) {
        return markAt.isPresent() ? !markEventHandled(eventKey, markAt.get()) : wasEventHandled(eventKey);
    }

    public boolean markEventHandled(String eventKey, Instant at) {
        return sql.inTransaction(
                "marking event " + eventKey,
                connection -> dialect.insertIfAbsent(
                        connection,
                        "INSERT INTO ck_handled_event (scope, event_key, handled_at) VALUES (?, ?, ?)",
                        insert -> {
                            insert.setString(1, scope.writeScope());
                            insert.setString(2, eventKey);
                            Sql.setNanos(insert, 3, at);
                        }));
    }

    public boolean wasEventHandled(String eventKey) {
        return sql.inTransaction("reading event " + eventKey, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT 1 FROM ck_handled_event WHERE scope = ? AND event_key = ?")) {
                select.setString(1, scope.writeScope());
                select.setString(2, eventKey);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    public void keepUnmatched(UnmatchedStatus status) {
        sql.inTransaction(
                "keeping a status for " + status.providerMessageId(),
                connection -> dialect.insertIfAbsent(
                        connection,
                        "INSERT INTO ck_unmatched_status (scope, provider_message_id, channel_id, state, reached_at,"
                                + " correlation_id, reason_code, reason_message, reason_provider_code, reason_permanent)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        insert -> {
                            insert.setString(1, scope.writeScope());
                            insert.setString(2, status.providerMessageId());
                            insert.setString(3, status.channelId());
                            insert.setString(4, status.state().name());
                            Sql.setNanos(insert, 5, status.at());
                            Sql.setString(insert, 6, status.correlationId().orElse(null));
                            Sql.setString(
                                    insert,
                                    7,
                                    status.reason().map(StatusReason::code).orElse(null));
                            Sql.setString(
                                    insert,
                                    8,
                                    status.reason().map(StatusReason::message).orElse(null));
                            Sql.setString(
                                    insert,
                                    9,
                                    status.reason()
                                            .flatMap(StatusReason::providerCode)
                                            .orElse(null));
                            if (status.reason().isPresent()) {
                                insert.setBoolean(10, status.reason().get().permanent());
                            } else {
                                insert.setNull(10, Types.BOOLEAN);
                            }
                        }));
    }

    public List<UnmatchedStatus> takeUnmatched(String providerMessageId) {
        return takeUnmatched(List.of(providerMessageId)).getOrDefault(providerMessageId, List.of());
    }

    /** The kept reports of the messages, oldest first per message, marked taken in the same transaction. */
    public Map<String, List<UnmatchedStatus>> takeUnmatched(Collection<String> providerMessageIds) {
        if (providerMessageIds.isEmpty()) {
            return Map.of();
        }
        Set<String> ids = new LinkedHashSet<>(providerMessageIds);
        return sql.inTransaction("taking statuses of " + ids.size() + " messages", connection -> {
            Map<String, List<UnmatchedStatus>> taken = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT provider_message_id, channel_id, state,"
                    + " reached_at, correlation_id, reason_code, reason_message, reason_provider_code, reason_permanent"
                    + " FROM ck_unmatched_status WHERE provider_message_id IN (" + Sql.placeholders(ids.size())
                    + ") AND scope = ? AND taken = FALSE ORDER BY provider_message_id, reached_at FOR UPDATE")) {
                int index = 1;
                for (String id : ids) {
                    select.setString(index++, id);
                }
                select.setString(index, scope.writeScope());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String code = rows.getString("reason_code");
                        Optional<StatusReason> reason = code == null
                                ? Optional.empty()
                                : Optional.of(new StatusReason(
                                        code,
                                        rows.getString("reason_message"),
                                        Optional.ofNullable(rows.getString("reason_provider_code")),
                                        rows.getBoolean("reason_permanent")));
                        String id = rows.getString("provider_message_id");
                        taken.computeIfAbsent(id, key -> new ArrayList<>())
                                .add(new UnmatchedStatus(
                                        rows.getString("channel_id"),
                                        id,
                                        Optional.ofNullable(rows.getString("correlation_id")),
                                        DeliveryState.valueOf(rows.getString("state")),
                                        reason,
                                        Sql.requiredInstant(rows, "reached_at")));
                    }
                }
            }
            if (!taken.isEmpty()) {
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE ck_unmatched_status SET taken = TRUE"
                                + " WHERE provider_message_id = ? AND scope = ?")) {
                    for (String id : taken.keySet()) {
                        update.setString(1, id);
                        update.setString(2, scope.writeScope());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            return taken;
        });
    }

    public long countUnmatched() {
        return sql.inTransaction("counting unmatched statuses", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM ck_unmatched_status WHERE scope = ?")) {
                select.setString(1, scope.writeScope());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    public void recordFunnelStep(FunnelStep step) {
        sql.inTransaction("recording a funnel step", connection -> {
            String tenant = campaigns.tenantForWriting(connection, step.campaignId());
            return dialect.insertIfAbsent(
                    connection,
                    "INSERT INTO ck_funnel_step (campaign_id, phone, step, reached_at,"
                            + " tenant_id) VALUES (?, ?, ?, ?, ?)",
                    insert -> {
                        insert.setString(1, step.campaignId().value());
                        insert.setString(2, step.phone().e164());
                        insert.setString(3, step.step());
                        Sql.setNanos(insert, 4, step.at());
                        insert.setString(5, tenant);
                    });
        });
    }

    public List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone) {
        return sql.inTransaction("reading funnel steps", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT step, reached_at FROM ck_funnel_step"
                    + " WHERE campaign_id = ? AND phone = ? AND " + Scope.TENANT + " ORDER BY reached_at, step")) {
                select.setString(1, campaignId.value());
                select.setString(2, phone.e164());
                scope.bind(select, 3);
                List<FunnelStep> steps = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        steps.add(new FunnelStep(
                                campaignId, phone, rows.getString(1), Sql.requiredInstant(rows, "reached_at")));
                    }
                }
                return steps;
            }
        });
    }

    /**
     * Every recipient of a campaign in sequence order with its funnel steps, read by two queries whose rows
     * the driver fetches five thousand at a time (cursors, inside one read transaction; {@link RecipientExport}):
     * what a report over a large campaign reads, without a query per recipient and without holding the
     * campaign in memory. A failure midway is thrown, never retried: the rows already handed to {@code action}
     * would be handed to it again.
     */
    public void exportRecipients(CampaignId campaignId, BiConsumer<Recipient, List<FunnelStep>> action) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(action, "action");
        sql.inTransactionOnce("exporting recipients of " + campaignId, connection -> {
            RecipientExport.run(connection, scope, campaignId, action);
            return null;
        });
    }

    public Map<String, Long> funnelCounts(CampaignId campaignId) {
        return sql.inTransaction("counting funnel steps", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT step, COUNT(DISTINCT phone) FROM ck_funnel_step"
                            + " WHERE campaign_id = ? AND " + Scope.TENANT + " GROUP BY step")) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                Map<String, Long> counts = new TreeMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
                return counts;
            }
        });
    }
}
