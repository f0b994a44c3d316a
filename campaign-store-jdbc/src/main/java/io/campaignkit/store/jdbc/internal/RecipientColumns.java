package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.JdbcDialect.Input;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A recipient as a row of {@code ck_recipient}: the columns read, the columns a change writes back. */
final class RecipientColumns {

    static final String COLUMNS = "campaign_id, seq, phone, contact_name, contact_data, state, attempts, due_at,"
            + " lease_owner, lease_expires_at, provider_message_id, outcome_code, outcome_message, outcome_provider_code,"
            + " outcome_permanent, sent_at, delivered_at, read_at, replied_at, updated_at, channel_index, channel_attempts";

    /** The (phone, campaign) index, to look batches of phones up by; H2's planner would walk the campaign instead. */
    static final String BY_PHONE = "ck_recipient_by_phone";

    private static final String UPDATE_ROW =
            "UPDATE ck_recipient SET state = ?, attempts = ?, due_at = ?, lease_owner = ?,"
                    + " lease_expires_at = ?, provider_message_id = ?, outcome_code = ?, outcome_message = ?,"
                    + " outcome_provider_code = ?, outcome_permanent = ?, sent_at = ?, delivered_at = ?, read_at = ?,"
                    + " replied_at = ?, updated_at = ?, channel_index = ?, channel_attempts = ? WHERE campaign_id = ? AND phone = ?";

    /** The key then the changing columns, as per-row inputs of a set-based update ({@link #values}). */
    static final List<Input> KEY_AND_MUTABLE = List.of(
            new Input("campaign_id", Types.VARCHAR),
            new Input("phone", Types.VARCHAR),
            new Input("state", Types.VARCHAR),
            new Input("attempts", Types.INTEGER),
            new Input("due_at", Types.BIGINT),
            new Input("lease_owner", Types.VARCHAR),
            new Input("lease_expires_at", Types.BIGINT),
            new Input("provider_message_id", Types.VARCHAR),
            new Input("outcome_code", Types.VARCHAR),
            new Input("outcome_message", Types.VARCHAR),
            new Input("outcome_provider_code", Types.VARCHAR),
            new Input("outcome_permanent", Types.BOOLEAN),
            new Input("sent_at", Types.BIGINT),
            new Input("delivered_at", Types.BIGINT),
            new Input("read_at", Types.BIGINT),
            new Input("replied_at", Types.BIGINT),
            new Input("updated_at", Types.BIGINT),
            new Input("channel_index", Types.INTEGER),
            new Input("channel_attempts", Types.VARCHAR));

    /** Every changing column takes its input: {@code state = v.state, ...}. */
    private static final String SET_MUTABLE = KEY_AND_MUTABLE.subList(2, KEY_AND_MUTABLE.size()).stream()
            .map(input -> input.name() + " = v." + input.name())
            .collect(Collectors.joining(", "));

    /** The campaign of the rows read last: a batch's rows share it, and an id is checked by a regular expression when made. */
    private static volatile CampaignId lastCampaign;

    private RecipientColumns() {}

    private static CampaignId campaignIdOf(String value) {
        CampaignId last = lastCampaign;
        if (last != null && last.value().equals(value)) {
            return last;
        }
        CampaignId id = CampaignId.of(value);
        lastCampaign = id;
        return id;
    }

    /** The recipient of the current row, read from {@link #COLUMNS}. */
    static Recipient read(ResultSet rows) throws SQLException {
        CampaignId campaignId = campaignIdOf(rows.getString("campaign_id"));
        String e164 = rows.getString("phone");
        var contact = ContactCodec.decode(e164, rows.getString("contact_name"), rows.getString("contact_data"));
        String leaseOwner = rows.getString("lease_owner");
        Optional<Lease> lease = leaseOwner == null
                ? Optional.empty()
                : Optional.of(new Lease(leaseOwner, Sql.requiredInstant(rows, "lease_expires_at")));
        String outcomeCode = rows.getString("outcome_code");
        Optional<StatusReason> outcome = outcomeCode == null
                ? Optional.empty()
                : Optional.of(new StatusReason(
                        outcomeCode,
                        rows.getString("outcome_message"),
                        Optional.ofNullable(rows.getString("outcome_provider_code")),
                        rows.getBoolean("outcome_permanent")));
        return new Recipient(
                new RecipientKey(campaignId, contact.phone()),
                rows.getLong("seq"),
                contact,
                DeliveryState.valueOf(rows.getString("state")),
                rows.getInt("attempts"),
                Sql.requiredInstant(rows, "due_at"),
                lease,
                Optional.ofNullable(rows.getString("provider_message_id")),
                outcome,
                Sql.optInstant(rows, "sent_at"),
                Sql.optInstant(rows, "delivered_at"),
                Sql.optInstant(rows, "read_at"),
                Sql.optInstant(rows, "replied_at"),
                Sql.requiredInstant(rows, "updated_at"),
                rows.getInt("channel_index"),
                ChannelAttemptCodec.decode(rows.getString("channel_attempts")));
    }

    /**
     * Writes the changing columns of recipients whose rows the transaction holds locked, in one batch.
     * Rows are found by (campaign, phone): that unique index is the one a planner without statistics
     * (a campaign loaded a minute ago) picks anyway, and it is exact, never a walk of the campaign.
     */
    static void writeBack(Connection connection, JdbcDialect dialect, Scope scope, Collection<Recipient> recipients)
            throws SQLException {
        if (recipients.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            rows.add(values(recipient));
        }
        if (dialect.updateRecipients(
                        connection,
                        scope.tenantId(),
                        KEY_AND_MUTABLE,
                        rows,
                        "TRUE",
                        SET_MUTABLE,
                        "",
                        RecipientColumns::read)
                .isPresent()) {
            return; // one statement for the whole batch
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ROW)) {
            for (Recipient recipient : recipients) {
                int next = bindMutable(update, 1, recipient);
                update.setString(next, recipient.campaignId().value());
                update.setString(next + 1, recipient.phone().e164());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** A recipient's key and changing columns, in the order of {@link #KEY_AND_MUTABLE}. */
    static Object[] values(Recipient r) {
        Optional<StatusReason> outcome = r.outcome();
        return new Object[] {
            r.campaignId().value(),
            r.phone().e164(),
            r.state().name(),
            r.attempts(),
            Sql.nanos(r.dueAt()),
            r.lease().map(Lease::owner).orElse(null),
            r.lease().map(lease -> Sql.nanos(lease.expiresAt())).orElse(null),
            r.providerMessageId().orElse(null),
            outcome.map(StatusReason::code).orElse(null),
            outcome.map(StatusReason::message).orElse(null),
            outcome.flatMap(StatusReason::providerCode).orElse(null),
            outcome.map(StatusReason::permanent).orElse(null),
            nanosOrNull(r.sentAt()),
            nanosOrNull(r.deliveredAt()),
            nanosOrNull(r.readAt()),
            nanosOrNull(r.repliedAt()),
            Sql.nanos(r.updatedAt()),
            r.binding(),
            ChannelAttemptCodec.encode(r.earlierAttempts())
        };
    }

    private static Long nanosOrNull(Optional<Instant> instant) {
        return instant.map(Sql::nanos).orElse(null);
    }

    /** Binds state to channel_attempts (17 parameters) from {@code first}; returns the next index. */
    static int bindMutable(PreparedStatement statement, int first, Recipient r) throws SQLException {
        int i = first;
        statement.setString(i++, r.state().name());
        statement.setInt(i++, r.attempts());
        Sql.setNanos(statement, i++, r.dueAt());
        Sql.setString(statement, i++, r.lease().map(Lease::owner).orElse(null));
        Sql.setNanos(statement, i++, r.lease().map(Lease::expiresAt));
        Sql.setString(statement, i++, r.providerMessageId().orElse(null));
        Sql.setString(statement, i++, r.outcome().map(StatusReason::code).orElse(null));
        Sql.setString(statement, i++, r.outcome().map(StatusReason::message).orElse(null));
        Sql.setString(
                statement, i++, r.outcome().flatMap(StatusReason::providerCode).orElse(null));
        if (r.outcome().isPresent()) {
            statement.setBoolean(i++, r.outcome().get().permanent());
        } else {
            statement.setNull(i++, java.sql.Types.BOOLEAN);
        }
        Sql.setNanos(statement, i++, r.sentAt());
        Sql.setNanos(statement, i++, r.deliveredAt());
        Sql.setNanos(statement, i++, r.readAt());
        Sql.setNanos(statement, i++, r.repliedAt());
        Sql.setNanos(statement, i++, r.updatedAt());
        statement.setInt(i++, r.binding());
        Sql.setString(statement, i++, ChannelAttemptCodec.encode(r.earlierAttempts()));
        return i;
    }
}
