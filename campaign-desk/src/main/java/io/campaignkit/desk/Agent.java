package io.campaignkit.desk;

import io.campaignkit.desk.internal.Checks;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent of the desk. Its load (open conversations assigned to it) is counted from the conversations,
 * not kept here, so it can never disagree with them.
 *
 * @param id the host's id for the agent
 * @param status set by the host through {@link ConversationDesk#changeStatus}
 * @param capacity how many conversations it handles at once, at least 1
 * @param queues the queues it serves
 * @param idleSince when its load last changed or it came ONLINE: smart assignment breaks ties to the oldest
 * @param rotation the desk-wide sequence of its last round-robin assignment (0: never), the rotation's order
 * @param version the store's optimistic version (0: not stored yet)
 */
public record Agent(
        String id,
        AgentStatus status,
        int capacity,
        Set<String> queues,
        Instant idleSince,
        long rotation,
        long version) {

    public Agent {
        Checks.nonBlank(id, "id");
        Checks.nonNull(status, "status");
        Checks.require(capacity >= 1, "capacity", "capacity must be at least 1, was " + capacity);
        queues = Set.copyOf(new TreeSet<>(Checks.noNulls(queues, "queues")));
        Checks.require(!queues.isEmpty(), "queues", "an agent serves at least one queue");
        Checks.nonNull(idleSince, "idleSince");
        Checks.require(rotation >= 0 && version >= 0, "version", "rotation and version are not negative");
    }

    /** A new agent, OFFLINE until the host says otherwise. */
    public static Agent of(String id, int capacity, Set<String> queues, Instant now) {
        return new Agent(id, AgentStatus.OFFLINE, capacity, queues, now, 0, 0);
    }

    public boolean serves(String queue) {
        return queues.contains(queue);
    }

    public Agent withStatus(AgentStatus newStatus, Instant now) {
        Instant idle = newStatus == AgentStatus.ONLINE && status != AgentStatus.ONLINE ? now : idleSince;
        return new Agent(id, newStatus, capacity, queues, idle, rotation, version);
    }

    public Agent withIdleSince(Instant at) {
        return new Agent(id, status, capacity, queues, at, rotation, version);
    }

    public Agent withRotation(long sequence) {
        return new Agent(id, status, capacity, queues, idleSince, sequence, version);
    }
}
