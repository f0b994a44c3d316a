package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.desk.Author;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.TranscriptStore;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract kit of {@link TranscriptStore}: extend it and return a new, empty store from {@link #store()}. */
public abstract class TranscriptStoreContractKit extends DeskContractSupport {

    /** For subclasses. */
    protected TranscriptStoreContractKit() {}

    /** A new, empty store. */
    protected abstract TranscriptStore store();

    private TranscriptStore store;

    @BeforeEach
    void newStore() {
        store = store();
    }

    private static TranscriptEntry contact(String conversation, long second, String messageId, String text) {
        return new TranscriptEntry(
                conversation, 0, at(second), Author.CONTACT, Optional.empty(), "TEXT", text, Optional.of(messageId));
    }

    /** Entries are kept in order, each inbound message once. */
    @Nested
    @DisplayName("appending")
    public class Appending {

        @Test
        void entriesReadBackInOrderWithEveryPart() {
            store.append(contact("c1", 1, "m1", "hola"));
            store.append(new TranscriptEntry(
                    "c1",
                    0,
                    at(2),
                    Author.AGENT,
                    Optional.of("ana"),
                    "MEDIA",
                    "https://x/y.jpg recibo",
                    Optional.empty()));
            store.append(TranscriptEntry.note("c1", at(2), "assigned"));
            store.append(contact("c2", 1, "m9", "otro"));
            var entries = store.transcript("c1", at(0));
            assertThat(entries)
                    .extracting(TranscriptEntry::text)
                    .containsExactly("hola", "https://x/y.jpg recibo", "assigned");
            assertThat(entries.get(1).authorId()).contains("ana");
            assertThat(entries.get(1).author()).isEqualTo(Author.AGENT);
            assertThat(entries.get(1).kind()).isEqualTo("MEDIA");
            assertThat(entries.get(0).messageId()).contains("m1");
            assertThat(entries.get(0).sequence()).isLessThan(entries.get(1).sequence());
            assertThat(entries.get(1).sequence()).isLessThan(entries.get(2).sequence());
        }

        @Test
        void theSameInboundMessageIsKeptOnce() {
            assertThat(store.append(contact("c1", 1, "m1", "hola"))).isPresent();
            assertThat(store.append(contact("c1", 1, "m1", "hola"))).isEmpty();
            assertThat(store.append(contact("c2", 1, "m1", "hola")))
                    .as("another conversation's id")
                    .isPresent();
            assertThat(store.transcript("c1", at(0))).hasSize(1);
        }

        @Test
        void notesWithoutMessageIdsAreAllKept() {
            store.append(TranscriptEntry.note("c1", at(1), "same"));
            store.append(TranscriptEntry.note("c1", at(1), "same"));
            assertThat(store.transcript("c1", at(0))).hasSize(2);
        }
    }

    /** Reading from a point in time: the history window. */
    @Nested
    @DisplayName("window")
    public class Window {

        @Test
        void onlyEntriesAtOrAfterSinceAreRead() {
            store.append(contact("c1", 10, "m1", "old"));
            store.append(contact("c1", 20, "m2", "edge"));
            store.append(contact("c1", 30, "m3", "new"));
            assertThat(store.transcript("c1", at(20)))
                    .extracting(TranscriptEntry::text)
                    .containsExactly("edge", "new");
            assertThat(store.transcript("unknown", at(0))).isEmpty();
        }
    }
}
