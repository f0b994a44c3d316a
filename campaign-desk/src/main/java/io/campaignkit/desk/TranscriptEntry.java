package io.campaignkit.desk;

import io.campaignkit.desk.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One message in or out of a desk conversation, or a system note (handoff, assignment, transfer, close).
 *
 * @param conversationId the conversation
 * @param sequence the store's order (0 before it is stored)
 * @param at when it was written
 * @param author who wrote it
 * @param authorId the agent's id for an agent's message, else empty
 * @param kind {@code TEXT}, {@code MEDIA}, {@code VOICE_NOTE}, {@code TEMPLATE} or {@code NOTE}
 * @param text its text (a media's link and caption; a note's words)
 * @param messageId the provider's id of an inbound message: the same id is kept once
 */
public record TranscriptEntry(
        String conversationId,
        long sequence,
        Instant at,
        Author author,
        Optional<String> authorId,
        String kind,
        String text,
        Optional<String> messageId) {

    public TranscriptEntry {
        Checks.nonBlank(conversationId, "conversationId");
        Checks.nonNull(at, "at");
        Checks.nonNull(author, "author");
        Checks.nonNull(authorId, "authorId");
        Checks.nonBlank(kind, "kind");
        Checks.nonNull(text, "text");
        Checks.nonNull(messageId, "messageId");
    }

    public static TranscriptEntry note(String conversationId, Instant at, String text) {
        return new TranscriptEntry(
                conversationId, 0, at, Author.SYSTEM, Optional.empty(), "NOTE", text, Optional.empty());
    }

    public TranscriptEntry withSequence(long stored) {
        return new TranscriptEntry(conversationId, stored, at, author, authorId, kind, text, messageId);
    }
}
