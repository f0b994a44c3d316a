package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a launch's batch of engagements is loaded with {@code COPY} under a savepoint (a fifth cheaper
 * than the insert that skips duplicates); a batch that meets a phone already engaged goes back to the savepoint
 * and inserts skipping duplicates within the same transaction, and so does the next batch, until one finds no
 * phone held. What each batch answers is the contract kit's; here, which statement did the work.
 */
class PostgresEngagementLoadTest {

    private static final SenderKey SENDER = new SenderKey("whatsapp-cloud", "acme-number");
    private static final CampaignId FIRST = CampaignId.of("engage-first");
    private static final CampaignId SECOND = CampaignId.of("engage-second");

    private final List<String> calls = new ArrayList<>();
    private JdbcCampaignStore store;

    @BeforeEach
    void storeTwoCampaigns() {
        PostgresDatabase.freshStore();
        store = JdbcCampaignStore.builder()
                .dataSource(PostgresDatabase.pool())
                .dialect(counting(JdbcDialect.POSTGRESQL))
                .build();
        store.save(RecipientCountChecks.readyCampaign(FIRST.value(), "acme"), OptionalLong.empty());
        store.save(RecipientCountChecks.readyCampaign(SECOND.value(), "acme"), OptionalLong.empty());
    }

    @Test
    void aBatchOfNewPhonesIsLoadedInBulk() {
        assertThat(store.engage(SENDER, FIRST, phones(0, 500))).isEmpty();

        assertThat(calls).containsExactly("loadNew");
        assertThat(store.engagedCampaigns(SENDER, phones(0, 500))).hasSize(500).containsValue(FIRST);
    }

    @Test
    void aBatchMeetingAHeldPhoneInsertsSkippingDuplicatesAndTheNextDoesTooUntilOneFindsNone() {
        store.engage(SENDER, FIRST, phones(400, 401));
        calls.clear();

        assertThat(store.engage(SENDER, SECOND, phones(0, 500))).containsExactlyElementsOf(phones(400, 401));
        assertThat(calls).as("the load refused, then the insert").containsExactly("loadNew", "insertManyAnswering");
        Map<PhoneNumber, CampaignId> holders = store.engagedCampaigns(SENDER, phones(0, 500));
        assertThat(holders).hasSize(500).containsEntry(phones(400, 401).get(0), FIRST);
        assertThat(holders.values().stream().filter(SECOND::equals)).hasSize(499);

        calls.clear();
        assertThat(store.engage(SENDER, SECOND, phones(500, 1000))).isEmpty();
        assertThat(store.engage(SENDER, SECOND, phones(1000, 1500))).isEmpty();
        assertThat(calls)
                .as("after held phones, the insert until a batch finds none; then the load again")
                .containsExactly("insertManyAnswering", "loadNew");
        assertThat(store.engagedCampaigns(SENDER, phones(500, 1500)))
                .hasSize(1000)
                .containsOnlyKeys(phones(500, 1500));
    }

    @Test
    void aSmallBatchIsInsertedWithoutASavepoint() {
        assertThat(store.engage(SENDER, FIRST, phones(0, 10))).isEmpty();

        assertThat(calls).containsExactly("insertManyAnswering");
    }

    /** V47: phone numbers compare as bytes in every table that keys them, whatever the database's locale. */
    @Test
    void everyPhoneColumnComparesAsBytes() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = PostgresDatabase.pool().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name || '.' || column_name, collation_name"
                        + " FROM information_schema.columns WHERE table_name LIKE 'ck\\_%'"
                        + " AND column_name IN ('phone', 'open_phone') AND character_maximum_length = 16"
                        + " ORDER BY 1")) {
            while (rows.next()) {
                assertThat(rows.getString(2)).as(rows.getString(1)).isEqualTo("C");
                columns.add(rows.getString(1));
            }
        }
        assertThat(columns)
                .containsExactly(
                        "ck_busy_wait.phone",
                        "ck_conversation.open_phone",
                        "ck_conversation.phone",
                        "ck_engagement.phone",
                        "ck_funnel_step.phone",
                        "ck_inbound_queue.phone",
                        "ck_recipient.phone",
                        "ck_suppression.phone");
    }

    private static List<PhoneNumber> phones(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> PhoneNumber.parse(String.format("+5255%08d", i)))
                .toList();
    }

    /** {@code dialect}, noting the engagement's bulk load and its insert skipping duplicates as they are asked. */
    private JdbcDialect counting(JdbcDialect dialect) {
        return (JdbcDialect) Proxy.newProxyInstance(
                JdbcDialect.class.getClassLoader(), new Class<?>[] {JdbcDialect.class}, (proxy, method, args) -> {
                    boolean engagement = args != null && args.length > 1 && "ck_engagement".equals(args[1]);
                    if (engagement && List.of("loadNew", "insertManyAnswering").contains(method.getName())) {
                        calls.add(method.getName());
                    }
                    try {
                        return method.invoke(dialect, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
