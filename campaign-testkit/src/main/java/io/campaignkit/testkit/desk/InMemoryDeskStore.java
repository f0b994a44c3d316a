package io.campaignkit.testkit.desk;

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
import io.campaignkit.desk.port.StaleDeskDataException;
import io.campaignkit.desk.port.TranscriptStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The desk's four ports in memory, for tests and for hosts that keep nothing: thread-safe (every method
 * takes the store's monitor), optimistically versioned as the ports say. One store serves one tenant.
 */
public final class InMemoryDeskStore implements DeskConversationStore, AgentStore, TranscriptStore, DeskSettingsStore {

    private final Map<String, DeskConversation> conversations = new HashMap<>();
    private final Map<String, Agent> agents = new TreeMap<>();
    private final Map<String, List<TranscriptEntry>> transcripts = new HashMap<>();
    private final Map<CampaignId, DeskSettings> settings = new TreeMap<>(Comparator.comparing(CampaignId::value));
    private final Set<List<String>> messageIds = new HashSet<>();
    private long sequence;

    /** This store as the desk's storage. */
    public DeskStorage storage() {
        return new DeskStorage(this, this, this, this);
    }

    @Override
    public synchronized DeskConversation saveConversation(DeskConversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        checkVersion(conversation);
        DeskConversation saved =
                conversation.toBuilder().version(conversation.version() + 1).build();
        conversations.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized void saveTogether(List<DeskConversation> changed, List<Agent> changedAgents) {
        List.copyOf(Objects.requireNonNull(changed, "conversations")).forEach(this::checkVersion);
        List.copyOf(Objects.requireNonNull(changedAgents, "agents")).forEach(this::checkVersion);
        Set<String> conversationIds = new HashSet<>();
        Set<String> agentIds = new HashSet<>();
        changed.forEach(conversation -> requireOnce(conversationIds, conversation.id(), "conversation"));
        changedAgents.forEach(agent -> requireOnce(agentIds, agent.id(), "agent"));
        changed.forEach(this::saveConversation);
        changedAgents.forEach(this::saveAgent);
    }

    private static void requireOnce(Set<String> seen, String id, String what) {
        if (!seen.add(id)) {
            throw new IllegalArgumentException(what + " " + id + " is in one write twice");
        }
    }

    private void checkVersion(DeskConversation conversation) {
        DeskConversation stored = conversations.get(conversation.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (stored == null ? conversation.version() != 0 : stored.version() != conversation.version()) {
            throw new StaleDeskDataException("conversation " + conversation.id() + " is at version " + storedVersion
                    + ", not " + conversation.version());
        }
    }

    private void checkVersion(Agent agent) {
        Agent stored = agents.get(agent.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (stored == null ? agent.version() != 0 : stored.version() != agent.version()) {
            throw new StaleDeskDataException(
                    "agent " + agent.id() + " is at version " + storedVersion + ", not " + agent.version());
        }
    }

    @Override
    public synchronized Optional<DeskConversation> findConversation(String id) {
        return Optional.ofNullable(conversations.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized List<DeskConversation> findConversations(DeskQuery query) {
        Objects.requireNonNull(query, "query");
        return conversations.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparingLong(DeskConversation::queuePosition)
                        .thenComparing(DeskConversation::id))
                .toList();
    }

    /** Under the store's monitor: the position is taken and the conversation stored in one step. */
    @Override
    public synchronized DeskConversation enqueue(DeskConversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        if (conversation.version() != 0 || conversation.state() != DeskState.WAITING) {
            throw new IllegalArgumentException("only a new, WAITING conversation is enqueued; " + conversation.id()
                    + " is " + conversation.state() + " at version " + conversation.version());
        }
        checkVersion(conversation);
        return saveConversation(conversation.toBuilder()
                .waiting(++sequence, conversation.enteredQueueAt())
                .build());
    }

    @Override
    public synchronized Agent saveRotated(DeskConversation conversation, Agent agent) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(agent, "agent");
        checkVersion(conversation);
        checkVersion(agent);
        saveConversation(conversation);
        return saveAgent(agent.withRotation(++sequence));
    }

    @Override
    public synchronized Agent saveAgent(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        checkVersion(agent);
        Agent saved = new Agent(
                agent.id(),
                agent.status(),
                agent.capacity(),
                agent.queues(),
                agent.idleSince(),
                agent.rotation(),
                agent.version() + 1);
        agents.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized Optional<Agent> findAgent(String id) {
        return Optional.ofNullable(agents.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized List<Agent> agents() {
        return List.copyOf(agents.values());
    }

    @Override
    public synchronized Optional<TranscriptEntry> append(TranscriptEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.messageId().isPresent()
                && !messageIds.add(
                        List.of(entry.conversationId(), entry.messageId().get()))) {
            return Optional.empty();
        }
        TranscriptEntry stored = entry.withSequence(++sequence);
        transcripts
                .computeIfAbsent(entry.conversationId(), id -> new ArrayList<>())
                .add(stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized List<TranscriptEntry> transcript(String conversationId, Instant since) {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(since, "since");
        return transcripts.getOrDefault(conversationId, List.of()).stream()
                .filter(entry -> !entry.at().isBefore(since))
                .toList();
    }

    @Override
    public synchronized DeskSettings saveSettings(DeskSettings changed) {
        Objects.requireNonNull(changed, "settings");
        DeskSettings stored = settings.get(changed.campaignId());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != changed.version()) {
            throw new StaleDeskDataException("the desk settings of campaign " + changed.campaignId()
                    + " are at version " + storedVersion + ", not " + changed.version());
        }
        DeskSettings saved = changed.withVersion(storedVersion + 1);
        settings.put(saved.campaignId(), saved);
        return saved;
    }

    @Override
    public synchronized Optional<DeskSettings> findSettings(CampaignId campaignId) {
        return Optional.ofNullable(settings.get(Objects.requireNonNull(campaignId, "campaignId")));
    }

    @Override
    public synchronized List<DeskSettings> allSettings() {
        return List.copyOf(settings.values());
    }
}
