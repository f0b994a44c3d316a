package io.campaignkit.store.jdbc;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.AgentStore;
import io.campaignkit.desk.port.DeskConversationStore;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.desk.port.DeskSettingsStore;
import io.campaignkit.desk.port.DeskStorage;
import io.campaignkit.desk.port.TranscriptStore;
import io.campaignkit.store.jdbc.internal.DeskAgentRows;
import io.campaignkit.store.jdbc.internal.DeskConversationRows;
import io.campaignkit.store.jdbc.internal.DeskSettingsRows;
import io.campaignkit.store.jdbc.internal.DeskTranscriptRows;
import io.campaignkit.store.jdbc.internal.Scope;
import io.campaignkit.store.jdbc.internal.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The conversation desk's four ports on the database of a {@link JdbcCampaignStore} (whose migrations
 * created the desk's tables), in its scope: the tenant it serves, or every tenant.
 *
 * <pre>{@code
 * ConversationDesk desk = ConversationDesk.builder().storage(JdbcDeskStore.on(store).storage()) ... .build();
 * }</pre>
 */
public final class JdbcDeskStore implements DeskConversationStore, AgentStore, TranscriptStore, DeskSettingsStore {

    private final Sql sql;
    private final DeskConversationRows conversations;
    private final DeskAgentRows agents;
    private final DeskTranscriptRows transcripts;
    private final DeskSettingsRows settings;
    private final String description;

    private JdbcDeskStore(Sql sql, Scope scope, JdbcDialect dialect, String description) {
        this.sql = sql;
        this.conversations = new DeskConversationRows(sql, scope, dialect);
        this.agents = new DeskAgentRows(sql, scope, dialect);
        this.transcripts = new DeskTranscriptRows(sql, scope, dialect);
        this.settings = new DeskSettingsRows(sql, scope, dialect);
        this.description = description;
    }

    /** The desk store on {@code store}'s database and scope. */
    public static JdbcDeskStore on(JdbcCampaignStore store) {
        Objects.requireNonNull(store, "store");
        Scope scope = store.tenantId().map(Scope::tenant).orElseGet(Scope::allTenants);
        return new JdbcDeskStore(
                new Sql(store.dataSource(), store.dialect()),
                scope,
                store.dialect(),
                "JdbcDeskStore[" + store.dialect() + ", tenant="
                        + store.tenantId().orElse("*") + "]");
    }

    /** This store as the desk's storage. */
    public DeskStorage storage() {
        return new DeskStorage(this, this, this, this);
    }

    @Override
    public DeskConversation saveConversation(DeskConversation conversation) {
        return conversations.save(Objects.requireNonNull(conversation, "conversation"));
    }

    /** One transaction: a stale row rolls back every row written before it. */
    @Override
    public void saveTogether(List<DeskConversation> changed, List<Agent> changedAgents) {
        List<DeskConversation> conversationList = List.copyOf(Objects.requireNonNull(changed, "conversations"));
        List<Agent> agentList = List.copyOf(Objects.requireNonNull(changedAgents, "agents"));
        if (conversationList.isEmpty() && agentList.isEmpty()) {
            return;
        }
        sql.inTransaction(
                "saving " + conversationList.size() + " desk conversations and " + agentList.size()
                        + " agents together",
                connection -> {
                    for (DeskConversation conversation : conversationList) {
                        conversations.save(connection, conversation);
                    }
                    for (Agent agent : agentList) {
                        agents.save(connection, agent);
                    }
                    return conversationList.size();
                });
    }

    @Override
    public Optional<DeskConversation> findConversation(String id) {
        return conversations.find(Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<DeskConversation> findConversations(DeskQuery query) {
        return conversations.find(Objects.requireNonNull(query, "query"));
    }

    /** One transaction that takes the position first: see {@link DeskConversationRows#withNextSequence}. */
    @Override
    public DeskConversation enqueue(DeskConversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        if (conversation.version() != 0 || conversation.state() != DeskState.WAITING) {
            throw new IllegalArgumentException("only a new, WAITING conversation is enqueued; " + conversation.id()
                    + " is " + conversation.state() + " at version " + conversation.version());
        }
        return conversations.enqueue(conversation);
    }

    /** One transaction that takes the rotation first, then writes the conversation and the agent. */
    @Override
    public Agent saveRotated(DeskConversation conversation, Agent agent) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(agent, "agent");
        return conversations.withNextSequence(
                "saving desk conversation " + conversation.id() + " with agent " + agent.id() + " rotated",
                (connection, rotation) -> {
                    conversations.save(connection, conversation);
                    return agents.save(connection, agent.withRotation(rotation));
                });
    }

    @Override
    public Agent saveAgent(Agent agent) {
        return agents.save(Objects.requireNonNull(agent, "agent"));
    }

    @Override
    public Optional<Agent> findAgent(String id) {
        return agents.find(Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<Agent> agents() {
        return agents.all();
    }

    @Override
    public Optional<TranscriptEntry> append(TranscriptEntry entry) {
        return transcripts.append(Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public List<TranscriptEntry> transcript(String conversationId, Instant since) {
        return transcripts.transcript(
                Objects.requireNonNull(conversationId, "conversationId"), Objects.requireNonNull(since, "since"));
    }

    @Override
    public DeskSettings saveSettings(DeskSettings changed) {
        return settings.save(Objects.requireNonNull(changed, "settings"));
    }

    @Override
    public Optional<DeskSettings> findSettings(CampaignId campaignId) {
        return settings.find(Objects.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public List<DeskSettings> allSettings() {
        return settings.all();
    }

    @Override
    public String toString() {
        return description;
    }
}
