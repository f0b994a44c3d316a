package io.campaignkit.core.engine.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneTimeZones;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.hours.ZonedHours;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.core.port.StatusReason;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local hours ({@link LocalHours}): which zone a contact is in, the campaign's hours read on its wall
 * clock, and the zone keys a campaign's pending recipients were stored with. Launch, sending, replies
 * and the dry run all ask here, so the rule of {@link LocalHours} is written once.
 */
final class LocalTimes {

    /** The code of the refusal to launch a local-hours campaign on a store without {@link RecipientWindows}. */
    static final String UNSUPPORTED_STORE = "LOCAL_HOURS_UNSUPPORTED_STORE";

    private static final int MAX_CACHED = 1000;

    /** The code of the refusal to launch a local-hours campaign on an engine that cannot tell a number's zones. */
    static final String NO_PHONE_ZONES = "LOCAL_HOURS_NO_PHONE_ZONES";

    private final Optional<PhoneTimeZones> phoneZones;
    private final Optional<RecipientWindows> windows;
    private final Map<ActiveHours, Map<String, ZonedHours>> zoned = new ConcurrentHashMap<>();
    private final Map<CampaignId, Set<String>> pendingZones = new ConcurrentHashMap<>();

    LocalTimes(Optional<PhoneTimeZones> phoneZones, Optional<RecipientWindows> windows) {
        this.phoneZones = phoneZones;
        this.windows = windows;
    }

    static boolean isOn(Campaign campaign) {
        return campaign.configuration().localHours().isPresent();
    }

    /**
     * A local-hours campaign needs a store that claims by zone and the zones of phone numbers (a contact
     * without a zone field has only its number); refused before anything is stored.
     */
    void checkSupported(Campaign campaign) {
        if (isOn(campaign) && phoneZones.isEmpty()) {
            throw new CampaignKitException(NO_PHONE_ZONES, "campaign " + campaign.id() + " reads its active hours in"
                    + " each recipient's local time, and the engine cannot tell the zones of a phone number: give it"
                    + " CampaignEngine.builder().phoneTimeZones(CountryTimeZones.ofDefaults()) (campaign-import) or your own");
        }
        if (isOn(campaign) && windows.isEmpty()) {
            throw new CampaignKitException(UNSUPPORTED_STORE, "campaign " + campaign.id() + " reads its active hours in"
                    + " each recipient's local time, which its store cannot claim by (it does not implement"
                    + " RecipientWindows); clear the campaign's local hours or use a store that does");
        }
    }

    RecipientWindows windows() {
        return windows.orElseThrow();
    }

    /** The contact's zone, or the reason it cannot be sent within local hours. */
    ZoneOrSkip zoneOf(Campaign campaign, Contact contact, Instant from) {
        LocalHours local = campaign.configuration().localHours().orElseThrow();
        ActiveHours hours = campaign.configuration().activeHours();
        RecipientZone zone;
        Optional<FieldValue> field = local.zoneField().flatMap(name -> contact.customData().get(name));
        if (field.isPresent() && !field.get().normalized().isBlank()) {
            String id = field.get().normalized().strip();
            try {
                zone = RecipientZone.of(ZoneId.of(id));
            } catch (DateTimeException invalid) {
                return new ZoneOrSkip(null, StatusReason.of(SkipReasons.INVALID_LOCAL_ZONE, "custom-data field '"
                        + local.zoneField().get() + "' of " + contact.phone() + " is '" + id + "', not a time zone id", true));
            }
        } else {
            List<ZoneId> zones = phoneZones.orElseThrow().zonesOf(contact.phone());
            zone = zones.isEmpty() ? RecipientZone.of(hours.zone()) : new RecipientZone(zones);
        }
        if (!hoursIn(hours, zone).opensAtOrAfter(from)) {
            return new ZoneOrSkip(null, StatusReason.of(SkipReasons.NO_LOCAL_WINDOW, contact.phone() + " may be in any of "
                    + zone.key() + ", whose hours (" + hours.toText() + " local) are never open in all of them at once", true));
        }
        return new ZoneOrSkip(zone, null);
    }

    /** A contact's zone, or why it is skipped: exactly one is set. */
    record ZoneOrSkip(RecipientZone zone, StatusReason skip) {
        Optional<StatusReason> skipReason() {
            return Optional.ofNullable(skip);
        }
    }

    /**
     * The new PENDING recipient of a launch: as given when local hours are off; else in its zone (from
     * {@link #zoneOf}), first due when its local window first opens at or after {@code dueAt}, so claims
     * take recipients in the order their windows open.
     */
    NewRecipient pending(Campaign campaign, Contact contact, Instant dueAt, RecipientZone zone) {
        if (!isOn(campaign)) {
            return NewRecipient.pending(contact, dueAt);
        }
        Instant opening = hoursIn(campaign.configuration().activeHours(), zone).nextOpening(dueAt).orElse(dueAt);
        return NewRecipient.pendingIn(contact, opening, zone);
    }

    /** The campaign's hours on {@code zone}'s wall clock(s), kept for the next recipient of that zone. */
    ZonedHours hoursIn(ActiveHours hours, RecipientZone zone) {
        boundCaches();
        return zoned.computeIfAbsent(hours, any -> new ConcurrentHashMap<>())
                .computeIfAbsent(zone.key(), key -> ZonedHours.of(hours, zone));
    }

    /** The campaign's hours on the wall clock(s) of a stored zone key. */
    ZonedHours hoursIn(ActiveHours hours, String zoneKey) {
        Map<String, ZonedHours> byKey = zoned.computeIfAbsent(hours, any -> new ConcurrentHashMap<>());
        ZonedHours found = byKey.get(zoneKey);
        return found != null ? found : byKey.computeIfAbsent(zoneKey, key -> ZonedHours.of(hours, RecipientZone.parse(key)));
    }

    /**
     * The zone keys of the campaign's pending recipients, read once per engine: a launch adds every
     * recipient before sending starts and a retry keeps its zone, so the set only shrinks (a key left
     * with nobody pending costs one empty look-up per run).
     */
    Set<String> pendingZones(CampaignId campaign) {
        boundCaches();
        return pendingZones.computeIfAbsent(campaign, id -> Set.copyOf(windows().pendingZones(id)));
    }

    // a long-running engine sees many campaigns: the caches are dropped whole now and then, and refill
    private void boundCaches() {
        if (zoned.size() > MAX_CACHED) {
            zoned.clear();
        }
        if (pendingZones.size() > MAX_CACHED) {
            pendingZones.clear();
        }
    }
}
