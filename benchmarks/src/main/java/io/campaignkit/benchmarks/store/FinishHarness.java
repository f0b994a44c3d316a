package io.campaignkit.benchmarks.store;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.ZonedCampaign;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.testkit.time.ManualClock;

/**
 * By hand: how long finishing a campaign takes when none of its recipients was sent yet, so the finish skips
 * them all (the store's {@code skipPending}, a batch at a time). The campaign is {@link ZonedCampaign}'s: zones
 * {@code off} (hours in their own zone), {@code 1} or {@code 20} (local hours).
 *
 * <pre>{@code
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.store.FinishHarness H2 100000 20
 * }</pre>
 */
public final class FinishHarness {

    private FinishHarness() {}

    public static void main(String[] args) throws Exception {
        StoreDatabases.Kind kind = StoreDatabases.Kind.valueOf(args.length > 0 ? args[0] : "H2");
        int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String zones = args.length > 2 ? args[2] : "off";
        try (StoreDatabases databases = StoreDatabases.start(kind)) {
            ManualClock clock = ManualClock.startingAt(ZonedCampaign.START);
            CampaignEngine engine =
                    ZonedCampaign.engine(CampaignStorage.of(databases.freshStore()), clock, new InstantChannel(clock));
            engine.create(
                    BenchmarkCampaign.ID, "tenant", "project", CampaignKind.LIVE, ZonedCampaign.configuration(zones));
            engine.launch(
                    BenchmarkCampaign.ID,
                    LaunchRequest.importedContacts(() -> ZonedCampaign.contacts(recipients, zones)));
            long start = System.nanoTime();
            engine.finish(BenchmarkCampaign.ID);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%s: finished a campaign of %,d pending recipients (zones %s) in %.2f s; skipped %s%n",
                    kind,
                    recipients,
                    zones,
                    seconds,
                    engine.metrics(BenchmarkCampaign.ID).skippedByReason());
        }
    }
}
