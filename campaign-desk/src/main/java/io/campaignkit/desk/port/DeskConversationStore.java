package io.campaignkit.desk.port;

import io.campaignkit.desk.Agent;
import io.campaignkit.desk.DeskConversation;
import java.util.List;
import java.util.Optional;

/**
 * Where the desk keeps its conversations. Writes are optimistically versioned: the desk reads, decides
 * by its rules and saves; a save from a stale read fails and changes nothing.
 */
public interface DeskConversationStore {

    /**
     * Stores {@code conversation}: a new one when its version is 0, else a change of the stored one
     * whose version must equal it. Answers it as stored, its version one more.
     *
     * @throws StaleDeskDataException if the id exists (version 0) or the stored version differs
     */
    DeskConversation saveConversation(DeskConversation conversation);

    /**
     * Stores {@code conversations} and {@code agents} as one write: each versioned as {@link #saveConversation}
     * and {@link AgentStore#saveAgent} say, and all of them stored or, when one is stale, none. The desk assigns
     * through it, saving the agent that takes a conversation with it: the agent's version then guards its load,
     * so two desks on one store cannot both fill an agent's last room. The store keeping the conversations
     * keeps the agents.
     *
     * @throws StaleDeskDataException if any of them is stale; nothing was stored
     */
    void saveTogether(List<DeskConversation> conversations, List<Agent> agents);

    /** The conversation with {@code id}, if stored. */
    Optional<DeskConversation> findConversation(String id);

    /** The conversations {@code query} selects, by queue position, then id. */
    List<DeskConversation> findConversations(DeskQuery query);

    /**
     * Stores a new conversation (version 0) at the end of its queue: the store gives it the next value of its
     * desk-wide sequence as its queue position, taken in the same write (under the same lock, in the same
     * transaction), so a conversation is never visible while one with an earlier position is not yet: whichever
     * desk reads the queue serves it first come, first served, however desks sharing the store interleave. The
     * position {@code conversation} carries is replaced. Answers it as stored, at version 1.
     *
     * @throws StaleDeskDataException if a conversation with its id exists; nothing was stored
     * @throws IllegalArgumentException if it is not new (version 0) and WAITING
     */
    DeskConversation enqueue(DeskConversation conversation);

    /**
     * Stores an assignment as {@link #saveTogether} does for one conversation and its agent, the agent moved to
     * the back of the round-robin rotation: its rotation becomes the next value of the desk-wide sequence, taken
     * in the same write, so rotations are ordered as the assignments were stored. Answers the agent as stored.
     *
     * @throws StaleDeskDataException if either is stale; nothing was stored
     */
    Agent saveRotated(DeskConversation conversation, Agent agent);
}
