package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.desk.port.StaleDeskDataException;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's conversations ({@code ck_desk_conversation}, their fields and survey answers in
 * {@code ck_desk_value}) and its sequence ({@code ck_desk_sequence}), in the store's scope. A save is one
 * transaction: the versioned row, then its values replaced; a queue position or rotation is taken in the
 * transaction that writes it.
 */
public final class DeskConversationRows {

    private static final String COLUMNS =
            "id, campaign_id, phone, queue_name, state, agent_id, exclusive_agent, queue_position,"
                    + " handed_off_at, entered_queue_at, first_assigned_at, first_response_at, last_activity_at, closed_at, disposition,"
                    + " closed_by, note, version";
    private static final String INSERT = "INSERT INTO ck_desk_conversation (scope, " + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE ck_desk_conversation SET state = ?, agent_id = ?, exclusive_agent = ?,"
            + " queue_position = ?, entered_queue_at = ?, first_assigned_at = ?, first_response_at = ?, last_activity_at = ?,"
            + " closed_at = ?, disposition = ?, closed_by = ?, version = ? WHERE scope = ? AND id = ? AND version = ?";
    private static final String FIELD = "FIELD";
    private static final String SURVEY = "SURVEY";

    private final Sql sql;
    private final String scope;
    private final JdbcDialect dialect;

    public DeskConversationRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope.writeScope();
        this.dialect = dialect;
    }

    public DeskConversation save(DeskConversation conversation) {
        return sql.inTransaction(
                "saving desk conversation " + conversation.id(), connection -> save(connection, conversation));
    }

    /** Saves {@code conversation} in {@code connection}'s transaction (with others: {@code saveTogether}). */
    public DeskConversation save(Connection connection, DeskConversation conversation) throws SQLException {
        DeskConversation saved =
                conversation.toBuilder().version(conversation.version() + 1).build();
        if (conversation.version() == 0) {
            insert(connection, saved);
        } else {
            update(connection, saved, conversation.version());
        }
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM ck_desk_value WHERE scope = ? AND conversation_id = ?")) {
            delete.setString(1, scope);
            delete.setString(2, saved.id());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ck_desk_value (scope, conversation_id, kind, name, item_value) VALUES (?, ?, ?, ?, ?)")) {
            int rows = addValues(insert, saved.id(), FIELD, saved.fields())
                    + addValues(insert, saved.id(), SURVEY, saved.surveyAnswers());
            if (rows > 0) {
                insert.executeBatch();
            }
        }
        return saved;
    }

    private int addValues(PreparedStatement insert, String id, String kind, Map<String, String> values)
            throws SQLException {
        for (Map.Entry<String, String> value : values.entrySet()) {
            insert.setString(1, scope);
            insert.setString(2, id);
            insert.setString(3, kind);
            insert.setString(4, value.getKey());
            insert.setString(5, value.getValue());
            insert.addBatch();
        }
        return values.size();
    }

    private void insert(Connection connection, DeskConversation c) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 0;
            insert.setString(++i, scope);
            insert.setString(++i, c.id());
            insert.setString(++i, c.campaignId().value());
            insert.setString(++i, c.phone().e164());
            insert.setString(++i, c.queue());
            insert.setString(++i, c.state().name());
            Sql.setString(insert, ++i, c.agentId().orElse(null));
            Sql.setString(insert, ++i, c.exclusiveAgent().orElse(null));
            insert.setLong(++i, c.queuePosition());
            Sql.setNanos(insert, ++i, c.handedOffAt());
            Sql.setNanos(insert, ++i, c.enteredQueueAt());
            Sql.setNanos(insert, ++i, c.firstAssignedAt());
            Sql.setNanos(insert, ++i, c.firstResponseAt());
            Sql.setNanos(insert, ++i, c.lastActivityAt());
            Sql.setNanos(insert, ++i, c.closedAt());
            Sql.setString(insert, ++i, c.disposition().orElse(null));
            Sql.setString(insert, ++i, c.closedBy().orElse(null));
            insert.setString(++i, c.note());
            insert.setLong(++i, c.version());
            insert.executeUpdate();
        } catch (SQLException failure) {
            if (dialect.isUniqueViolation(failure)) {
                throw new StaleDeskDataException("desk conversation " + c.id() + " exists already");
            }
            throw failure;
        }
    }

    private void update(Connection connection, DeskConversation c, long expected) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int i = 0;
            update.setString(++i, c.state().name());
            Sql.setString(update, ++i, c.agentId().orElse(null));
            Sql.setString(update, ++i, c.exclusiveAgent().orElse(null));
            update.setLong(++i, c.queuePosition());
            Sql.setNanos(update, ++i, c.enteredQueueAt());
            Sql.setNanos(update, ++i, c.firstAssignedAt());
            Sql.setNanos(update, ++i, c.firstResponseAt());
            Sql.setNanos(update, ++i, c.lastActivityAt());
            Sql.setNanos(update, ++i, c.closedAt());
            Sql.setString(update, ++i, c.disposition().orElse(null));
            Sql.setString(update, ++i, c.closedBy().orElse(null));
            update.setLong(++i, c.version());
            update.setString(++i, scope);
            update.setString(++i, c.id());
            update.setLong(++i, expected);
            if (update.executeUpdate() != 1) {
                throw new StaleDeskDataException("desk conversation " + c.id() + " is not at version " + expected);
            }
        }
    }

    public Optional<DeskConversation> find(String id) {
        return select(" AND c.id = ?", List.of(id)).stream().findFirst();
    }

    public List<DeskConversation> find(DeskQuery query) {
        StringBuilder where = new StringBuilder(
                " AND c.state IN (" + Sql.placeholders(query.states().size()) + ")");
        List<Object> parameters = new ArrayList<>();
        query.states().stream().map(DeskState::name).sorted().forEach(parameters::add);
        query.campaignId().ifPresent(campaign -> {
            where.append(" AND c.campaign_id = ?");
            parameters.add(campaign.value());
        });
        query.queue().ifPresent(queue -> {
            where.append(" AND c.queue_name = ?");
            parameters.add(queue);
        });
        query.agentId().ifPresent(agent -> {
            where.append(" AND c.agent_id = ?");
            parameters.add(agent);
        });
        query.phone().ifPresent(phone -> {
            where.append(" AND c.phone = ?");
            parameters.add(phone.e164());
        });
        return select(where.toString(), parameters);
    }

    private List<DeskConversation> select(String where, List<Object> parameters) {
        return sql.inTransaction("reading desk conversations", connection -> {
            Map<String, Map<String, String>> fields = new HashMap<>();
            Map<String, Map<String, String>> answers = new HashMap<>();
            try (PreparedStatement values =
                    connection.prepareStatement("SELECT v.conversation_id, v.kind, v.name, v.item_value"
                            + " FROM ck_desk_value v JOIN ck_desk_conversation c ON c.scope = v.scope AND c.id = v.conversation_id"
                            + " WHERE c.scope = ?" + where)) {
                bind(values, parameters);
                try (ResultSet rows = values.executeQuery()) {
                    while (rows.next()) {
                        (FIELD.equals(rows.getString(2)) ? fields : answers)
                                .computeIfAbsent(rows.getString(1), id -> new HashMap<>())
                                .put(rows.getString(3), rows.getString(4));
                    }
                }
            }
            Map<String, DeskConversation> found = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS.replaceAll("(^|, )", "$1c.")
                    + " FROM ck_desk_conversation c WHERE c.scope = ?" + where + " ORDER BY c.queue_position, c.id")) {
                bind(select, parameters);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString("id");
                        found.put(
                                id, read(rows, fields.getOrDefault(id, Map.of()), answers.getOrDefault(id, Map.of())));
                    }
                }
            }
            return List.copyOf(found.values());
        });
    }

    private void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        statement.setString(1, scope);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 2, (String) parameters.get(i));
        }
    }

    private static DeskConversation read(ResultSet rows, Map<String, String> fields, Map<String, String> answers)
            throws SQLException {
        return new DeskConversation(
                rows.getString("id"),
                CampaignId.of(rows.getString("campaign_id")),
                RecipientRows.phone(rows.getString("phone")),
                rows.getString("queue_name"),
                DeskState.valueOf(rows.getString("state")),
                Optional.ofNullable(rows.getString("agent_id")),
                Optional.ofNullable(rows.getString("exclusive_agent")),
                rows.getLong("queue_position"),
                Sql.requiredInstant(rows, "handed_off_at"),
                Sql.requiredInstant(rows, "entered_queue_at"),
                Sql.optInstant(rows, "first_assigned_at"),
                Sql.optInstant(rows, "first_response_at"),
                Sql.requiredInstant(rows, "last_activity_at"),
                Sql.optInstant(rows, "closed_at"),
                Optional.ofNullable(rows.getString("disposition")),
                Optional.ofNullable(rows.getString("closed_by")),
                rows.getString("note"),
                fields,
                answers,
                rows.getLong("version"));
    }

    /** Work in a transaction that holds the scope's next sequence value. */
    @FunctionalInterface
    public interface Sequenced<T> {
        T run(Connection connection, long next) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction with the next value of the scope's sequence, taken first: the update
     * locks the sequence's row until the transaction ends, so a second transaction that takes a value waits for
     * this one to commit, and a row written with a value is visible before any written with a later one. The
     * first call inserts the row; when another node inserted it at the same moment, the transaction runs again
     * (a failed statement aborts a PostgreSQL transaction, so it cannot simply go on).
     */
    public <T> T withNextSequence(String operation, Sequenced<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sql.inTransaction(operation, connection -> work.run(connection, nextSequence(connection)));
            } catch (SequenceRace race) {
                if (attempt >= 3) {
                    throw new IllegalStateException("the desk's sequence row could not be created", race.getCause());
                }
            }
        }
    }

    /** Stores the new {@code conversation} at the end of its queue: its position taken in the same transaction. */
    public DeskConversation enqueue(DeskConversation conversation) {
        return withNextSequence(
                "enqueueing desk conversation " + conversation.id(),
                (connection, position) -> save(
                        connection,
                        conversation.toBuilder()
                                .waiting(position, conversation.enteredQueueAt())
                                .build()));
    }

    private long nextSequence(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ck_desk_sequence SET last_value = last_value + 1 WHERE scope = ?")) {
            update.setString(1, scope);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO ck_desk_sequence (scope, last_value) VALUES (?, 1)")) {
                    insert.setString(1, scope);
                    insert.executeUpdate();
                    return 1L;
                } catch (SQLException failure) {
                    if (dialect.isUniqueViolation(failure)) {
                        throw new SequenceRace(failure);
                    }
                    throw failure;
                }
            }
        }
        try (PreparedStatement select =
                connection.prepareStatement("SELECT last_value FROM ck_desk_sequence WHERE scope = ?")) {
            select.setString(1, scope);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Two nodes created the sequence's row at once: the loser runs its transaction again. */
    private static final class SequenceRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SequenceRace(SQLException cause) {
            super(cause);
        }
    }
}
