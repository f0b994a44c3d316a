package io.campaignkit.importer;

import com.ibm.icu.util.TimeZone;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.contact.PhoneTimeZones;
import io.campaignkit.core.internal.Arguments;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zones of a phone number's country, for campaigns whose hours are read in each recipient's
 * local time ({@link io.campaignkit.core.hours.LocalHours}): the country libphonenumber reads in the
 * number, and the canonical zones ICU's time-zone data lists for it (Japan: {@code Asia/Tokyo}; Spain:
 * {@code Europe/Madrid}, {@code Africa/Ceuta} and {@code Atlantic/Canary}; the United States: every
 * zone from {@code America/New_York} to {@code Pacific/Honolulu}). A country with several zones gives
 * them all, and the engine then sends only while the hours are open in every one of them; a contact
 * whose zone is known more precisely carries it in the campaign's zone field. A number of no country
 * (non-geographic, {@code +800}) gives none: the engine reads it in the hours' own zone.
 *
 * <pre>{@code
 * CampaignEngine engine = CampaignEngine.builder().phoneTimeZones(CountryTimeZones.ofDefaults())...
 * }</pre>
 *
 * <p>Immutable and thread-safe; each country's zones are looked up once. Zones this JDK's time-zone
 * data does not know (newer than the JDK) are left out.
 */
public final class CountryTimeZones implements PhoneTimeZones {

    private static final CountryTimeZones DEFAULTS = new CountryTimeZones();

    private final Map<String, List<ZoneId>> byRegion = new ConcurrentHashMap<>();

    private CountryTimeZones() {}

    /** The shared instance. */
    public static CountryTimeZones ofDefaults() {
        return DEFAULTS;
    }

    @Override
    public List<ZoneId> zonesOf(PhoneNumber phone) {
        Arguments.requireNonNull(phone, "phone");
        return zonesOfRegion(phone.regionCode());
    }

    /** The canonical zones of an ISO 3166 region ({@code "MX"}); empty for an unknown one. */
    public List<ZoneId> zonesOfRegion(String region) {
        Arguments.requireNonBlank(region, "region");
        return byRegion.computeIfAbsent(region, CountryTimeZones::lookUp);
    }

    private static List<ZoneId> lookUp(String region) {
        if (!region.matches("[A-Z]{2}") || region.equals("ZZ")) {
            return List.of();
        }
        List<ZoneId> zones = new ArrayList<>();
        for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, region, null)) {
            try {
                zones.add(ZoneId.of(id));
            } catch (DateTimeException unknownToThisJdk) {
                // newer than this JDK's data: the other zones of the country still bound the window
            }
        }
        zones.sort((a, b) -> a.getId().compareTo(b.getId()));
        return List.copyOf(zones);
    }

    @Override
    public String toString() {
        return "CountryTimeZones";
    }
}
