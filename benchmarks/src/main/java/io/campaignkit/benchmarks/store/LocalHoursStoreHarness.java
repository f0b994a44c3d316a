package io.campaignkit.benchmarks.store;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.ZonedCampaign;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.testkit.time.ManualClock;
import java.util.ArrayList;
import java.util.List;

/**
 * By hand: {@code LocalHoursDispatchBenchmark}'s campaign on the JDBC store (issue 17, item 3): one zone
 * and twenty zones (or the {@link ZonedCampaign} zone sets named, comma-separated, in a fourth argument),
 * alternating for {@code rounds} rounds, each on an empty schema; prints each dispatch's rate (the
 * launch's too, untimed in the ratio) and each median over the first set's (the target for twenty zones
 * over one: at most 1.2).
 *
 * <pre>{@code
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.LocalHoursStoreHarness POSTGRESQL 1000000 2
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.LocalHoursStoreHarness H2 300000 2 1,20,20-by-zone
 * }</pre>
 */
public final class LocalHoursStoreHarness {

    private LocalHoursStoreHarness() {}

    public static void main(String[] args) throws Exception {
        StoreDatabases.Kind kind = StoreDatabases.Kind.valueOf(args.length > 0 ? args[0] : "POSTGRESQL");
        int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        // the campaigns to alternate (ZonedCampaign's names), the first the one the others are compared with
        String[] zones = (args.length > 3 ? args[3] : "1,20").split(",");
        List<List<Double>> seconds = new ArrayList<>();
        for (int z = 0; z < zones.length; z++) {
            seconds.add(new ArrayList<>());
        }
        try (StoreDatabases databases = StoreDatabases.start(kind)) {
            System.out.printf("%s (%s), %,d recipients, %d rounds%n", kind, databases.durability(), recipients, rounds);
            for (int round = 1; round <= rounds; round++) {
                for (int z = 0; z < zones.length; z++) {
                    seconds.get(z).add(dispatch(databases, recipients, zones[z], round));
                }
            }
        }
        double first = median(seconds.get(0));
        for (int z = 0; z < zones.length; z++) {
            double median = median(seconds.get(z));
            System.out.printf(
                    "%s median, %s: %.1f s (%,.0f/s), %.2f times %s's%n",
                    kind, zones[z], median, recipients / median, median / first, zones[0]);
        }
    }

    /** Launches the campaign on an empty schema and dispatches it to the end; the dispatch's seconds. */
    private static double dispatch(StoreDatabases databases, int recipients, String zones, int round) throws Exception {
        ManualClock clock = ManualClock.startingAt(ZonedCampaign.START);
        InstantChannel channel = new InstantChannel(clock);
        CampaignEngine engine = ZonedCampaign.engine(
                io.campaignkit.core.port.CampaignStorage.of(databases.freshStore()), clock, channel);
        engine.create(BenchmarkCampaign.ID, "tenant", "project", CampaignKind.LIVE, ZonedCampaign.configuration(zones));
        long launchStart = System.nanoTime();
        engine.launch(
                BenchmarkCampaign.ID, LaunchRequest.importedContacts(() -> ZonedCampaign.contacts(recipients, zones)));
        double launch = (System.nanoTime() - launchStart) / 1e9;
        long start = System.nanoTime();
        BenchmarkCampaign.runToTheEnd(engine, clock);
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchmarkCampaign.checkEveryoneSent(engine, channel, recipients);
        System.out.printf(
                "round %d, %2s zone(s): launch %.1f s (%,.0f/s), dispatch %.1f s (%,.0f/s), simulated %s%n",
                round,
                zones,
                launch,
                recipients / launch,
                seconds,
                recipients / seconds,
                java.time.Duration.between(ZonedCampaign.START, clock.instant()));
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
