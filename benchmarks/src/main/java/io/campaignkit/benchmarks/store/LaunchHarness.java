package io.campaignkit.benchmarks.store;

import io.campaignkit.benchmarks.support.GeneratedContacts;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.SilentBot;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * By hand (issue 20, launch): campaigns of {@code recipients} launched one after the other by one engine on
 * the JDBC store, each on a sender of its own (so every contact is engaged and inserted PENDING), printing
 * recipients/s per round, their median, and the heap after a full GC at the end of each round:
 *
 * <pre>{@code
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.LaunchHarness POSTGRESQL 100000 5 1000
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.LaunchHarness POSTGRESQL 200000 3 1000 parsed
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.LaunchHarness POSTGRESQL 200000 3 1000 parsed overlap
 * }</pre>
 *
 * Arguments: the database ({@code POSTGRESQL} or {@code H2}), recipients per campaign, rounds (the first is
 * the warm-up, left out of the median), the engine's batch size (the launch's batch), and how contacts come:
 * {@code streamed} (the default) makes them and parses their phones as they are read, as an import streams
 * them, so the round's rate includes libphonenumber; {@code parsed} makes and parses them all before the
 * timer, so the rate is the engine's and the store's launch alone (the heap then holds the audience; the
 * heap printed before the launch shows how much); and {@code sequential} (the default) or {@code overlap}
 * ({@code CampaignEngineBuilder.overlapLaunchBatches}: the next batch admitted while the current one is stored).
 *
 * <p>On PostgreSQL each round after the warm-up also loads the same rows with nothing but {@code COPY} into the same tables
 * ({@link CopyFloor}), in the same batches and commits, and prints that floor's rate and the launch's ratio to
 * it. {@code -Dck.statements} loads {@code pg_stat_statements} and prints, at the end, the statements that
 * took the most time in the database; {@code -Dck.durable} runs the server with {@code fsync} and
 * {@code synchronous_commit} on (zonky turns both off; the harness prints the settings it ran with);
 * {@code -Dck.pglocale=C} makes the cluster with that locale (zonky's takes the environment's; the harness
 * prints the database's collation).
 */
public final class LaunchHarness {

    private LaunchHarness() {}

    public static void main(String[] args) throws Exception {
        StoreDatabases.Kind kind = StoreDatabases.Kind.valueOf(args.length > 0 ? args[0] : "POSTGRESQL");
        int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        boolean parsed = args.length > 4 && args[4].equals("parsed");
        if (args.length > 4 && !parsed && !args[4].equals("streamed")) {
            throw new IllegalArgumentException("contacts: streamed or parsed, not " + args[4]);
        }
        boolean overlap = args.length > 5 && args[5].equals("overlap");
        if (args.length > 5 && !overlap && !args[5].equals("sequential")) {
            throw new IllegalArgumentException("batches: sequential or overlap, not " + args[5]);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Double> rates = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        try (StoreDatabases databases = StoreDatabases.start(kind)) {
            JdbcCampaignStore store = databases.freshStore();
            System.out.printf(
                    "%s: %s; batches %s%n", kind, databases.durability(), overlap ? "overlapped" : "sequential");
            ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-05T09:00:00Z"));
            CampaignEngine engine = CampaignEngine.builder()
                    .botFlows(SilentBot.REGISTRY)
                    .storage(store.storage())
                    .channel(new InstantChannel(clock))
                    .clock(clock)
                    .ownerId("benchmark")
                    .batchSize(batchSize)
                    .overlapLaunchBatches(overlap)
                    .build();
            for (int round = 0; round < rounds; round++) {
                CampaignId id = CampaignId.of("launch-" + round);
                engine.create(id, "tenant", "project", CampaignKind.LIVE, configuration("sender-" + round));
                List<Contact> audience = parsed ? prepared(recipients) : List.of();
                Iterable<Contact> contacts = parsed ? audience : () -> GeneratedContacts.contacts(recipients);
                System.gc();
                long heapBefore = memory.getHeapMemoryUsage().getUsed() / 1024;
                long start = System.nanoTime();
                engine.launch(id, LaunchRequest.importedContacts(contacts));
                double seconds = (System.nanoTime() - start) / 1e9;
                long pending = engine.metrics(id).pending();
                if (pending != recipients) {
                    throw new IllegalStateException("round " + round + ": " + pending + " PENDING of " + recipients);
                }
                System.gc();
                double rate = recipients / seconds;
                if (round > 0) {
                    rates.add(rate);
                }
                System.out.printf(
                        "%s round %d: launched %,d in %.2f s: %,.0f recipients/s; heap after GC %,d KB (before %,d KB)%n",
                        kind,
                        round,
                        recipients,
                        seconds,
                        rate,
                        memory.getHeapMemoryUsage().getUsed() / 1024,
                        heapBefore);
                if (kind == StoreDatabases.Kind.POSTGRESQL && round > 0) { // the warm-up round has no floor
                    CampaignId floorId = CampaignId.of("floor-" + round);
                    engine.create(floorId, "tenant", "project", CampaignKind.LIVE, configuration("floor-" + round));
                    long floorStart = System.nanoTime();
                    CopyFloor.load(
                            databases.dataSource(),
                            floorId.value(),
                            "floor-" + round,
                            parsed ? audience.iterator() : GeneratedContacts.contacts(recipients),
                            batchSize);
                    double floorRate = recipients / ((System.nanoTime() - floorStart) / 1e9);
                    floors.add(floorRate);
                    System.out.printf(
                            "%s round %d: COPY floor (same rows, same batches) %,.0f rows/s; launch at %.2f of it%n",
                            kind, round, floorRate, rate / floorRate);
                }
            }
            if (System.getProperty("ck.statements") != null) {
                databases.printTopStatements(15);
            }
        }
        Collections.sort(rates);
        if (!rates.isEmpty()) {
            System.out.printf(
                    "%s median of rounds 1-%d: %,.0f recipients/s%n", kind, rates.size(), rates.get(rates.size() / 2));
        }
        Collections.sort(floors);
        if (!floors.isEmpty()) {
            System.out.printf(
                    "%s COPY floor median: %,.0f rows/s; launch median at %.2f of it%n",
                    kind, floors.get(floors.size() / 2), rates.get(rates.size() / 2) / floors.get(floors.size() / 2));
        }
    }

    /** Every contact made and its phone parsed, before the timer. */
    private static List<Contact> prepared(int recipients) {
        List<Contact> contacts = new ArrayList<>(recipients);
        GeneratedContacts.contacts(recipients).forEachRemaining(contacts::add);
        return contacts;
    }

    /** The benchmark campaign's settings on a sender of its own. */
    private static CampaignConfiguration configuration(String sender) {
        return CampaignConfiguration.custom()
                .name("launch")
                .botFlowId(SilentBot.ID)
                .channel(InstantChannel.ID, sender)
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("launch"))
                .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                .deliveryPlan(DeliveryPlan.custom()
                        .pace(Pace.perSecond(Pace.MAX_PER_SECOND).withBurst(Pace.MAX_PER_SECOND))
                        .build())
                .build();
    }
}
