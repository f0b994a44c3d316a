package io.campaignkit.store.jdbc.internal;

import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.port.StaleDeskDataException;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The desk's agents ({@code ck_desk_agent}) and their queues ({@code ck_desk_agent_queue}), versioned, in the store's scope. */
public final class DeskAgentRows {

    private final Sql sql;
    private final String scope;
    private final JdbcDialect dialect;

    public DeskAgentRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope.writeScope();
        this.dialect = dialect;
    }

    public Agent save(Agent agent) {
        return sql.inTransaction("saving agent " + agent.id(), connection -> save(connection, agent));
    }

    /** Saves {@code agent} in {@code connection}'s transaction (with conversations: {@code saveTogether}). */
    public Agent save(Connection connection, Agent agent) throws SQLException {
        Agent saved = new Agent(
                agent.id(),
                agent.status(),
                agent.capacity(),
                agent.queues(),
                agent.idleSince(),
                agent.rotation(),
                agent.version() + 1);
        if (agent.version() == 0) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ck_desk_agent (scope, id, status,"
                    + " capacity, idle_since, rotation, version) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, scope);
                insert.setString(2, saved.id());
                insert.setString(3, saved.status().name());
                insert.setInt(4, saved.capacity());
                Sql.setNanos(insert, 5, saved.idleSince());
                insert.setLong(6, saved.rotation());
                insert.setLong(7, saved.version());
                insert.executeUpdate();
            } catch (SQLException failure) {
                if (dialect.isUniqueViolation(failure)) {
                    throw new StaleDeskDataException("agent " + agent.id() + " exists already");
                }
                throw failure;
            }
        } else {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ck_desk_agent SET status = ?, capacity = ?,"
                            + " idle_since = ?, rotation = ?, version = ? WHERE scope = ? AND id = ? AND version = ?")) {
                update.setString(1, saved.status().name());
                update.setInt(2, saved.capacity());
                Sql.setNanos(update, 3, saved.idleSince());
                update.setLong(4, saved.rotation());
                update.setLong(5, saved.version());
                update.setString(6, scope);
                update.setString(7, saved.id());
                update.setLong(8, agent.version());
                if (update.executeUpdate() != 1) {
                    throw new StaleDeskDataException("agent " + agent.id() + " is not at version " + agent.version());
                }
            }
        }
        replaceQueues(connection, saved);
        return saved;
    }

    private void replaceQueues(Connection connection, Agent agent) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM ck_desk_agent_queue WHERE scope = ? AND agent_id = ?")) {
            delete.setString(1, scope);
            delete.setString(2, agent.id());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ck_desk_agent_queue (scope, agent_id, queue_name) VALUES (?, ?, ?)")) {
            for (String queue : agent.queues()) {
                insert.setString(1, scope);
                insert.setString(2, agent.id());
                insert.setString(3, queue);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public Optional<Agent> find(String id) {
        return select(" AND a.id = ?", id).stream().findFirst();
    }

    public List<Agent> all() {
        return select("", null);
    }

    private List<Agent> select(String where, String id) {
        return sql.inTransaction("reading agents", connection -> {
            Map<String, Set<String>> queues = new HashMap<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT q.agent_id, q.queue_name FROM ck_desk_agent_queue q"
                            + " JOIN ck_desk_agent a ON a.scope = q.scope AND a.id = q.agent_id WHERE a.scope = ?"
                            + where)) {
                bind(select, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        queues.computeIfAbsent(rows.getString(1), agent -> new HashSet<>())
                                .add(rows.getString(2));
                    }
                }
            }
            Map<String, Agent> agents = new LinkedHashMap<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT a.id, a.status, a.capacity, a.idle_since,"
                            + " a.rotation, a.version FROM ck_desk_agent a WHERE a.scope = ?" + where
                            + " ORDER BY a.id")) {
                bind(select, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String agent = rows.getString("id");
                        agents.put(
                                agent,
                                new Agent(
                                        agent,
                                        AgentStatus.valueOf(rows.getString("status")),
                                        rows.getInt("capacity"),
                                        queues.getOrDefault(agent, Set.of()),
                                        Sql.requiredInstant(rows, "idle_since"),
                                        rows.getLong("rotation"),
                                        rows.getLong("version")));
                    }
                }
            }
            return List.copyOf(agents.values());
        });
    }

    private void bind(PreparedStatement statement, String id) throws SQLException {
        statement.setString(1, scope);
        if (id != null) {
            statement.setString(2, id);
        }
    }
}
