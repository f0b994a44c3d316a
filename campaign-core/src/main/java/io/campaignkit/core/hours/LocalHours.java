package io.campaignkit.core.hours;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * A campaign's setting that reads its {@link ActiveHours} on each recipient's own wall clock
 * ("08:00-21:00 local") instead of in the hours' zone. Absent from a configuration, the hours are
 * read in their own zone, as before.
 *
 * <h2>Which zone a recipient is in</h2>
 * Resolved once, at launch, and kept with the recipient ({@link RecipientZone}):
 * <ol>
 *   <li>the custom-data field {@link #zoneField()}, when the setting names one and the contact has a
 *       value there: an IANA zone id such as {@code Europe/Madrid} (an importer refuses an invalid id,
 *       naming its row and column; a contact that reaches a launch with one is skipped with
 *       {@link io.campaignkit.core.engine.SkipReasons#INVALID_LOCAL_ZONE});</li>
 *   <li>else the phone number: the zones the engine's {@link io.campaignkit.core.contact.PhoneTimeZones}
 *       gives for it (campaign-import's {@code CountryTimeZones}: the zones of the number's country). A
 *       number that may be in several zones (a country that spans several, as Mexico, Spain or the
 *       United States do) gives them all, and the recipient's window is the <b>intersection</b> of
 *       their open hours: open only while the hours are open in every one of those zones, so no one is
 *       ever messaged outside their local hours, whichever of the zones they are really in. When the
 *       intersection never opens (zones too far apart for the hours), the contact is skipped at launch
 *       with {@link io.campaignkit.core.engine.SkipReasons#NO_LOCAL_WINDOW};</li>
 *   <li>a number of which nothing is known (no country) is read in the hours' own zone.</li>
 * </ol>
 * The weekly ranges and date exceptions of the hours are read on the recipient's calendar: a
 * {@code 2026-12-25 closed} exception closes Christmas Day of each recipient's own wall clock.
 *
 * <h2>In which order recipients are sent</h2>
 * By when their window opens, then in the order the launch stored them: the audience's order, except
 * that each launch batch ({@code CampaignEngineBuilder.batchSize}, 500 by default) is stored zone by zone,
 * each zone where its first contact stands in the batch, the audience's order kept within it. Zones open
 * at the same time so take turns batch by batch, and a zone's recipients lie together in the store, so a
 * claim reads neighbouring rows rather than one in every few of a mixed audience. The dry run
 * ({@code CampaignEngine.plan}) projects the same order.
 *
 * @param zoneField the custom-data field that holds a recipient's zone id, when the audience has one
 */
public record LocalHours(Optional<String> zoneField) {

    /** The text form's prefix: {@code local}, or {@code local:FIELD}. */
    public static final String TEXT = "local";

    public LocalHours {
        Arguments.requireNonNull(zoneField, "zoneField");
        zoneField.ifPresent(field -> Arguments.requireNonBlank(field, "zoneField"));
        zoneField = zoneField.map(String::strip);
    }

    /** Zones from the phone numbers only. */
    public static LocalHours fromPhoneNumbers() {
        return new LocalHours(Optional.empty());
    }

    /** Zones from the custom-data field {@code zoneField} when a contact has it, else from the phone number. */
    public static LocalHours fromField(String zoneField) {
        return new LocalHours(Optional.of(Arguments.requireNonBlank(zoneField, "zoneField")));
    }

    /**
     * Reads the text form: {@code local} or {@code local:FIELD}.
     *
     * @throws InvalidArgumentException naming {@code text} otherwise
     */
    public static LocalHours parse(String text) {
        Arguments.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase(TEXT)) {
            return fromPhoneNumbers();
        }
        if (trimmed.regionMatches(true, 0, TEXT + ":", 0, TEXT.length() + 1)
                && !trimmed.substring(TEXT.length() + 1).isBlank()) {
            return fromField(trimmed.substring(TEXT.length() + 1));
        }
        throw new InvalidArgumentException(
                "text", "local hours are written 'local' or 'local:FIELD', was '" + text + "'");
    }

    /** The text form, {@code local} or {@code local:FIELD}. */
    public String toText() {
        return zoneField.map(field -> TEXT + ":" + field).orElse(TEXT);
    }
}
