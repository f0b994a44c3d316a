package io.campaignkit.core.contact;

import java.time.ZoneId;
import java.util.List;

/**
 * The time zones a phone number may be in: what a campaign whose hours are read in each recipient's
 * local time ({@link io.campaignkit.core.hours.LocalHours}) falls back on when a contact has no zone of
 * its own. Given to the engine with {@code CampaignEngine.builder().phoneTimeZones(...)}; campaign-import's
 * {@code CountryTimeZones} answers the zones of the number's country. Implementations are thread-safe
 * and pure (the same number always gives the same zones).
 */
@FunctionalInterface
public interface PhoneTimeZones {

    /**
     * The zones of {@code phone}: one when its number lies in one zone, several when it may be in any of
     * them (all of a country's when only the country is known), empty when nothing is known of it.
     */
    List<ZoneId> zonesOf(PhoneNumber phone);
}
