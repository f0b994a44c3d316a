package io.campaignkit.store.jdbc.internal;

import io.campaignkit.desk.Author;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The desk's transcripts ({@code ck_desk_transcript}), in the store's scope. The database numbers the
 * entries; a unique index keeps each inbound message id once per conversation.
 */
public final class DeskTranscriptRows {

    private final Sql sql;
    private final String scope;
    private final JdbcDialect dialect;

    public DeskTranscriptRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope.writeScope();
        this.dialect = dialect;
    }

    public Optional<TranscriptEntry> append(TranscriptEntry entry) {
        return sql.inTransaction("appending to the transcript of " + entry.conversationId(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ck_desk_transcript (scope, conversation_id,"
                            + " at_nanos, author, author_id, kind, body, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"seq"})) {
                insert.setString(1, scope);
                insert.setString(2, entry.conversationId());
                Sql.setNanos(insert, 3, entry.at());
                insert.setString(4, entry.author().name());
                Sql.setString(insert, 5, entry.authorId().orElse(null));
                insert.setString(6, entry.kind());
                insert.setString(7, entry.text());
                Sql.setString(insert, 8, entry.messageId().orElse(null));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(entry.withSequence(keys.getLong(1)));
                }
            } catch (SQLException failure) {
                if (entry.messageId().isPresent() && dialect.isUniqueViolation(failure)) {
                    return Optional.<TranscriptEntry>empty();
                }
                throw failure;
            }
        });
    }

    public List<TranscriptEntry> transcript(String conversationId, Instant since) {
        return sql.inTransaction("reading the transcript of " + conversationId, connection -> {
            List<TranscriptEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, at_nanos, author, author_id, kind, body,"
                            + " message_id FROM ck_desk_transcript WHERE scope = ? AND conversation_id = ? AND at_nanos >= ? ORDER BY seq")) {
                select.setString(1, scope);
                select.setString(2, conversationId);
                Sql.setNanos(select, 3, since);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new TranscriptEntry(
                                conversationId,
                                rows.getLong("seq"),
                                Sql.requiredInstant(rows, "at_nanos"),
                                Author.valueOf(rows.getString("author")),
                                Optional.ofNullable(rows.getString("author_id")),
                                rows.getString("kind"),
                                rows.getString("body"),
                                Optional.ofNullable(rows.getString("message_id"))));
                    }
                }
            }
            return entries;
        });
    }
}
