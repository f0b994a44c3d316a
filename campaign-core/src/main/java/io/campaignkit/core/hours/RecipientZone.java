package io.campaignkit.core.hours;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The time zone (or zones) a recipient's wall clock may be on, as resolved at launch for a campaign
 * whose hours are {@linkplain LocalHours read in each recipient's local time}. One zone when it is
 * known (a custom-data field names it, or the phone number's prefix lies in one zone); several when
 * the number's prefix spans zones (a US number of an area code split between Central and Mountain
 * time): the recipient is then treated as open only when every one of them is open ({@link ZonedHours}).
 *
 * <p>Its {@link #key()}, the zone ids sorted and joined with commas ({@code America/Chicago,America/Denver}),
 * is what a store keeps per recipient, so that a claim can select the recipients whose window is open.
 *
 * @param zones one or more distinct zones, sorted by id
 */
public record RecipientZone(List<ZoneId> zones) {

    /** Longest {@link #key()} accepted: room for every zone of a large country. */
    public static final int MAX_KEY_LENGTH = 2000;

    public RecipientZone {
        Arguments.requireNoNullElements(Arguments.requireNonNull(zones, "zones"), "zones");
        Arguments.require(!zones.isEmpty(), "zones", "zones must not be empty");
        TreeSet<ZoneId> sorted = new TreeSet<>(Comparator.comparing(ZoneId::getId));
        sorted.addAll(zones);
        zones = List.copyOf(sorted);
        String key = String.join(",", zones.stream().map(ZoneId::getId).toList());
        Arguments.require(
                key.length() <= MAX_KEY_LENGTH,
                "zones",
                "zones must have a key of at most " + MAX_KEY_LENGTH + " characters, was " + key.length());
    }

    /** One zone. */
    public static RecipientZone of(ZoneId zone) {
        return new RecipientZone(List.of(Arguments.requireNonNull(zone, "zone")));
    }

    /**
     * Reads a {@link #key()} back.
     *
     * @throws InvalidArgumentException naming {@code key} when a part is not a zone id
     */
    public static RecipientZone parse(String key) {
        Arguments.requireNonBlank(key, "key");
        List<ZoneId> zones = new ArrayList<>();
        for (String id : key.split(",", -1)) {
            try {
                zones.add(ZoneId.of(id.strip()));
            } catch (DateTimeException invalid) {
                throw new InvalidArgumentException(
                        "key",
                        "key must list zone ids separated by commas; '" + id + "' is not a zone id ("
                                + invalid.getMessage() + ")");
            }
        }
        return new RecipientZone(zones);
    }

    /** The zone ids sorted and joined with commas: the stored form. */
    public String key() {
        return String.join(",", zones.stream().map(ZoneId::getId).toList());
    }

    /** Whether the recipient may be on more than one wall clock. */
    public boolean spansZones() {
        return zones.size() > 1;
    }

    @Override
    public String toString() {
        return key();
    }
}
