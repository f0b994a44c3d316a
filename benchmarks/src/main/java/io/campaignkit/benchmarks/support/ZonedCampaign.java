package io.campaignkit.benchmarks.support;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.importer.CountryTimeZones;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The local-hours campaign the zone benchmarks launch (issue 17, item 3): {@link BenchmarkCampaign}'s
 * campaign with active hours of 08:00-21:00 every day, read in the hours' own zone ({@code off}) or on
 * each recipient's clock, every recipient in one zone ({@code "1"}: UTC) or spread evenly over twenty
 * zones around the world ({@code "20"}: round robin, as a mixed audience comes), each contact's zone in a
 * custom-data field. {@code "20-by-zone"} is the same twenty zones with the audience sorted by zone (a
 * twentieth of the file per zone): the zones' work is the same as {@code "20"}'s, only the order the
 * recipients were added in (and so, in the in-memory store, where they lie in memory) differs.
 */
public final class ZonedCampaign {

    /** Monday 09:00 UTC: the single zone (UTC) is open. */
    public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

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

    private ZonedCampaign() {}

    /** The campaign's configuration for {@code zones}: {@code off}, {@code 1} or {@code 20}. */
    public static CampaignConfiguration configuration(String zones) {
        CampaignConfiguration.Builder configuration = BenchmarkCampaign.configuration().toBuilder()
                .activeHours(DAILY)
                .schema(CustomDataSchema.custom()
                        .optional(ZONE_FIELD, FieldType.TEXT)
                        .build());
        if (!zones.equals("off")) {
            configuration.localHours(LocalHours.fromField(ZONE_FIELD));
        }
        return configuration.build();
    }

    /** {@link GeneratedContacts}' numbers, each with its zone in the zone field, spread over the zones of {@code zones}. */
    public static Iterator<Contact> contacts(int count, String zones) {
        List<String> spread = zones.startsWith("20") ? TWENTY_ZONES : List.of("UTC");
        boolean byZone = zones.equals("20-by-zone");
        List<CustomData> data = spread.stream()
                .map(zone -> CustomData.of(Map.<String, FieldValue>of(ZONE_FIELD, new FieldValue.Text(zone))))
                .toList();
        return GeneratedContacts.contacts(
                count, index -> data.get(byZone ? (int) ((long) index * data.size() / count) : index % data.size()));
    }

    /** The engine both zone benchmarks run: an instant channel, batches and a sender burst of 1,000. */
    public static CampaignEngine engine(CampaignStorage storage, ManualClock clock, InstantChannel channel) {
        return CampaignEngine.builder()
                .botFlows(SilentBot.REGISTRY)
                .storage(storage)
                .channel(channel)
                .clock(clock)
                .ownerId("benchmark")
                .maxInFlight(10_000)
                .batchSize(1000)
                .senderBurst(1000)
                .phoneTimeZones(CountryTimeZones.ofDefaults())
                .build();
    }
}
