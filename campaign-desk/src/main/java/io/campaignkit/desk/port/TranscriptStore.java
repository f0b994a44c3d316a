package io.campaignkit.desk.port;

import io.campaignkit.desk.TranscriptEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every message in and out of desk conversations, in order. */
public interface TranscriptStore {

    /**
     * Appends {@code entry}, answering it with its sequence; empty (and nothing stored) when an entry with
     * the same conversation and {@link TranscriptEntry#messageId()} is already there: a redelivered
     * webhook does not write a message twice.
     */
    Optional<TranscriptEntry> append(TranscriptEntry entry);

    /** The conversation's entries written at or after {@code since}, by sequence. */
    List<TranscriptEntry> transcript(String conversationId, Instant since);
}
