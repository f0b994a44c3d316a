package io.campaignkit.store.jdbc;

import io.campaignkit.desk.port.AgentStore;
import io.campaignkit.desk.port.DeskConversationStore;
import io.campaignkit.desk.port.DeskSettingsStore;
import io.campaignkit.desk.port.TranscriptStore;
import io.campaignkit.testkit.desk.AgentStoreContractKit;
import io.campaignkit.testkit.desk.DeskConversationStoreContractKit;
import io.campaignkit.testkit.desk.DeskSettingsStoreContractKit;
import io.campaignkit.testkit.desk.TranscriptStoreContractKit;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/**
 * {@link JdbcDeskStore} on PostgreSQL passes every desk port's kit. Each check's store serves a tenant of its
 * own on the shared test database, so no check sees another's rows and nothing needs emptying.
 */
class PostgresDeskStoreContractTest {

    private static JdbcDeskStore fresh() {
        return JdbcDeskStore.on(tenant("desk-" + UUID.randomUUID()));
    }

    private static JdbcCampaignStore tenant(String tenantId) {
        return JdbcCampaignStore.builder()
                .dataSource(PostgresDatabase.pool())
                .build()
                .forTenant(tenantId);
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

    @Nested
    class Settings extends DeskSettingsStoreContractKit {
        private String tenant = "";

        @Override
        protected DeskSettingsStore store() {
            tenant = "desk-" + UUID.randomUUID();
            return JdbcDeskStore.on(tenant(tenant));
        }

        /** A new store object on the same database and tenant: what a restarted host builds. */
        @Override
        protected DeskSettingsStore reopened() {
            return JdbcDeskStore.on(tenant(tenant));
        }

        @Override
        protected DeskSettingsStore otherTenant() {
            return JdbcDeskStore.on(tenant(tenant + "-other"));
        }
    }
}
