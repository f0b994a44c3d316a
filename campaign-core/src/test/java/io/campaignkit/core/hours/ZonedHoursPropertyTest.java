package io.campaignkit.core.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The intersection rule against its definition, minute by minute: on random weekly hours, sets of
 * zones and instants, the next opening is the first minute open in every zone and the next closing
 * the first minute closed in one of them. Ranges are whole minutes and zone offsets whole quarter
 * hours in these zones, so a minute scan sees every change.
 */
class ZonedHoursPropertyTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/Mexico_City"),
            ZoneId.of("America/New_York"),
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"),
            ZoneId.of("Europe/Madrid"),
            ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"));
    private static final Duration SCAN = Duration.ofDays(3);

    @Property(tries = 60)
    void theNextOpeningAndClosingAreTheFirstMinutesThatQualify(
            @ForAll("hours") ActiveHours hours, @ForAll("zones") List<ZoneId> zones, @ForAll("instants") Instant from) {
        ZonedHours local = ZonedHours.of(hours, new RecipientZone(zones));
        Optional<Instant> opening = local.nextOpening(from);
        Optional<Instant> scannedOpening = scan(local, from, true);
        if (scannedOpening.isPresent()) {
            assertThat(opening).isEqualTo(scannedOpening);
        } else {
            assertThat(opening.map(at -> at.isAfter(from.plus(SCAN))).orElse(true))
                    .isTrue();
        }
        Optional<Instant> closing = local.nextClosing(from);
        Optional<Instant> scannedClosing = scan(local, from, false);
        if (scannedClosing.isPresent()) {
            assertThat(closing).isEqualTo(scannedClosing);
        }
        opening.ifPresent(at -> zones.forEach(
                zone -> assertThat(hours.withZone(zone).isOpenAt(at)).isTrue()));
    }

    /** The first instant from {@code from} (then whole minutes) whose openness is {@code open}, within the scan. */
    private static Optional<Instant> scan(ZonedHours local, Instant from, boolean open) {
        if (local.isOpenAt(from) == open) {
            return Optional.of(from);
        }
        Instant minute = from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
        for (Instant at = minute; !at.isAfter(from.plus(SCAN)); at = at.plusSeconds(60)) {
            if (local.isOpenAt(at) == open) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    @Provide
    Arbitrary<ActiveHours> hours() {
        Arbitrary<Integer> starts = Arbitraries.integers().between(0, 23 * 60).map(minute -> minute - minute % 30);
        Arbitrary<Integer> lengths = Arbitraries.integers().between(1, 16).map(halfHours -> halfHours * 30);
        return starts.flatMap(start -> lengths.map(length -> {
            int end = Math.min(start + length, TimeRange.MINUTES_PER_DAY);
            return ActiveHours.builder(java.time.ZoneOffset.UTC)
                    .on(java.util.EnumSet.allOf(java.time.DayOfWeek.class), new TimeRange(start, end))
                    .build();
        }));
    }

    @Provide
    Arbitrary<List<ZoneId>> zones() {
        return Arbitraries.of(ZONES).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    }

    @Provide
    Arbitrary<Instant> instants() {
        // around the 2026 spring and autumn changes of the northern hemisphere
        Arbitrary<Instant> march = Arbitraries.longs()
                .between(0, 20L * 24 * 3600)
                .map(s -> Instant.parse("2026-03-01T00:00:00Z").plusSeconds(s));
        Arbitrary<Instant> october = Arbitraries.longs()
                .between(0, 40L * 24 * 3600)
                .map(s -> Instant.parse("2026-10-15T00:00:00Z").plusSeconds(s));
        return Arbitraries.oneOf(march, october);
    }
}
