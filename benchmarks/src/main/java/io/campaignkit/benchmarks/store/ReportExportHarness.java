package io.campaignkit.benchmarks.store;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.GeneratedContacts;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.RecipientReport;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.report.CampaignReport;
import io.campaignkit.report.ReportFormat;
import io.campaignkit.report.ReportRow;
import io.campaignkit.report.ReportSummary;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A report's read of a large campaign (issue 20): {@code recipients} stored (one in ten with two funnel
 * steps, written in batches), then read as the CLI's {@code report} reads them: by {@code exportRecipients}
 * alone (a callback that counts), then as the CLI's CSV report written to a null stream, and, for the first
 * {@code sample} recipients, the old way (a page of recipients, then one funnel-step query per recipient),
 * extrapolated. Prints the times and the heap after a full GC every 200,000 rows.
 *
 * <pre>{@code
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.ReportExportHarness 1000000 20000
 * }</pre>
 */
public final class ReportExportHarness {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private ReportExportHarness() {}

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        StoreDatabases.Kind kind = StoreDatabases.Kind.valueOf(args.length > 2 ? args[2] : "POSTGRESQL");
        try (StoreDatabases databases = StoreDatabases.start(kind)) {
            JdbcCampaignStore store = databases.freshStore();
            store.save(
                    Campaign.create(
                            BenchmarkCampaign.ID,
                            "tenant",
                            "project",
                            CampaignKind.LIVE,
                            BenchmarkCampaign.configuration(),
                            START),
                    java.util.OptionalLong.empty());
            long loadStart = System.nanoTime();
            Iterator<Contact> contacts = GeneratedContacts.contacts(recipients);
            List<NewRecipient> batch = new ArrayList<>(5_000);
            try (Connection connection = databases.dataSource().getConnection();
                    PreparedStatement steps = connection.prepareStatement("INSERT INTO ck_funnel_step"
                            + " (campaign_id, phone, step, reached_at, tenant_id) VALUES (?, ?, ?, ?, 'tenant')")) {
                // the steps are written straight in batches: the store records one step per call (a
                // transaction each), which made seeding a million recipients take longer than the export
                int stored = 0;
                while (contacts.hasNext()) {
                    Contact contact = contacts.next();
                    batch.add(NewRecipient.pending(contact, START));
                    if (stored++ % 10 == 0) {
                        addStep(steps, contact, "greeting", START);
                        addStep(steps, contact, "menu", START.plusSeconds(1));
                    }
                    if (batch.size() == 5_000 || !contacts.hasNext()) {
                        store.insertRecipients(BenchmarkCampaign.ID, batch, START);
                        batch.clear();
                        steps.executeBatch();
                    }
                }
            }
            System.out.printf(
                    "%s: stored %,d recipients in %.1f s%n", kind, recipients, (System.nanoTime() - loadStart) / 1e9);
            try (Connection connection = databases.dataSource().getConnection();
                    Statement analyze = connection.createStatement()) {
                // what autovacuum would have done by the time anyone reports on a campaign this size
                analyze.execute("ANALYZE");
            }

            exportOnly(store);
            csvReport(store);

            long oldStart = System.nanoTime();
            long after = -1;
            int read = 0;
            while (read < sample) {
                List<Recipient> page = store.findRecipients(BenchmarkCampaign.ID, after, 500);
                if (page.isEmpty()) {
                    break;
                }
                for (Recipient recipient : page) {
                    store.funnelSteps(recipient.campaignId(), recipient.phone());
                }
                read += page.size();
                after = page.get(page.size() - 1).sequence();
            }
            double oldSeconds = (System.nanoTime() - oldStart) / 1e9;
            System.out.printf(
                    "page + funnelSteps per recipient: %,d recipients in %.1f s (%,.0f/s): %,.0f s for %,d extrapolated%n",
                    read, oldSeconds, read / oldSeconds, oldSeconds * recipients / read, recipients);
        }
    }

    private static void addStep(PreparedStatement steps, Contact contact, String step, Instant at) throws SQLException {
        steps.setString(1, BenchmarkCampaign.ID.value());
        steps.setString(2, contact.phone().e164());
        steps.setString(3, step);
        steps.setLong(4, at.getEpochSecond() * 1_000_000_000L + at.getNano());
        steps.addBatch();
    }

    /** The store's export alone: every recipient and its steps handed to a callback that counts them. */
    private static void exportOnly(JdbcCampaignStore store) {
        long start = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        AtomicLong steps = new AtomicLong();
        HeapWatch heap = new HeapWatch();
        store.exportRecipients(BenchmarkCampaign.ID, (recipient, itsSteps) -> {
            steps.addAndGet(itsSteps.size());
            heap.sample(rows.incrementAndGet());
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "exportRecipients: %,d recipients, %,d funnel steps in %.1f s (%,.0f/s); max heap after GC %,d KB%n",
                rows.get(), steps.get(), seconds, rows.get() / seconds, heap.maxKilobytes());
    }

    /**
     * The CLI's {@code report} as CSV, written to a null stream: the report built as the CLI's
     * {@code StoreReports} builds it (summary from the counters, one row per recipient from the export),
     * then written by {@link ReportFormat#CSV}, so the figure is the report's, not only the store's.
     */
    private static void csvReport(JdbcCampaignStore store) throws IOException {
        Campaign campaign = store.find(BenchmarkCampaign.ID).orElseThrow();
        long start = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        HeapWatch heap = new HeapWatch();
        CampaignReport report = new CampaignReport(
                ReportSummary.of(
                        CampaignMetrics.of(
                                campaign.id(), store.counts(campaign.id()), store.funnelCounts(campaign.id())),
                        campaign,
                        Optional.of(START)),
                campaign.configuration().schema().fields().stream()
                        .map(FieldDefinition::id)
                        .toList(),
                action -> store.exportRecipients(campaign.id(), (recipient, steps) -> {
                    action.accept(ReportRow.of(RecipientReport.of(campaign, recipient, steps)));
                    heap.sample(rows.incrementAndGet());
                }));
        CountingWriter out = new CountingWriter();
        try (Writer buffered = new BufferedWriter(out)) {
            ReportFormat.CSV.write(report, buffered);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "CSV report: %,d recipients, %,d characters in %.1f s (%,.0f/s); max heap after GC %,d KB%n",
                rows.get(), out.characters, seconds, rows.get() / seconds, heap.maxKilobytes());
    }

    /** The heap after a full GC every 200,000 rows: flat if the export holds no more than a fetch. */
    private static final class HeapWatch {
        private long max;

        void sample(long row) {
            if (row % 200_000 == 0) {
                System.gc();
                max = Math.max(
                        max,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        }

        long maxKilobytes() {
            return max / 1024;
        }
    }

    /** Counts what a report writes and drops it. */
    private static final class CountingWriter extends Writer {
        private long characters;

        @Override
        public void write(char[] buffer, int offset, int length) {
            characters += length;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
