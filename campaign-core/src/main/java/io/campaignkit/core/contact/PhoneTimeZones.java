package io.campaignkit.core.contact;

import java.time.ZoneId;
import java.util.List;

/**
 * The time zones a phone number may be in, by its prefix: what a campaign whose hours are read in
 * each recipient's local time ({@link io.campaignkit.core.hours.LocalHours}) falls back on when a
 * contact has no zone of its own. Implementations are thread-safe and pure (the same number always
 * gives the same zones).
 */
@FunctionalInterface
public interface PhoneTimeZones {

    /**
     * The zones of {@code phone}: one when its prefix lies in one zone, several when the prefix spans
     * zones (all of a country's when only the country is known), empty when nothing is known of it.
     */
    List<ZoneId> zonesOf(PhoneNumber phone);

    /**
     * libphonenumber's own mapper ({@code PhoneNumberToTimeZonesMapper}), from its {@code geocoder}
     * artifact, which campaign-core brings along: prefix data and code, no I/O of its own. The mapper
     * shares its Java package with libphonenumber itself, so the two can only be loaded together from
     * the class path; on the module path (where a package cannot be split between two modules) this
     * mapper answers every call with an exception saying so: give the engine another
     * {@code PhoneTimeZones} there ({@code CampaignEngine.builder().phoneTimeZones(...)}).
     */
    static PhoneTimeZones libphonenumber() {
        return GeocoderTimeZones.INSTANCE;
    }
}
