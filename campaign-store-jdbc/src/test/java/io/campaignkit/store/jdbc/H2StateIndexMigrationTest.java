package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore.ClaimKind;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.store.jdbc.internal.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * An H2 database at V43 holding recipients in every state the state index orders (PENDING, SENDING, SENT) and
 * others gets, from V44, each row's {@code state_at} (the time of its state), and the store's claims, recoveries
 * and fallback candidates find those rows, in their order, on the one index that replaced three.
 */
class H2StateIndexMigrationTest {

    private static final Instant NOW = RecipientCountChecks.START.plusSeconds(60);
    /** V40's generated columns, which an insert cannot set (and V44 drops three of). */
    private static final Set<String> GENERATED =
            Set.of("pending_due", "pending_zone", "sending_expiry", "sent_awaiting", "state_at");

    @Test
    void v44GivesEveryRowItsStateTimeAndTheStoreFindsThemOnTheNewIndex() throws SQLException {
        JdbcConnectionPool source = H2Databases.fresh();
        JdbcConnectionPool target = H2Databases.fresh();
        try {
            JdbcCampaignStore before =
                    JdbcCampaignStore.builder().dataSource(source).build();
            Campaign campaign = RecipientCountChecks.readyCampaign("state-index", "acme");
            before.insert(campaign);
            CampaignId id = campaign.id();
            List<NewRecipient> added = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                added.add(NewRecipient.pending(RecipientCountChecks.contact(i), NOW.plusSeconds(30 - i)));
            }
            before.insertRecipients(id, added, NOW);
            Lease lease = new Lease("before-upgrade", NOW.plusSeconds(300));
            List<Recipient> claimed = before.claim(ClaimKind.DUE, id, lease, 12, NOW.plusSeconds(60));
            List<RecipientUpdate> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) { // 8 SENT (then 2 DELIVERED), 4 SENDING, 18 PENDING
                answers.add(new RecipientUpdate.Accepted(
                        claimed.get(i).key(), lease, "wamid." + i, NOW.plusSeconds(100 + (i * 7) % 5)));
            }
            before.apply(answers);
            before.apply(List.of(
                    new RecipientUpdate.StatusReached(
                            claimed.get(0).key(), DeliveryState.DELIVERED, java.util.Optional.empty(), NOW),
                    new RecipientUpdate.StatusReached(
                            claimed.get(1).key(), DeliveryState.DELIVERED, java.util.Optional.empty(), NOW)));

            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(target)
                    .locations("classpath:db/campaignkit/common", "classpath:db/campaignkit/h2")
                    .javaMigrations(new io.campaignkit.store.jdbc.internal.CampaignFilterBackfill())
                    .table(Migrations.HISTORY_TABLE)
                    .target("43")
                    .load()
                    .migrate();
            RecipientCountsMigrationTest.copy(source, target, "ck_campaign", Set.of());
            RecipientCountsMigrationTest.copy(source, target, "ck_recipient", GENERATED);
            JdbcCampaignStore upgraded =
                    JdbcCampaignStore.builder().dataSource(target).build(); // applies V44

            try (Connection connection = target.getConnection();
                    Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery(
                            "SELECT state, state_at, due_at, lease_expires_at, sent_at FROM ck_recipient")) {
                int count = 0;
                while (rows.next()) {
                    count++;
                    Object expected = switch (rows.getString(1)) {
                        case "PENDING" -> rows.getObject(3);
                        case "SENDING" -> rows.getObject(4);
                        case "SENT" -> rows.getObject(5);
                        default -> null;
                    };
                    assertThat(rows.getObject(2))
                            .as("state_at of a %s row", rows.getString(1))
                            .isEqualTo(expected);
                }
                assertThat(count).isEqualTo(30);
            }
            assertThat(upgraded.claim(
                            ClaimKind.DUE, id, new Lease("after", NOW.plusSeconds(900)), 100, NOW.plusSeconds(60)))
                    .extracting(Recipient::dueAt)
                    .hasSize(18)
                    .isSortedAccordingTo(Instant::compareTo);
            assertThat(upgraded.claim(
                            ClaimKind.EXPIRED, id, new Lease("after", NOW.plusSeconds(900)), 100, NOW.plusSeconds(301)))
                    .extracting(Recipient::key)
                    .containsExactlyInAnyOrderElementsOf(
                            claimed.subList(8, 12).stream().map(Recipient::key).toList());
            assertThat(upgraded.findRecipients(new RecipientQuery.AwaitingDelivery(id, 1, NOW, -1, 100)))
                    .extracting(Recipient::sentAt)
                    .hasSize(6)
                    .isSortedAccordingTo((a, b) -> a.orElseThrow().compareTo(b.orElseThrow()));
        } finally {
            RecipientCountsMigrationTest.dispose(source);
            RecipientCountsMigrationTest.dispose(target);
        }
    }
}
