package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a launch's batches are loaded with {@code COPY} under a savepoint. Engagements: a batch that meets
 * a phone already engaged goes back to the savepoint and inserts skipping duplicates within the same transaction,
 * and so does the next batch, until one finds no phone held. Recipients: a batch is loaded without asking which
 * phones the campaign has; one that holds such a phone goes back to the savepoint, asks, and loads the rest, and
 * the next batch asks first, until one finds none. What each batch answers is the contract kits'; here, which
 * statements did the work, and what a batch that went back left.
 */
class PostgresLaunchLoadTest {

    private static final SenderKey SENDER = new SenderKey("whatsapp-cloud", "acme-number");
    private static final CampaignId FIRST = CampaignId.of("engage-first");
    private static final CampaignId SECOND = CampaignId.of("engage-second");
    private static final Instant T0 = RecipientCountChecks.START;

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
    void aBatchOfNewEngagementsIsLoadedInBulk() {
        assertThat(store.engage(SENDER, FIRST, phones(0, 500))).isEmpty();

        assertThat(calls).containsExactly("loadNew ck_engagement");
        assertThat(store.engagedCampaigns(SENDER, phones(0, 500))).hasSize(500).containsValue(FIRST);
    }

    @Test
    void aBatchMeetingAHeldPhoneInsertsSkippingDuplicatesAndTheNextDoesTooUntilOneFindsNone() {
        store.engage(SENDER, FIRST, phones(400, 401));
        calls.clear();

        assertThat(store.engage(SENDER, SECOND, phones(0, 500))).containsExactlyElementsOf(phones(400, 401));
        assertThat(calls)
                .as("the load refused, then the insert, then the held phone's campaign read")
                .containsExactly("loadNew ck_engagement", "insertManyAnswering ck_engagement", "anyOf phone");
        Map<PhoneNumber, CampaignId> holders = store.engagedCampaigns(SENDER, phones(0, 500));
        assertThat(holders).hasSize(500).containsEntry(phones(400, 401).get(0), FIRST);
        assertThat(holders.values().stream().filter(SECOND::equals)).hasSize(499);

        calls.clear();
        assertThat(store.engage(SENDER, SECOND, phones(500, 1000))).isEmpty();
        assertThat(store.engage(SENDER, SECOND, phones(1000, 1500))).isEmpty();
        assertThat(calls)
                .as("after held phones, the insert until a batch finds none; then the load again")
                .containsExactly("insertManyAnswering ck_engagement", "loadNew ck_engagement");
        assertThat(store.engagedCampaigns(SENDER, phones(500, 1500)))
                .hasSize(1000)
                .containsOnlyKeys(phones(500, 1500));
    }

    @Test
    void aSmallBatchOfEngagementsIsInsertedWithoutASavepoint() {
        assertThat(store.engage(SENDER, FIRST, phones(0, 10))).isEmpty();

        assertThat(calls).containsExactly("insertManyAnswering ck_engagement");
    }

    @Test
    void aBatchOfRecipientsIsLoadedWithoutAskingWhichPhonesTheCampaignHas() {
        List<Recipient> added = store.insertRecipients(FIRST, recipients(0, 500), T0);

        assertThat(added).extracting(Recipient::sequence).containsExactlyElementsOf(sequences(0, 500));
        assertThat(calls).containsExactly("loadNew ck_recipient");
        assertThat(store.counts(FIRST).total()).isEqualTo(500);
    }

    @Test
    void aBatchHoldingAPhoneTheCampaignHasGoesBackAsksAndLoadsTheRestAndTheNextAsksFirst() {
        store.insertRecipients(FIRST, recipients(0, 100), T0);
        calls.clear();

        List<Recipient> added = store.insertRecipients(FIRST, recipients(50, 250), T0);

        assertThat(added)
                .as("the phones the campaign had left out, the sequences handed out once")
                .extracting(recipient -> recipient.phone().e164())
                .containsExactlyElementsOf(e164(100, 250));
        assertThat(added).extracting(Recipient::sequence).containsExactlyElementsOf(sequences(100, 250));
        assertThat(calls).containsExactly("loadNew ck_recipient", "anyOf phone", "loadNew ck_recipient");
        assertThat(store.counts(FIRST).total()).isEqualTo(250);
        assertThat(store.findRecipients(FIRST, -1, 1_000)).hasSize(250);

        calls.clear();
        assertThat(store.insertRecipients(FIRST, recipients(250, 450), T0)).hasSize(200);
        assertThat(store.insertRecipients(FIRST, recipients(450, 650), T0)).hasSize(200);
        assertThat(calls)
                .as("after a phone the campaign had, ask first until a batch finds none; then load whole again")
                .containsExactly("anyOf phone", "loadNew ck_recipient", "loadNew ck_recipient");
        assertThat(store.counts(FIRST).total()).isEqualTo(650);
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

    private static List<NewRecipient> recipients(int from, int to) {
        return phones(from, to).stream()
                .map(phone -> NewRecipient.pending(Contact.of(phone), T0))
                .toList();
    }

    private static List<String> e164(int from, int to) {
        return phones(from, to).stream().map(PhoneNumber::e164).toList();
    }

    private static List<Long> sequences(int from, int to) {
        return LongStream.range(from, to).boxed().toList();
    }

    private static List<PhoneNumber> phones(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> PhoneNumber.parse(String.format("+5255%08d", i)))
                .toList();
    }

    /** {@code dialect}, noting its bulk loads, its inserts skipping duplicates and its lookups by phone as asked. */
    private JdbcDialect counting(JdbcDialect dialect) {
        return (JdbcDialect) Proxy.newProxyInstance(
                JdbcDialect.class.getClassLoader(), new Class<?>[] {JdbcDialect.class}, (proxy, method, args) -> {
                    if (List.of("loadNew", "insertManyAnswering", "anyOf").contains(method.getName())) {
                        calls.add(method.getName() + " " + args[method.getName().equals("anyOf") ? 0 : 1]);
                    }
                    try {
                        return method.invoke(dialect, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
