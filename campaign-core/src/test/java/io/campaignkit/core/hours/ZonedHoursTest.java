package io.campaignkit.core.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The campaign's hours on a recipient's wall clock, and the intersection rule of a number spanning zones. */
class ZonedHoursTest {

    private static final ActiveHours DAILY = ActiveHours.parse("MON-SUN 08:00-21:00", ZoneOffset.UTC);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void oneZoneReadsTheHoursOnThatWallClock() {
        ZonedHours tokyo = ZonedHours.of(DAILY, RecipientZone.of(TOKYO));
        // 2026-01-05T00:00Z is 09:00 in Tokyo: open there, closed in the hours' own zone (UTC)
        assertThat(tokyo.isOpenAt(Instant.parse("2026-01-05T00:00:00Z"))).isTrue();
        assertThat(DAILY.isOpenAt(Instant.parse("2026-01-05T00:00:00Z"))).isFalse();
        assertThat(tokyo.nextClosing(Instant.parse("2026-01-05T00:00:00Z")))
                .contains(Instant.parse("2026-01-05T12:00:00Z"));
        assertThat(tokyo.nextOpening(Instant.parse("2026-01-05T12:00:00Z")))
                .contains(Instant.parse("2026-01-05T23:00:00Z"));
    }

    @Test
    void aNumberSpanningZonesIsOpenOnlyWhileEveryOneOfThemIs() {
        ZonedHours split = ZonedHours.of(DAILY, new RecipientZone(List.of(CHICAGO, DENVER)));
        // January: Chicago UTC-6 opens 14:00Z, closes 03:00Z; Denver UTC-7 opens 15:00Z, closes 04:00Z
        assertThat(split.isOpenAt(Instant.parse("2026-01-05T14:30:00Z"))).isFalse(); // Chicago open, Denver not yet
        assertThat(split.nextOpening(Instant.parse("2026-01-05T12:00:00Z")))
                .contains(Instant.parse("2026-01-05T15:00:00Z"));
        assertThat(split.nextClosing(Instant.parse("2026-01-05T15:00:00Z")))
                .contains(Instant.parse("2026-01-06T03:00:00Z"));
        assertThat(split.isOpenAt(Instant.parse("2026-01-06T03:30:00Z"))).isFalse(); // Denver open, Chicago closed
        assertThat(split.nextOpening(Instant.parse("2026-01-06T03:30:00Z")))
                .contains(Instant.parse("2026-01-06T15:00:00Z"));
    }

    @Test
    void zonesWhoseHoursNeverOverlapNeverOpen() {
        ActiveHours shortMorning = ActiveHours.parse("MON-SUN 08:00-08:30", ZoneOffset.UTC);
        ZonedHours split = ZonedHours.of(shortMorning, new RecipientZone(List.of(CHICAGO, DENVER)));
        assertThat(split.nextOpening(Instant.parse("2026-01-05T00:00:00Z"))).isEmpty();
        assertThat(split.opensAtOrAfter(Instant.parse("2026-01-05T00:00:00Z"))).isFalse();
        assertThat(ZonedHours.of(shortMorning, RecipientZone.of(CHICAGO))
                        .opensAtOrAfter(Instant.parse("2026-01-05T00:00:00Z")))
                .isTrue();
    }

    @Test
    void theIntersectionFollowsEachZonesDaylightSavingTime() {
        ZonedHours split = ZonedHours.of(
                DAILY, new RecipientZone(List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Phoenix"))));
        // 2026-03-09, the day after New York springs forward: New York UTC-4 (08:00 = 12:00Z), Phoenix UTC-7 (08:00 =
        // 15:00Z)
        assertThat(split.isOpenAt(Instant.parse("2026-03-09T00:00:00Z"))).isTrue(); // 20:00 EDT, 17:00 MST
        assertThat(split.nextOpening(Instant.parse("2026-03-09T06:00:00Z")))
                .contains(Instant.parse("2026-03-09T15:00:00Z"));
        // New York closes at 21:00 EDT = 01:00Z next day, before Phoenix does
        assertThat(split.nextClosing(Instant.parse("2026-03-09T15:00:00Z")))
                .contains(Instant.parse("2026-03-10T01:00:00Z"));
    }

    @Test
    void exceptionsAreDatesOfEachRecipientsOwnCalendar() {
        ActiveHours closedOnNewYear = ActiveHours.parse("MON-SUN 08:00-21:00; 2026-01-01 closed", ZoneOffset.UTC);
        ZonedHours tokyo = ZonedHours.of(closedOnNewYear, RecipientZone.of(TOKYO));
        // 2025-12-31T23:30Z is already January 1st, 08:30, in Tokyo: closed there
        assertThat(tokyo.isOpenAt(Instant.parse("2025-12-31T23:30:00Z"))).isFalse();
        assertThat(tokyo.nextOpening(Instant.parse("2025-12-31T23:30:00Z")))
                .contains(Instant.parse("2026-01-01T23:00:00Z"));
    }

    @Test
    void aZoneKeyListsTheSortedIdsAndReadsBack() {
        RecipientZone zone = new RecipientZone(List.of(DENVER, CHICAGO, DENVER));
        assertThat(zone.key()).isEqualTo("America/Chicago,America/Denver");
        assertThat(zone.spansZones()).isTrue();
        assertThat(RecipientZone.parse(zone.key())).isEqualTo(zone);
        assertThat(RecipientZone.of(TOKYO).key()).isEqualTo("Asia/Tokyo");
        assertThatThrownBy(() -> RecipientZone.parse("Asia/Tokyo,Mars/Olympus"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> new RecipientZone(List.of())).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void localHoursReadAndWriteTheirTextForm() {
        assertThat(LocalHours.parse("local")).isEqualTo(LocalHours.fromPhoneNumbers());
        assertThat(LocalHours.parse(" LOCAL:ZONA ")).isEqualTo(LocalHours.fromField("ZONA"));
        assertThat(LocalHours.fromField("ZONA").toText()).isEqualTo("local:ZONA");
        assertThat(LocalHours.fromPhoneNumbers().zoneField()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> LocalHours.parse("local:")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> LocalHours.parse("everywhere"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("local:FIELD");
    }
}
