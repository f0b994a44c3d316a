package io.campaignkit.desk.port;

import io.campaignkit.desk.Agent;
import java.util.List;
import java.util.Optional;

/** Where the desk keeps its agents, optimistically versioned like {@link DeskConversationStore}. */
public interface AgentStore {

    /**
     * Stores {@code agent}: a new one when its version is 0, else a change whose version must equal the stored one.
     *
     * @throws StaleDeskDataException if the id exists (version 0) or the stored version differs
     */
    Agent saveAgent(Agent agent);

    Optional<Agent> findAgent(String id);

    /** Every agent, by id. */
    List<Agent> agents();
}
