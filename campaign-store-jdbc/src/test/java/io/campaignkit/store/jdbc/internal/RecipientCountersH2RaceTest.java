package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcDialect;
import io.campaignkit.store.jdbc.RecipientCountChecks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * H2's MERGE is not atomic: two transactions that add the first recipient of a counter key both try
 * to insert its row. The second is held until the first commits, then meets a duplicate key, and must
 * then add to the row rather than fail.
 */
class RecipientCountersH2RaceTest {

    private static final Instant NOW = RecipientCountChecks.START;
    private static final CampaignId CAMPAIGN = CampaignId.of("race");

    @Test
    void twoTransactionsCreatingOneCounterRowBothCount() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:mem:ck-race-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000", "sa", "");
        try {
            JdbcCampaignStore store =
                    JdbcCampaignStore.builder().dataSource(pool).build();
            store.insert(RecipientCountChecks.readyCampaign(CAMPAIGN.value(), "acme"));
            try (Connection first = pool.getConnection();
                    Connection second = pool.getConnection()) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                counting(1).write(first, Scope.allTenants(), JdbcDialect.H2); // the new row, not yet committed

                CompletableFuture<Void> racing = new CompletableFuture<>();
                Thread racer = new Thread(
                        () -> {
                            try {
                                counting(2).write(second, Scope.allTenants(), JdbcDialect.H2);
                                second.commit();
                                racing.complete(null);
                            } catch (SQLException | RuntimeException failure) {
                                racing.completeExceptionally(failure);
                            }
                        },
                        "racing-upsert");
                racer.start();
                awaitWaitingInH2(racer, racing);
                first.commit();
                racing.get(30, TimeUnit.SECONDS);
            }
            try (Connection connection = pool.getConnection();
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT n FROM ck_recipient_count WHERE campaign_id = ? AND state = 'PENDING' AND code = ''")) {
                select.setString(1, CAMPAIGN.value());
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(2);
                }
            }
        } finally {
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            pool.dispose();
        }
    }

    private static RecipientCounters counting(int index) {
        RecipientCounters counters = new RecipientCounters();
        Contact contact = Contact.builder(PhoneNumber.parse(String.format("+5255%08d", index)))
                .build();
        counters.added(Recipient.of(CAMPAIGN, index, NewRecipient.pending(contact, NOW), NOW));
        return counters;
    }

    /**
     * Until the racing thread is held by the first transaction's row: H2 retries a statement that
     * meets another transaction's uncommitted key (a loop through {@code checkUnique}) until that
     * transaction ends, and an UPDATE waits for it in the MVStore.
     */
    private static void awaitWaitingInH2(Thread racer, CompletableFuture<Void> racing) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(racing).as("the racing upsert finished without waiting").isNotDone();
            if (Arrays.stream(racer.getStackTrace())
                    .anyMatch(frame -> frame.getMethodName().equals("checkUnique")
                            || frame.getMethodName().equals("waitForThisToEnd"))) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the racing upsert never waited for the first transaction: " + racer.getState() + " "
                + Arrays.toString(racer.getStackTrace()));
    }
}
