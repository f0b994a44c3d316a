package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.contact.PhoneNumber;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The zones of a number's country, from ICU's data: one for Japan, several for Mexico, Spain and the US. */
class CountryTimeZonesTest {

    private final CountryTimeZones zones = CountryTimeZones.ofDefaults();

    @Test
    void aCountryWithOneZoneGivesIt() {
        assertThat(zones.zonesOf(PhoneNumber.parse("+81312345678"))).containsExactly(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void aCountryWithSeveralZonesGivesThemAllSorted() {
        assertThat(zones.zonesOf(PhoneNumber.parse("+34911234567")))
                .contains(ZoneId.of("Europe/Madrid"), ZoneId.of("Atlantic/Canary"))
                .isSortedAccordingTo((a, b) -> a.getId().compareTo(b.getId()));
        assertThat(zones.zonesOf(PhoneNumber.parse("+525510000001")))
                .contains(ZoneId.of("America/Mexico_City"), ZoneId.of("America/Tijuana"), ZoneId.of("America/Cancun"));
        assertThat(zones.zonesOf(PhoneNumber.parse("+12125550123")))
                .contains(
                        ZoneId.of("America/New_York"),
                        ZoneId.of("America/Chicago"),
                        ZoneId.of("America/Los_Angeles"),
                        ZoneId.of("Pacific/Honolulu"))
                .doesNotHaveDuplicates();
    }

    @Test
    void aNumberOfNoCountryGivesNone() {
        assertThat(zones.zonesOf(PhoneNumber.parse("+80012345678"))).isEmpty();
        assertThat(zones.zonesOfRegion("ZZ")).isEmpty();
        assertThat(zones.zonesOfRegion("001")).isEmpty();
    }
}
