package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch of phones finds its engagements on H2 by reading those phones' entries of V42's index, not every
 * engagement of the sender: the rows H2 reports having scanned ({@code EXPLAIN ANALYZE}) for each statement the
 * store sends stay within the batch, with the sender holding thousands of engagements, and the statements
 * answer only that sender's engagements although another sender engages the same phones.
 */
class EngagementIndexesTest {

    private static final int HELD = 3_000;
    private static final int BATCH = 40;

    private JdbcConnectionPool pool;

    @BeforeEach
    void aSenderHoldingThousandsOfEngagements() throws SQLException {
        // no DB_CLOSE_DELAY: the database lives while the pool keeps a connection, and goes with the pool
        pool = JdbcConnectionPool.create("jdbc:h2:mem:ck-" + UUID.randomUUID(), "sa", "");
        JdbcCampaignStore.builder().dataSource(pool).build();
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO ck_engagement"
                                + " (sender_channel, sender_id, phone, campaign_id, tenant_id) VALUES (?, ?, ?, ?, 'tenant')")) {
            for (int i = 0; i < HELD; i++) {
                add(insert, "1098", phone(i), i % 2 == 0 ? "ours" : "other");
                if (i < BATCH) {
                    add(insert, "2077", phone(i), "elsewhere"); // another sender, the same phones
                }
            }
            insert.executeBatch();
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE");
            }
        }
    }

    @AfterEach
    void dropDatabase() {
        pool.dispose();
    }

    @Test
    void theEngagedPhonesOfABatchAreReadFromTheirOwnEntries() throws SQLException {
        List<String> phones = batch();
        String statement = EngagementRows.engagedStatement(JdbcDialect.H2, phones.size());
        List<Object> values = new ArrayList<>(phones);
        values.add("whatsapp-cloud");
        values.add("1098");

        assertThat(rows(statement, values)).hasSize(BATCH / 2); // half the batch is engaged, by this sender alone
        assertThat(scanned(statement, values)).isLessThanOrEqualTo(2 * BATCH + 1);
    }

    @Test
    void thePhonesHeldByAnotherCampaignAreReadFromTheirOwnEntries() throws SQLException {
        List<String> phones = batch();
        String statement = EngagementRows.heldElsewhereStatement(JdbcDialect.H2, phones.size());
        List<Object> values = new ArrayList<>(List.of("whatsapp-cloud", "1098", "ours"));
        values.addAll(phones);

        assertThat(rows(statement, values)).hasSize(BATCH / 4); // engaged phones alternate between the campaigns
        assertThat(scanned(statement, values)).isLessThanOrEqualTo(2 * BATCH + 1);
    }

    @Test
    void theCampaignsOfABatchAreReadFromTheirOwnEntries() throws SQLException {
        List<String> phones = batch();
        String statement = EngagementRows.engagedCampaignsStatement(JdbcDialect.H2, phones.size());
        List<Object> values = new ArrayList<>(List.of("whatsapp-cloud", "1098"));
        values.addAll(phones);
        values.add(null); // a store serving every tenant

        assertThat(rows(statement, values)).hasSize(BATCH / 2);
        assertThat(scanned(statement, values)).isLessThanOrEqualTo(2 * BATCH + 1);
    }

    /** Half of them engaged (every second held phone among the first ones), half never engaged. */
    private static List<String> batch() {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < BATCH / 2; i++) {
            phones.add(phone(i));
            phones.add(phone(HELD + i));
        }
        return phones;
    }

    private static String phone(int i) {
        return String.format("+3460%07d", i);
    }

    private static void add(PreparedStatement insert, String senderId, String phone, String campaign)
            throws SQLException {
        insert.setString(1, "whatsapp-cloud");
        insert.setString(2, senderId);
        insert.setString(3, phone);
        insert.setString(4, campaign);
        insert.addBatch();
    }

    private List<String> rows(String statement, List<Object> values) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = pool.getConnection();
                PreparedStatement select = connection.prepareStatement(statement)) {
            bind(select, values);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /** The rows H2 says it read from the table's index to answer {@code statement}. */
    private long scanned(String statement, List<Object> values) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + statement)) {
            bind(explain, values);
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                String plan = rows.getString(1);
                assertThat(plan).contains("CK_ENGAGEMENT_BY_PHONE");
                Matcher count = Pattern.compile("scanCount: (\\d+)").matcher(plan);
                assertThat(count.find()).as(plan).isTrue();
                return Long.parseLong(count.group(1));
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }
}
