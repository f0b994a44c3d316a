package io.campaignkit.desk.internal;

import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.desk.port.DeskStorage;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who gets a waiting conversation. Never an agent that is not ONLINE, does not serve the queue or has no
 * room; round robin takes the agent assigned longest ago (a rotation: under equal availability the counts
 * differ by at most one); smart takes the contact's previous agent, else the least loaded, ties to the
 * longest idle. Each queue is served first come, first served: when its oldest conversation finds no
 * agent, none behind it does either.
 */
final class Assignment {

    private static final Comparator<Agent> ROTATION =
            Comparator.comparingLong(Agent::rotation).thenComparing(Agent::id);

    private final DeskStorage storage;

    Assignment(DeskStorage storage) {
        this.storage = storage;
    }

    /** How many open conversations each agent has. */
    Map<String, Integer> loads() {
        Map<String, Integer> loads = new HashMap<>();
        for (DeskConversation conversation :
                storage.conversations().findConversations(DeskQuery.inStates(DeskState.WITH_AGENT))) {
            loads.merge(conversation.agentId().orElseThrow(), 1, Integer::sum);
        }
        return loads;
    }

    /** {@code agent} as a versioned save stores it. */
    static Agent stored(Agent agent) {
        return new Agent(
                agent.id(),
                agent.status(),
                agent.capacity(),
                agent.queues(),
                agent.idleSince(),
                agent.rotation(),
                agent.version() + 1);
    }

    static boolean hasRoom(Agent agent, String queue, Map<String, Integer> loads) {
        return agent.status() == AgentStatus.ONLINE
                && agent.serves(queue)
                && loads.getOrDefault(agent.id(), 0) < agent.capacity();
    }

    /** The agent {@code method} picks for {@code conversation}, if one has room. */
    static Optional<Agent> pick(
            AssignmentMethod method, DeskConversation conversation, List<Agent> agents, Map<String, Integer> loads) {
        List<Agent> free = agents.stream()
                .filter(agent -> hasRoom(agent, conversation.queue(), loads))
                .toList();
        if (method == AssignmentMethod.ROUND_ROBIN) {
            return free.stream().min(ROTATION);
        }
        Optional<Agent> previous = conversation
                .exclusiveAgent()
                .flatMap(id ->
                        free.stream().filter(agent -> agent.id().equals(id)).findFirst());
        if (previous.isPresent()) {
            return previous;
        }
        return free.stream()
                .min(Comparator.<Agent>comparingInt(agent -> loads.getOrDefault(agent.id(), 0))
                        .thenComparing(Agent::idleSince)
                        .thenComparing(Agent::id));
    }

    /**
     * Assigns waiting conversations, oldest first per queue, while agents have room; {@code assignable}
     * says which may be assigned now (their campaign's hours are open), {@code methodOf} each one's method.
     * Each assignment is one write of the conversation and its agent: the agents are read before the loads,
     * so an assignment another desk made since is either in the loads or has moved the agent's version and
     * makes this write stale ({@link io.campaignkit.desk.port.StaleDeskDataException}, the assignments
     * before it stay: the caller runs the pass again from fresh reads).
     */
    void assignWaiting(
            Instant now,
            Predicate<DeskConversation> assignable,
            Function<DeskConversation, Optional<AssignmentMethod>> methodOf) {
        List<DeskConversation> waiting =
                storage.conversations().findConversations(DeskQuery.inStates(DeskState.WAITING));
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, Agent> agents = new HashMap<>();
        storage.agents().agents().forEach(agent -> agents.put(agent.id(), agent));
        Map<String, Integer> loads = loads();
        Set<String> blocked = new HashSet<>();
        for (DeskConversation conversation : waiting) {
            Optional<AssignmentMethod> method = methodOf.apply(conversation);
            if (blocked.contains(conversation.queue()) || method.isEmpty() || !assignable.test(conversation)) {
                continue;
            }
            List<Agent> candidates = agents.values().stream()
                    .sorted(Comparator.comparing(Agent::id))
                    .toList();
            Optional<Agent> chosen = pick(method.get(), conversation, candidates, loads);
            if (chosen.isEmpty()) {
                blocked.add(conversation.queue());
                continue;
            }
            Agent agent = chosen.get();
            Agent changed = agent.withIdleSince(now);
            DeskConversation assigned =
                    conversation.toBuilder().assigned(agent.id(), now).build();
            // the agent as this write stored it, not a fresh read: loads read before another desk's later change
            // must not pass its check
            if (method.get() == AssignmentMethod.ROUND_ROBIN) {
                // the rotation is taken in the write itself, so rotations follow the order assignments were stored
                agents.put(agent.id(), storage.conversations().saveRotated(assigned, changed));
            } else {
                storage.conversations().saveTogether(List.of(assigned), List.of(changed));
                agents.put(agent.id(), stored(changed));
            }
            loads.merge(agent.id(), 1, Integer::sum);
            storage.transcripts().append(TranscriptEntry.note(conversation.id(), now, "assigned to " + agent.id()));
        }
    }
}
