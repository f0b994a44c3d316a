package io.campaignkit.benchmarks.store;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * By hand: how long {@code counts()} takes on one campaign of {@code recipients} (default 1,000,000)
 * whose recipients are in a mix of states (1% skipped, 100,000 claimed of which most sent, some failed),
 * after {@code ANALYZE}. Prints the median, fastest and slowest of {@code rounds} timed calls after a
 * few untimed ones. A one-shot latency, not a throughput, hence a plain harness rather than JMH:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.StoreCountsHarness POSTGRESQL 1000000 20
 * }</pre>
 */
public final class StoreCountsHarness {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final int INSERT_BATCH = 1_000;
    private static final int CLAIMED = 100_000;
    private static final int CLAIM_BATCH = 1_000;
    private static final int WARM_UP = 3;

    private StoreCountsHarness() {}

    public static void main(String[] args) throws Exception {
        StoreDatabases.Kind kind = StoreDatabases.Kind.valueOf(args.length > 0 ? args[0] : "POSTGRESQL");
        int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (StoreDatabases databases = StoreDatabases.start(kind)) {
            JdbcCampaignStore store = databases.freshStore();
            Campaign campaign = Campaign.create(
                    CampaignId.of("counts"),
                    "bench",
                    "bench",
                    CampaignKind.LIVE,
                    BenchmarkCampaign.configuration(),
                    NOW);
            store.insert(campaign);
            long loadStart = System.nanoTime();
            fill(store, campaign.id(), recipients);
            System.out.printf(
                    "%s: %,d recipients loaded in %.1f s%n", kind, recipients, (System.nanoTime() - loadStart) / 1e9);
            try (Connection connection = store.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(kind == StoreDatabases.Kind.POSTGRESQL ? "VACUUM ANALYZE" : "ANALYZE");
            }
            RecipientCounts counts = null;
            for (int i = 0; i < WARM_UP; i++) {
                counts = store.counts(campaign.id());
            }
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                counts = store.counts(campaign.id());
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "%s counts() of %,d recipients: median %.3f ms, fastest %.3f ms, slowest %.3f ms (%d calls)%n",
                    kind, recipients, nanos[rounds / 2] / 1e6, nanos[0] / 1e6, nanos[rounds - 1] / 1e6, rounds);
            System.out.println(counts);
        }
    }

    private static void fill(JdbcCampaignStore store, CampaignId id, int recipients) {
        StatusReason optedOut = StatusReason.of("OPTED_OUT", "opted out", true);
        for (int from = 0; from < recipients; from += INSERT_BATCH) {
            List<NewRecipient> batch = new ArrayList<>(INSERT_BATCH);
            for (int i = from; i < Math.min(recipients, from + INSERT_BATCH); i++) {
                Contact contact = Contact.builder(PhoneNumber.parse(String.format("+5255%08d", i)))
                        .build();
                batch.add(
                        i % 100 == 99
                                ? NewRecipient.skipped(contact, NOW, optedOut)
                                : NewRecipient.pending(contact, NOW));
            }
            store.insertRecipients(id, batch, NOW);
        }
        Lease lease = new Lease("harness", NOW.plusSeconds(3_600));
        for (int claimed = 0; claimed < Math.min(CLAIMED, recipients); claimed += CLAIM_BATCH) {
            List<RecipientUpdate> outcomes = new ArrayList<>();
            for (Recipient r : store.claimForSending(id, lease, CLAIM_BATCH, NOW)) {
                outcomes.add(
                        r.sequence() % 20 == 7
                                ? new RecipientUpdate.Failed(
                                        r.key(), lease, StatusReason.of("E" + r.sequence() % 3, "failed", true), NOW)
                                : new RecipientUpdate.Accepted(r.key(), lease, "wamid.counts." + r.sequence(), NOW));
            }
            if (!outcomes.isEmpty()) {
                store.apply(outcomes);
            }
        }
    }
}
