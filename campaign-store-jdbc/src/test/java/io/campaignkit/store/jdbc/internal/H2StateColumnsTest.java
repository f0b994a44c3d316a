package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore.ClaimKind;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2 has no partial indexes: generated columns stand in for them. V44's {@code state_at} holds the time of the
 * row's state (due time while PENDING, lease expiry while SENDING, send time while SENT, else NULL); V40's
 * {@code pending_zone} holds the zone only while PENDING; one index (V46), (campaign, state, pending_zone,
 * state_at, sequence, phone), orders each state's rows without a zone by their time, and each zone's PENDING rows
 * by due time. Checked here: the columns follow the state through claims, receipts, retries and skips, every
 * statement the store sends that reads by one of them is planned on that index within one state's range and,
 * where it reads the first rows of one range, in the index's order; and the zones have no index of their own.
 */
class H2StateColumnsTest {

    private static final CampaignId CAMPAIGN = CampaignId.of("state-columns");
    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private JdbcConnectionPool pool;
    private JdbcCampaignStore store;

    @BeforeEach
    void store() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:ck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        store = JdbcCampaignStore.builder().dataSource(recording(pool)).build();
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("state columns")
                .botFlowId("bot")
                .channel(SenderKey.of("whatsapp-cloud", "1098"))
                .message(TemplateMessage.of(InlineTemplate.of("Hola")))
                .audience(AudienceReference.importedList("l"))
                .build();
        store.save(
                Campaign.create(CAMPAIGN, "acme", "p", CampaignKind.LIVE, configuration, T0)
                        .launch(T0),
                OptionalLong.empty());
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        pool.dispose();
    }

    @Test
    void theStateColumnsHoldTheirValueOnlyInTheirState() throws SQLException {
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            added.add(
                    i % 3 == 0
                            ? NewRecipient.pendingIn(contact(i), T0, RecipientZone.of(ZoneId.of("America/Mexico_City")))
                            : NewRecipient.pending(contact(i), T0.plusSeconds(i)));
        }
        store.insertRecipients(CAMPAIGN, added, T0);
        Lease lease = new Lease("node", T0.plusSeconds(600));
        List<Recipient> claimed = store.claim(ClaimKind.DUE, CAMPAIGN, lease, 30, T0.plusSeconds(100));
        List<RecipientUpdate> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(new RecipientUpdate.Accepted(claimed.get(i).key(), lease, "wamid." + i, T0.plusSeconds(101)));
        }
        answers.add(new RecipientUpdate.RetryLater(
                claimed.get(25).key(),
                lease,
                T0.plusSeconds(900),
                StatusReason.of("130429", "rate limit", false),
                T0.plusSeconds(101)));
        store.apply(answers);
        store.skipPending(CAMPAIGN, StatusReason.of("CANCELLED", "cancelled", true), 5, T0.plusSeconds(102));

        try (Connection connection = pool.getConnection();
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT state, due_at, state_at, local_zone, pending_zone,"
                        + " lease_expires_at, sent_at FROM ck_recipient")) {
            int count = 0;
            Set<String> states = new java.util.TreeSet<>();
            while (rows.next()) {
                count++;
                String state = rows.getString(1);
                states.add(state);
                Object time = switch (state) {
                    case "PENDING" -> rows.getObject(2);
                    case "SENDING" -> rows.getObject(6);
                    case "SENT" -> rows.getObject(7);
                    default -> null;
                };
                assertThat(rows.getObject(3)).as("state_at of a %s row", state).isEqualTo(time);
                assertThat(rows.getObject(5)).isEqualTo(state.equals("PENDING") ? rows.getObject(4) : null);
            }
            assertThat(count).isEqualTo(60);
            assertThat(states).containsExactly("PENDING", "SENDING", "SENT", "SKIPPED");
        }
    }

    @Test
    void everyReadByAStateColumnIsPlannedOnItsIndexPastTheOtherStates() throws SQLException {
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String zone = i % 4 == 0 ? "America/Mexico_City" : "Europe/Madrid";
            added.add(
                    i % 2 == 0
                            ? NewRecipient.pendingIn(contact(i), T0, RecipientZone.of(ZoneId.of(zone)))
                            : NewRecipient.pending(contact(i), T0));
        }
        store.insertRecipients(CAMPAIGN, added, T0);
        Lease lease = new Lease("node", T0.plusSeconds(60));
        List<Recipient> claimed = store.claim(ClaimKind.DUE, CAMPAIGN, lease, 50, T0);
        store.apply(List.of(new RecipientUpdate.Accepted(claimed.get(0).key(), lease, "wamid.0", T0)));
        store.claim(ClaimKind.EXPIRED, CAMPAIGN, new Lease("other", T0.plusSeconds(300)), 10, T0.plusSeconds(120));
        store.renewLease(CAMPAIGN, lease, new Lease("node", T0.plusSeconds(90)));
        store.wakeUps(CAMPAIGN, T0);
        store.findRecipients(new RecipientQuery.AwaitingDelivery(CAMPAIGN, 1, T0.minusSeconds(1), -1, 100));
        RecipientWindows windows = store.windows().orElseThrow();
        Set<String> zones = windows.pendingZones(CAMPAIGN);
        windows.nextDueIn(CAMPAIGN, zones);
        assertThat(zones).hasSize(2);
        windows.claimDueIn(CAMPAIGN, zones, lease, 10, T0); // one range of the zone index per zone, in one statement
        store.skipPending(CAMPAIGN, StatusReason.of("CANCELLED", "cancelled", true), 5, T0);

        List<String> planned = new ArrayList<>();
        for (String statement : List.copyOf(statements)) {
            boolean byState = statement.contains("state_at") || statement.contains("pending_zone");
            if (!byState || statement.contains("MERGE") || !statement.contains("ck_recipient")) {
                continue; // the MERGE of a claim finds its rows by (campaign, phone); its condition is checked per row
            }
            String plan = plan(statement);
            planned.add(statement);
            assertThat(plan)
                    .as("plan of %s", statement)
                    .contains("PUBLIC.CK_RECIPIENT_BY_STATE:")
                    .doesNotContainIgnoringCase("tableScan");
            // one state's range of the index (and one zone's, or the rows without one): the state is a condition
            // of the index, not a filter on its rows
            int at = plan.indexOf("CK_RECIPIENT_BY_STATE:");
            String indexCondition = plan.substring(at, plan.indexOf("*/", at));
            assertThat(indexCondition).as("plan of %s", statement).containsPattern("STATE = '(PENDING|SENDING|SENT)'");
            // the first rows of one range, read in the index's order rather than sorted; H2 sorts what it reads
            // FOR UPDATE whatever the index (the skip of pending recipients), and a union of ranges is merged
            if (statement.contains("LIMIT") && !statement.contains("UNION ALL") && !statement.contains("FOR UPDATE")) {
                assertThat(plan).as("plan of %s", statement).contains("index sorted");
            }
        }
        assertThat(planned).hasSizeGreaterThanOrEqualTo(8);
        // the skip's lock: the rows it read in the index's order, found by their phones (H2 reads a FOR UPDATE
        // query's whole range before cutting it, so the lock names no range of the state index)
        String lock = statements.stream()
                .filter(statement -> statement.contains("phone IN (") && statement.endsWith("FOR UPDATE"))
                .findFirst()
                .orElseThrow();
        assertThat(plan(lock)).as("plan of %s", lock).contains("PUBLIC.CK_RECIPIENT_BY_PHONE: PHONE IN(");
        assertThat(String.join("\n", planned)).contains("pending_zone IS NULL").contains("pending_zone = ?");
    }

    @Test
    void oneIndexServesEveryStateAndEveryZone() throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Connection connection = pool.getConnection();
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT DISTINCT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE TABLE_NAME = 'CK_RECIPIENT' ORDER BY INDEX_NAME")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        // every entry of every index is rewritten when a row is updated: the zones have no index of their own
        assertThat(indexes)
                .contains("CK_RECIPIENT_BY_STATE", "CK_RECIPIENT_BY_PHONE", "CK_RECIPIENT_BY_PROVIDER_ID")
                .doesNotContain("CK_RECIPIENT_LOCAL_DUE")
                .hasSize(4); // and the primary key's
    }

    @Test
    void aClaimAcrossZonesSendsAsManyStatementsAsAClaimInOneZone() {
        List<String> keys = List.of("America/Mexico_City", "Europe/Madrid", "Asia/Tokyo", "Asia/Kolkata");
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            added.add(NewRecipient.pendingIn(contact(i), T0, RecipientZone.of(ZoneId.of(keys.get(i % 4)))));
        }
        store.insertRecipients(CAMPAIGN, added, T0);
        RecipientWindows windows = store.windows().orElseThrow();
        Lease lease = new Lease("node", T0.plusSeconds(60));

        int before = statements.size();
        List<Recipient> one = windows.claimDueIn(CAMPAIGN, Set.of(keys.get(0)), lease, 10, T0);
        int inOneZone = statements.size() - before;
        before = statements.size();
        List<Recipient> across = windows.claimDueIn(CAMPAIGN, Set.copyOf(keys), lease, 40, T0);
        int acrossFour = statements.size() - before;

        assertThat(one).hasSize(10);
        // the four zones' recipients in sequence order, interleaved as they were added
        assertThat(across).extracting(Recipient::sequence).isSorted().hasSize(40);
        assertThat(acrossFour).isEqualTo(inOneZone);
    }

    @Test
    void aClaimAcrossZonesChecksEachLockedRowWithoutPickingAgain() throws SQLException {
        List<String> keys = List.of("America/Mexico_City", "Europe/Madrid", "Asia/Tokyo");
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            added.add(NewRecipient.pendingIn(contact(i), T0, RecipientZone.of(ZoneId.of(keys.get(i % 3)))));
        }
        store.insertRecipients(CAMPAIGN, added, T0);
        int before = statements.size();
        List<Recipient> claimed = store.windows()
                .orElseThrow()
                .claimDueIn(CAMPAIGN, Set.copyOf(keys), new Lease("node", T0.plusSeconds(60)), 30, T0);

        assertThat(claimed).extracting(Recipient::sequence).isSorted().hasSize(30);
        // the pick (each zone's first rows, merged) reads the table the MERGE changes: H2 would run it again for
        // every row it locks, a batch of 1,000 running it 1,000 times; once locked, a row needs only to be still due
        List<String> merges = statements.subList(before, statements.size()).stream()
                .filter(statement -> statement.contains("MERGE INTO ck_recipient r "))
                .toList();
        assertThat(merges)
                .singleElement()
                .satisfies(merge -> assertThat(merge.substring(merge.indexOf("WHEN MATCHED")))
                        .contains("due_at <= ?")
                        .doesNotContain("SELECT"));
        // the pick joined to the rows through the phone's index (each picked phone one lookup): not a walk of the
        // campaign's PENDING rows testing each against the pick
        String candidates = statements.subList(before, statements.size()).stream()
                .filter(statement -> statement.startsWith("SELECT r.phone FROM ("))
                .findFirst()
                .orElseThrow();
        String plan = plan(candidates);
        int at = plan.indexOf("PUBLIC.CK_RECIPIENT_BY_PHONE:");
        assertThat(at).as("plan of %s:%n%s", candidates, plan).isNotNegative();
        assertThat(plan.substring(at, plan.indexOf("*/", at))).as(plan).contains("PHONE = Z.PICKED_PHONE");
    }

    /** H2's plan of a statement the store sent; EXPLAIN needs no parameter values. */
    private String plan(String statement) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = pool.getConnection();
                var explain = connection.prepareStatement("EXPLAIN " + statement);
                ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static Contact contact(int index) {
        return Contact.of(PhoneNumber.parse(String.format("+5255%08d", index)));
    }

    /** The pool, remembering the text of every statement prepared on its connections. */
    private DataSource recording(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    Object result = invoke(method, dataSource, arguments);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(
                                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") && a.length == 1) {
                                        statements.add((String) a[0]);
                                    }
                                    return invoke(m, connection, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
