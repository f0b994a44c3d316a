package io.campaignkit.benchmarks.store;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.GeneratedContacts;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A report's read of a large campaign (issue 20): {@code recipients} stored (one in ten with two funnel
 * steps), then read as the CLI's {@code report} reads them, once by {@code exportRecipients} (one
 * streamed query) and, for the first {@code sample} recipients, the old way (a page of recipients, then
 * one funnel-step query per recipient), extrapolated. Prints both times and the heap after a full GC.
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
            int stored = 0;
            while (contacts.hasNext()) {
                Contact contact = contacts.next();
                batch.add(NewRecipient.pending(contact, START));
                if (stored++ % 10 == 0) {
                    store.recordFunnelStep(new FunnelStep(BenchmarkCampaign.ID, contact.phone(), "greeting", START));
                    store.recordFunnelStep(
                            new FunnelStep(BenchmarkCampaign.ID, contact.phone(), "menu", START.plusSeconds(1)));
                }
                if (batch.size() == 5_000 || !contacts.hasNext()) {
                    store.insertRecipients(BenchmarkCampaign.ID, batch, START);
                    batch.clear();
                }
            }
            System.out.printf(
                    "%s: stored %,d recipients in %.1f s%n", kind, recipients, (System.nanoTime() - loadStart) / 1e9);

            long exportStart = System.nanoTime();
            AtomicLong rows = new AtomicLong();
            AtomicLong steps = new AtomicLong();
            long[] maxHeap = {0};
            store.exportRecipients(BenchmarkCampaign.ID, (recipient, itsSteps) -> {
                steps.addAndGet(itsSteps.size());
                if (rows.incrementAndGet() % 200_000 == 0) {
                    System.gc();
                    maxHeap[0] = Math.max(
                            maxHeap[0],
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed());
                }
            });
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            System.out.printf(
                    "exportRecipients: %,d recipients, %,d funnel steps in %.1f s (%,.0f/s); max heap after GC %,d KB%n",
                    rows.get(), steps.get(), exportSeconds, rows.get() / exportSeconds, maxHeap[0] / 1024);

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
}
