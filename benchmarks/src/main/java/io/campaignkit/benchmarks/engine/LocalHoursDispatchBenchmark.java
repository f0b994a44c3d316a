package io.campaignkit.benchmarks.engine;

import io.campaignkit.benchmarks.support.BenchmarkCampaign;
import io.campaignkit.benchmarks.support.InstantChannel;
import io.campaignkit.benchmarks.support.SilentBot;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dispatch with local hours on (issue 17, item 3): {@link EngineDispatchBenchmark}'s campaign of
 * {@code recipients} on the in-memory store and an instant channel, with active hours of 08:00-21:00
 * every day, read in the hours' own zone ({@code zones=off}), or on each recipient's clock with every
 * recipient in one zone ({@code 1}) or spread evenly over twenty zones around the world ({@code 20}),
 * each contact's zone in a custom-data field. The target: {@code 20} within 20% of {@code 1}.
 *
 * <p>Time is simulated as in {@link EngineDispatchBenchmark}: the clock jumps a second after each run
 * of the engine, or to the next wake-up (a zone's window opening), so twenty zones take a simulated day
 * and one zone a quarter of an hour; the score is the wall time of the whole campaign, so recipients
 * per second = {@code recipients / score}. Every invocation is checked to have sent to everyone.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LocalHoursDispatch}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Thread)
public class LocalHoursDispatchBenchmark {

    /** Monday 09:00 UTC: the single zone (UTC) is open. */
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private static final ActiveHours DAILY = ActiveHours.parse("MON-SUN 08:00-21:00", ZoneOffset.UTC);
    private static final String ZONE_FIELD = "ZONA";
    private static final List<String> TWENTY_ZONES = List.of(
            "Pacific/Honolulu",
            "America/Anchorage",
            "America/Los_Angeles",
            "America/Denver",
            "America/Mexico_City",
            "America/New_York",
            "America/Sao_Paulo",
            "Atlantic/Azores",
            "Europe/London",
            "Europe/Madrid",
            "Europe/Athens",
            "Europe/Moscow",
            "Asia/Dubai",
            "Asia/Karachi",
            "Asia/Kolkata",
            "Asia/Dhaka",
            "Asia/Bangkok",
            "Asia/Shanghai",
            "Asia/Tokyo",
            "Australia/Sydney");

    @Param({"1000000"})
    int recipients;

    /** {@code off}: hours in their zone; {@code 1} or {@code 20}: local hours over that many zones. */
    @Param({"off", "1", "20"})
    String zones;

    ManualClock clock;
    InMemoryCampaignStore store;
    InstantChannel channel;
    CampaignEngine engine;

    @Setup(Level.Invocation)
    public void launch() {
        clock = ManualClock.startingAt(START);
        store = new InMemoryCampaignStore();
        channel = new InstantChannel(clock);
        engine = CampaignEngine.builder()
                .botFlows(SilentBot.REGISTRY)
                .store(store)
                .channel(channel)
                .clock(clock)
                .ownerId("benchmark")
                .maxInFlight(10_000)
                .batchSize(1000)
                .senderBurst(1000)
                .phoneTimeZones(io.campaignkit.importer.CountryTimeZones.ofDefaults())
                .build();
        CampaignConfiguration.Builder configuration = BenchmarkCampaign.configuration().toBuilder()
                .activeHours(DAILY)
                .schema(io.campaignkit.core.data.CustomDataSchema.custom()
                        .optional(ZONE_FIELD, io.campaignkit.core.data.FieldType.TEXT)
                        .build());
        List<String> spread = zones.equals("20") ? TWENTY_ZONES : List.of("UTC");
        if (!zones.equals("off")) {
            configuration.localHours(LocalHours.fromField(ZONE_FIELD));
        }
        engine.create(BenchmarkCampaign.ID, "tenant", "project", CampaignKind.LIVE, configuration.build());
        engine.launch(BenchmarkCampaign.ID, LaunchRequest.importedContacts(() -> contacts(recipients, spread)));
        // the launch leaves gigabytes of garbage (a million numbers parsed): collected here, not in the timed run
        System.gc();
    }

    @Benchmark
    public long dispatchAll() {
        BenchmarkCampaign.runToTheEnd(engine, clock);
        return channel.sent();
    }

    @TearDown(Level.Invocation)
    public void check() {
        BenchmarkCampaign.checkEveryoneSent(engine, channel, recipients);
    }

    /** Distinct Mexican numbers, each with its zone in the zone field, round robin over {@code spread}. */
    private static Iterator<Contact> contacts(int count, List<String> spread) {
        List<CustomData> data = spread.stream()
                .map(zone -> CustomData.of(Map.<String, FieldValue>of(ZONE_FIELD, new FieldValue.Text(zone))))
                .toList();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Contact next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                int index = next++;
                return Contact.builder(PhoneNumber.parse("+5255" + (10_000_000 + index)))
                        .name("C" + index)
                        .build()
                        .withCustomData(data.get(index % data.size()));
            }
        };
    }
}
