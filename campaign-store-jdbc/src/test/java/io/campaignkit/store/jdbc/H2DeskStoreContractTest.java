package io.campaignkit.store.jdbc;

import io.campaignkit.desk.port.AgentStore;
import io.campaignkit.desk.port.DeskConversationStore;
import io.campaignkit.desk.port.DeskSettingsStore;
import io.campaignkit.desk.port.TranscriptStore;
import io.campaignkit.testkit.desk.AgentStoreContractKit;
import io.campaignkit.testkit.desk.DeskConversationStoreContractKit;
import io.campaignkit.testkit.desk.DeskSettingsStoreContractKit;
import io.campaignkit.testkit.desk.TranscriptStoreContractKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** {@link JdbcDeskStore} on H2 passes every desk port's kit; each check gets a fresh database. */
class H2DeskStoreContractTest {

    private final List<JdbcCampaignStore> opened = new ArrayList<>();

    private JdbcDeskStore fresh() {
        JdbcCampaignStore store = H2Databases.freshStore();
        opened.add(store);
        return JdbcDeskStore.on(store);
    }

    @AfterEach
    void dropDatabases() {
        opened.forEach(JdbcCampaignStore::close);
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
        @Override
        protected DeskSettingsStore store() {
            return fresh();
        }

        /** A new store object on the same database: what a restarted host builds. */
        @Override
        protected DeskSettingsStore reopened() {
            return JdbcDeskStore.on(
                    JdbcCampaignStore.builder().dataSource(last().dataSource()).build());
        }

        @Override
        protected DeskSettingsStore otherTenant() {
            return JdbcDeskStore.on(last().forTenant("another-tenant"));
        }
    }

    private JdbcCampaignStore last() {
        return opened.get(opened.size() - 1);
    }
}
