package io.campaignkit.store.jdbc;

import io.campaignkit.desk.port.DeskStorage;
import io.campaignkit.testkit.desk.TwoDesksOnOneStoreKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Two desks on one H2 database, each on a store object of its own (as two hosts would be): settings kept in
 * the database, races on assignment settled by the desk.
 */
class H2TwoDesksTest extends TwoDesksOnOneStoreKit {

    private final List<JdbcCampaignStore> opened = new ArrayList<>();

    @Override
    protected DeskStorage storage() {
        JdbcCampaignStore store = H2Databases.freshStore();
        opened.add(store);
        return JdbcDeskStore.on(store).storage();
    }

    @Override
    protected DeskStorage sameData() {
        return JdbcDeskStore.on(JdbcCampaignStore.builder()
                        .dataSource(opened.get(0).dataSource())
                        .build())
                .storage();
    }

    @AfterEach
    void dropDatabase() {
        opened.forEach(JdbcCampaignStore::close);
    }
}
