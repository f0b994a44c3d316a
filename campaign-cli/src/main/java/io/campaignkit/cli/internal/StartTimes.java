package io.campaignkit.cli.internal;

import io.campaignkit.core.hours.ActiveHours;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The {@code --start-at} of {@code run} and {@code schedule}: a local date and time in {@code --zone}, or an instant. */
final class StartTimes {

    static final String FORM =
            "a local time like 2026-12-24T09:00 (in --zone), or an instant like 2026-12-24T15:00:00Z";

    private StartTimes() {}

    /** The instant {@code text} names in {@code zone} (the default zone of hours when null). */
    static Instant parse(String option, String text, String zone) {
        ZoneId zoneId;
        try {
            zoneId = zone == null ? ActiveHours.DEFAULT_ZONE : ZoneId.of(zone.strip());
        } catch (DateTimeException badZone) {
            throw CliException.usage(
                    "bad --zone '" + zone + "': use a region like America/Mexico_City or an offset " + "like -05:00",
                    badZone);
        }
        String value = text.strip();
        try {
            if (value.endsWith("Z") || value.endsWith("z")) {
                return Instant.parse(value.toUpperCase(java.util.Locale.ROOT));
            }
            return LocalDateTime.parse(value).atZone(zoneId).toInstant();
        } catch (DateTimeParseException bad) {
            throw CliException.usage("bad " + option + " '" + text + "': use " + FORM, bad);
        }
    }
}
