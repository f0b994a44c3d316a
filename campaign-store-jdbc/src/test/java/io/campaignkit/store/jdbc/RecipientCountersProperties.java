package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Whatever sequence of inserts, claims, recoveries, renewals, updates of every kind (with held and
 * stale leases, batches spanning two campaigns, one recipient updated twice in a batch) and skips runs
 * on two campaigns, {@code counts()} (the counter rows) equals a {@code GROUP BY} over the recipients
 * after every step; deleting a campaign deletes its counters and leaves the other campaign's alone.
 */
class RecipientCountersProperties {

    private static final int CONTACTS = 30;
    private static final List<String> CODES = List.of("E1", "E2", "OPTED_OUT");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final AtomicInteger CAMPAIGNS = new AtomicInteger();

    private static JdbcConnectionPool pool;
    private static JdbcCampaignStore store;

    private static synchronized JdbcCampaignStore store() {
        if (store == null) {
            pool = H2Databases.fresh();
            store = JdbcCampaignStore.builder().dataSource(pool).build();
        }
        return store;
    }

    @AfterContainer
    static synchronized void dropDatabase() throws SQLException {
        if (pool != null) {
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            pool.dispose();
            pool = null;
            store = null;
        }
    }

    /** One operation on the store; {@code second} picks the second campaign. */
    sealed interface Step {}

    record Insert(boolean second, int from, int count, boolean skipped, int code) implements Step {}

    record Claim(boolean second, int limit, int owner) implements Step {}

    record Recover(boolean second, int limit, int owner) implements Step {}

    record Renew(boolean second, int owner) implements Step {}

    record Apply(List<Change> changes) implements Step {}

    record SkipPending(boolean second, int limit, int code) implements Step {}

    record Wait(int seconds) implements Step {}

    /** One update of a batch: {@code kind} picks its type, {@code heldLease} whether it carries the row's lease. */
    record Change(boolean second, int contact, int kind, boolean heldLease, int code) {}

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE) // random sequences; edge cases are tiny lists
    void countersEqualAGroupByAfterEveryStep(@ForAll("steps") List<Step> steps) throws SQLException {
        JdbcCampaignStore store = store();
        int number = CAMPAIGNS.incrementAndGet();
        Campaign first = RecipientCountChecks.readyCampaign("counters-a-" + number, "acme");
        Campaign second = RecipientCountChecks.readyCampaign("counters-b-" + number, "acme");
        store.insert(first);
        store.insert(second);
        Instant now = RecipientCountChecks.START;
        for (Step step : steps) {
            now = run(store, step, now, first.id(), second.id());
            assertThat(store.counts(first.id()))
                    .as("after %s", step)
                    .isEqualTo(RecipientCountChecks.groupBy(pool, first.id()));
            assertThat(store.counts(second.id()))
                    .as("after %s", step)
                    .isEqualTo(RecipientCountChecks.groupBy(pool, second.id()));
        }

        RecipientCounts secondBefore = store.counts(second.id());
        store.delete(first);
        assertThat(RecipientCountChecks.counterRows(pool, first.id())).isZero();
        assertThat(store.counts(first.id())).isEqualTo(RecipientCounts.empty());
        assertThat(store.counts(second.id())).isEqualTo(secondBefore);
    }

    private static Instant run(JdbcCampaignStore store, Step step, Instant now, CampaignId first, CampaignId second) {
        if (step instanceof Insert insert) {
            List<NewRecipient> batch = new ArrayList<>();
            for (int i = insert.from(); i < insert.from() + insert.count(); i++) {
                int contact = i % CONTACTS;
                batch.add(
                        insert.skipped() && contact % 2 == 0
                                ? NewRecipient.skipped(
                                        RecipientCountChecks.contact(contact), now, reason(insert.code()))
                                : NewRecipient.pending(RecipientCountChecks.contact(contact), now));
            }
            store.insertRecipients(pick(insert.second(), first, second), batch, now);
        } else if (step instanceof Claim claim) {
            store.claimForSending(pick(claim.second(), first, second), lease(claim.owner(), now), claim.limit(), now);
        } else if (step instanceof Recover recover) {
            store.claimExpiredSending(
                    pick(recover.second(), first, second), lease(recover.owner(), now), recover.limit(), now);
        } else if (step instanceof Renew renew) {
            CampaignId campaign = pick(renew.second(), first, second);
            for (Recipient recipient : store.findRecipients(campaign, -1, CONTACTS)) {
                Optional<Lease> held =
                        recipient.lease().filter(lease -> lease.owner().equals("node-" + renew.owner()));
                if (held.isPresent()) {
                    store.renewLease(campaign, held.get(), lease(renew.owner(), now));
                    break;
                }
            }
        } else if (step instanceof Apply apply) {
            List<RecipientUpdate> updates = new ArrayList<>();
            for (Change change : apply.changes()) {
                RecipientKey key = new RecipientKey(
                        pick(change.second(), first, second),
                        RecipientCountChecks.contact(change.contact()).phone());
                Lease lease = store.findRecipient(key)
                        .flatMap(Recipient::lease)
                        .filter(held -> change.heldLease())
                        .orElse(new Lease("stale", now.plus(LEASE)));
                updates.add(update(change, key, lease, now));
            }
            store.apply(updates);
        } else if (step instanceof SkipPending skip) {
            store.skipPending(pick(skip.second(), first, second), reason(skip.code()), skip.limit(), now);
        } else if (step instanceof Wait wait) {
            return now.plusSeconds(wait.seconds());
        }
        return now.plusMillis(1);
    }

    private static RecipientUpdate update(Change change, RecipientKey key, Lease lease, Instant now) {
        StatusReason reason = reason(change.code());
        return switch (change.kind()) {
            case 0 ->
                new RecipientUpdate.Accepted(key, lease, "wamid." + key.phone().e164() + now.toEpochMilli(), now);
            case 1 -> new RecipientUpdate.Failed(key, lease, reason, now);
            case 2 -> new RecipientUpdate.Unknown(key, lease, reason, now);
            case 3 -> new RecipientUpdate.RetryLater(key, lease, now.plusSeconds(5), reason, now);
            case 4 -> new RecipientUpdate.Unclaimed(key, lease, now, now);
            case 5 ->
                new RecipientUpdate.Skipped(
                        key, change.heldLease() ? Optional.of(lease) : Optional.empty(), reason, now);
            case 6 -> new RecipientUpdate.StatusReached(key, DeliveryState.SENT, Optional.empty(), now);
            case 7 -> new RecipientUpdate.StatusReached(key, DeliveryState.DELIVERED, Optional.empty(), now);
            case 8 -> new RecipientUpdate.StatusReached(key, DeliveryState.READ, Optional.empty(), now);
            case 9 -> new RecipientUpdate.StatusReached(key, DeliveryState.REPLIED, Optional.empty(), now);
            default -> new RecipientUpdate.StatusReached(key, DeliveryState.FAILED, Optional.of(reason), now);
        };
    }

    private static CampaignId pick(boolean second, CampaignId first, CampaignId other) {
        return second ? other : first;
    }

    private static Lease lease(int owner, Instant now) {
        return new Lease("node-" + owner, now.plus(LEASE));
    }

    private static StatusReason reason(int code) {
        return StatusReason.of(CODES.get(code), "reason " + CODES.get(code), true);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Boolean> second = Arbitraries.of(false, false, true);
        Arbitrary<Integer> contact = Arbitraries.integers().between(0, CONTACTS - 1);
        Arbitrary<Integer> code = Arbitraries.integers().between(0, CODES.size() - 1);
        Arbitrary<Integer> limit = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> owner = Arbitraries.integers().between(0, 1);
        Arbitrary<Change> change = Combinators.combine(
                        second, contact, Arbitraries.integers().between(0, 10), Arbitraries.of(true, true, false), code)
                .as(Change::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Combinators.combine(
                                        second,
                                        contact,
                                        Arbitraries.integers().between(1, 12),
                                        Arbitraries.of(false, true),
                                        code)
                                .as(Insert::new)),
                Tuple.of(4, Combinators.combine(second, limit, owner).as(Claim::new)),
                Tuple.of(2, Combinators.combine(second, limit, owner).as(Recover::new)),
                Tuple.of(1, Combinators.combine(second, owner).as(Renew::new)),
                Tuple.of(6, change.list().ofMinSize(1).ofMaxSize(8).map(Apply::new)),
                Tuple.of(1, Combinators.combine(second, limit, code).as(SkipPending::new)),
                Tuple.of(1, Arbitraries.integers().between(1, 60).map(Wait::new)));
        return step.list().ofMinSize(1).ofMaxSize(30);
    }
}
