package io.campaignkit.store.jdbc;

import io.campaignkit.desk.port.AgentStore;
import io.campaignkit.desk.port.DeskConversationStore;
import io.campaignkit.desk.port.TranscriptStore;
import io.campaignkit.testkit.desk.AgentStoreContractKit;
import io.campaignkit.testkit.desk.DeskConversationStoreContractKit;
import io.campaignkit.testkit.desk.TranscriptStoreContractKit;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/**
 * {@link JdbcDeskStore} on PostgreSQL passes every desk port's kit. Each check's store serves a tenant of its
 * own on the shared test database, so no check sees another's rows and nothing needs emptying.
 */
class PostgresDeskStoreContractTest {

    private static JdbcDeskStore fresh() {
        return JdbcDeskStore.on(JdbcCampaignStore.builder().dataSource(PostgresDatabase.pool()).build()
                .forTenant("desk-" + UUID.randomUUID()));
    }

    @Nested
    class Conversations extends DeskConversationStoreContractKit {
        @Override
        protected DeskConversationStore store() {
            return fresh();
        }
    }

    @Nested
    class Agents extends AgentStoreContractKit {
        @Override
        protected AgentStore store() {
            return fresh();
        }
    }

    @Nested
    class Transcripts extends TranscriptStoreContractKit {
        @Override
        protected TranscriptStore store() {
            return fresh();
        }
    }
}
