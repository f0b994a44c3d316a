package io.campaignkit.desk.port;

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

    /** The conversation with {@code id}, if stored. */
    Optional<DeskConversation> findConversation(String id);

    /** The conversations {@code query} selects, by queue position, then id. */
    List<DeskConversation> findConversations(DeskQuery query);

    /** The next value of a desk-wide sequence: greater than every value it answered before. */
    long nextSequence();
}
