package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore.ClaimKind;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL ({@code unnest}, {@code UPDATE ... FROM}, {@code RETURNING}) and H2 ({@code MERGE} over
 * {@code TABLE(...)} arrays, {@code OLD TABLE (...)}) claim, record and insert recipients with set-based
 * statements whose SQL repeats core's {@code RecipientRules}; a dialect without them ({@link RowByRowDialect})
 * runs the rules row by row. The same operations on all three must leave the same recipients and answer the
 * same changes, field for field, including the cases the set-based statement leaves to the rules (a wrong lease,
 * a recipient named twice in a batch, other kinds of update).
 */
class SetBasedPathsTest {

    private static final CampaignId CAMPAIGN = CampaignId.of("set-based");
    private static final Instant T0 = RecipientCountChecks.START;

    private JdbcCampaignStore postgres;
    private JdbcCampaignStore h2;
    private JdbcCampaignStore h2RowByRow;
    private org.h2.jdbcx.JdbcConnectionPool rowByRowPool;

    @BeforeEach
    void stores() {
        postgres = PostgresDatabase.freshStore();
        h2 = H2Databases.freshStore();
        rowByRowPool = H2Databases.fresh();
        h2RowByRow = JdbcCampaignStore.builder()
                .dataSource(rowByRowPool)
                .dialect(new RowByRowDialect())
                .build();
        for (JdbcCampaignStore store : List.of(postgres, h2, h2RowByRow)) {
            store.save(RecipientCountChecks.readyCampaign(CAMPAIGN.value(), "acme"), java.util.OptionalLong.empty());
        }
    }

    @AfterEach
    void close() throws Exception {
        h2.close();
        rowByRowPool.dispose();
    }

    @Test
    void claimsRecordsAndRecoveriesMatchTheRowByRowPath() {
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            added.add(NewRecipient.pending(RecipientCountChecks.contact(i), T0.plusSeconds(i % 3)));
        }
        added.add(NewRecipient.skipped(
                RecipientCountChecks.contact(99), T0, StatusReason.of("OPTED_OUT", "opted out", true)));
        List<Recipient> inserted = postgres.insertRecipients(CAMPAIGN, added, T0);
        assertThat(inserted).isEqualTo(h2.insertRecipients(CAMPAIGN, added, T0));
        assertThat(inserted).isEqualTo(h2RowByRow.insertRecipients(CAMPAIGN, added, T0));
        assertSameRecipients();

        Lease lease = new Lease("node-a", T0.plusSeconds(60));
        Instant claimAt = T0.plusSeconds(5);
        List<Recipient> claimed = postgres.claim(ClaimKind.DUE, CAMPAIGN, lease, 25, claimAt);
        assertThat(claimed).hasSize(25).isEqualTo(h2.claim(ClaimKind.DUE, CAMPAIGN, lease, 25, claimAt));
        assertThat(claimed).isEqualTo(h2RowByRow.claim(ClaimKind.DUE, CAMPAIGN, lease, 25, claimAt));
        assertSameRecipients();

        Instant at = T0.plusSeconds(6);
        List<RecipientUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // held under the lease: the set-based statement
            updates.add(new RecipientUpdate.Accepted(claimed.get(i).key(), lease, "wamid." + i, at));
        }
        Lease stale = new Lease("node-a", T0.plusSeconds(59));
        updates.add(new RecipientUpdate.Accepted(claimed.get(12).key(), stale, "wamid.stale", at)); // refused by both
        updates.add(
                new RecipientUpdate.Accepted(claimed.get(13).key(), lease, "wamid.13", at)); // named twice: the rules
        updates.add(new RecipientUpdate.StatusReached(
                claimed.get(13).key(), DeliveryState.DELIVERED, Optional.empty(), at));
        updates.add(new RecipientUpdate.StatusReached(claimed.get(0).key(), DeliveryState.READ, Optional.empty(), at));
        updates.add(new RecipientUpdate.Failed(
                claimed.get(14).key(), lease, StatusReason.of("131026", "undeliverable", true), at));
        updates.add(new RecipientUpdate.RetryLater(
                claimed.get(15).key(), lease, at.plusSeconds(30), StatusReason.of("130429", "rate limit", false), at));
        updates.add(new RecipientUpdate.Accepted(
                new RecipientKey(CAMPAIGN, RecipientCountChecks.contact(500).phone()),
                lease,
                "wamid.none",
                at)); // no such recipient
        List<RecipientChange> onPostgres = postgres.apply(updates);
        assertThat(onPostgres).isEqualTo(h2.apply(updates));
        assertThat(onPostgres).isEqualTo(h2RowByRow.apply(updates));
        assertThat(onPostgres)
                .extracting(change -> change.after().state())
                .contains(
                        DeliveryState.SENT,
                        DeliveryState.READ,
                        DeliveryState.DELIVERED,
                        DeliveryState.FAILED,
                        DeliveryState.PENDING);
        assertSameRecipients();

        Lease survivor = new Lease("node-b", T0.plusSeconds(200));
        Instant later = T0.plusSeconds(100);
        List<Recipient> recovered = postgres.claim(ClaimKind.EXPIRED, CAMPAIGN, survivor, 100, later);
        assertThat(recovered).isNotEmpty().isEqualTo(h2.claim(ClaimKind.EXPIRED, CAMPAIGN, survivor, 100, later));
        assertThat(recovered).isEqualTo(h2RowByRow.claim(ClaimKind.EXPIRED, CAMPAIGN, survivor, 100, later));
        List<Recipient> dueAgain = postgres.claim(ClaimKind.DUE, CAMPAIGN, survivor, 100, later);
        assertThat(dueAgain).isEqualTo(h2.claim(ClaimKind.DUE, CAMPAIGN, survivor, 100, later));
        assertThat(dueAgain).isEqualTo(h2RowByRow.claim(ClaimKind.DUE, CAMPAIGN, survivor, 100, later));
        assertSameRecipients();
        assertThat(postgres.counts(CAMPAIGN)).isEqualTo(h2.counts(CAMPAIGN));
        assertThat(postgres.counts(CAMPAIGN)).isEqualTo(h2RowByRow.counts(CAMPAIGN));
    }

    @Test
    void theExportStreamsEveryRecipientWithItsFunnelStepsInOrder() {
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(NewRecipient.pending(RecipientCountChecks.contact(i), T0));
        }
        for (JdbcCampaignStore store : List.of(postgres, h2)) {
            store.insertRecipients(CAMPAIGN, added, T0);
            store.recordFunnelStep(
                    new FunnelStep(CAMPAIGN, RecipientCountChecks.contact(1).phone(), "menu", T0.plusSeconds(2)));
            store.recordFunnelStep(
                    new FunnelStep(CAMPAIGN, RecipientCountChecks.contact(1).phone(), "greeting", T0.plusSeconds(1)));
            store.recordFunnelStep(
                    new FunnelStep(CAMPAIGN, RecipientCountChecks.contact(3).phone(), "menu", T0.plusSeconds(3)));
            List<Recipient> exported = new ArrayList<>();
            List<List<FunnelStep>> steps = new ArrayList<>();
            store.exportRecipients(CAMPAIGN, (recipient, itsSteps) -> {
                exported.add(recipient);
                steps.add(itsSteps);
            });
            assertThat(exported).isEqualTo(store.findRecipients(CAMPAIGN, -1, 100));
            for (int i = 0; i < exported.size(); i++) {
                assertThat(steps.get(i))
                        .isEqualTo(store.funnelSteps(CAMPAIGN, exported.get(i).phone()));
            }
            assertThat(steps.get(1)).extracting(FunnelStep::step).containsExactly("greeting", "menu");
        }
    }

    private void assertSameRecipients() {
        for (JdbcCampaignStore other : List.of(h2, h2RowByRow)) {
            assertThat(postgres.findRecipients(CAMPAIGN, -1, 1_000))
                    .isEqualTo(other.findRecipients(CAMPAIGN, -1, 1_000));
            assertThat(postgres.counts(CAMPAIGN)).isEqualTo(other.counts(CAMPAIGN));
        }
    }
}
