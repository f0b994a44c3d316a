package io.campaignkit.testkit.engine;

import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.contact.PhoneTimeZones;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The zones of the local-hours tests' numbers, by prefix, as a prefix-level mapper would give them:
 * Mexico City's 55, Madrid's 91, Tokyo's 3, a US area code split between Central and Mountain time,
 * London and Sydney. (campaign-import's {@code CountryTimeZones} gives whole countries' zones; it has
 * its own tests and runs in the command line's.)
 */
final class TestZones {

    private static final Map<String, List<ZoneId>> BY_PREFIX = new LinkedHashMap<>();

    static {
        BY_PREFIX.put("+5255", List.of(ZoneId.of("America/Mexico_City")));
        BY_PREFIX.put("+3491", List.of(ZoneId.of("Europe/Madrid")));
        BY_PREFIX.put("+813", List.of(ZoneId.of("Asia/Tokyo")));
        BY_PREFIX.put("+1605", List.of(ZoneId.of("America/Chicago"), ZoneId.of("America/Denver")));
        BY_PREFIX.put("+1212", List.of(ZoneId.of("America/New_York")));
        BY_PREFIX.put("+4420", List.of(ZoneId.of("Europe/London")));
        BY_PREFIX.put("+612", List.of(ZoneId.of("Australia/Sydney")));
    }

    /** The mapper the tests give their engines. */
    static final PhoneTimeZones MAPPER = phone -> zonesOf(phone);

    private TestZones() {}

    static List<ZoneId> zonesOf(PhoneNumber phone) {
        for (Map.Entry<String, List<ZoneId>> prefix : BY_PREFIX.entrySet()) {
            if (phone.e164().startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return List.of();
    }
}
