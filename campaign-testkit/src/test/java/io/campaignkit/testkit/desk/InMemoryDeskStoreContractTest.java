package io.campaignkit.testkit.desk;

import io.campaignkit.desk.port.AgentStore;
import io.campaignkit.desk.port.DeskConversationStore;
import io.campaignkit.desk.port.DeskSettingsStore;
import io.campaignkit.desk.port.TranscriptStore;
import org.junit.jupiter.api.Nested;

/** The in-memory desk store passes every desk port's kit. */
class InMemoryDeskStoreContractTest {

    @Nested
    class Conversations extends DeskConversationStoreContractKit {
        @Override
        protected DeskConversationStore store() {
            return new InMemoryDeskStore();
        }
    }

    @Nested
    class Agents extends AgentStoreContractKit {
        @Override
        protected AgentStore store() {
            return new InMemoryDeskStore();
        }
    }

    @Nested
    class Transcripts extends TranscriptStoreContractKit {
        @Override
        protected TranscriptStore store() {
            return new InMemoryDeskStore();
        }
    }

    @Nested
    class Settings extends DeskSettingsStoreContractKit {
        private InMemoryDeskStore last = new InMemoryDeskStore();

        @Override
        protected DeskSettingsStore store() {
            last = new InMemoryDeskStore();
            return last;
        }

        /** A host that keeps its desk in memory keeps the store object across a desk's restart. */
        @Override
        protected DeskSettingsStore reopened() {
            return last;
        }

        /** In memory, a tenant's store is its own object. */
        @Override
        protected DeskSettingsStore otherTenant() {
            return new InMemoryDeskStore();
        }
    }
}
