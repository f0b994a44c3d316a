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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Local hours ({@link LocalHours}): which zone a contact is in, the campaign's hours read on its wall
 * clock, and the zone keys a campaign's pending recipients were stored with. Launch, sending, replies
 * and the dry run all ask here, so the rule of {@link LocalHours} is written once.
 */
final class LocalTimes {

    /** The code of the refusal to launch a local-hours campaign on a store without {@link RecipientWindows}. */
    static final String UNSUPPORTED_STORE = "LOCAL_HOURS_UNSUPPORTED_STORE";

    private static final int MAX_CACHED = 1000;
    /**
     * How long a campaign's pending zone keys are trusted before they are read again: contacts added to
     * an active campaign by another process (add-contacts) may bring zones this engine has not seen.
     */
    static final Duration ZONES_REREAD = Duration.ofMinutes(1);

    /** The code of the refusal to launch a local-hours campaign on an engine that cannot tell a number's zones. */
    static final String NO_PHONE_ZONES = "LOCAL_HOURS_NO_PHONE_ZONES";

    private final Optional<PhoneTimeZones> phoneZones;
    private final Optional<RecipientWindows> windows;
    private final Map<ActiveHours, Map<String, ZonedHours>> zoned = new ConcurrentHashMap<>();
    private final Map<CampaignId, KnownZones> pendingZones = new ConcurrentHashMap<>();

    /** A campaign's pending zone keys as read at an instant (plus those this engine added since). */
    private record KnownZones(Set<String> keys, Instant readAt) {}

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
            throw new CampaignKitException(
                    NO_PHONE_ZONES,
                    "campaign " + campaign.id() + " reads its active hours in"
                            + " each recipient's local time, and the engine cannot tell the zones of a phone number: give it"
                            + " CampaignEngine.builder().phoneTimeZones(CountryTimeZones.ofDefaults()) (campaign-import) or your own");
        }
        if (isOn(campaign) && windows.isEmpty()) {
            throw new CampaignKitException(
                    UNSUPPORTED_STORE,
                    "campaign " + campaign.id() + " reads its active hours in"
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
        Optional<FieldValue> field =
                local.zoneField().flatMap(name -> contact.customData().get(name));
        if (field.isPresent() && !field.get().normalized().isBlank()) {
            String id = field.get().normalized().strip();
            try {
                zone = RecipientZone.of(ZoneId.of(id));
            } catch (DateTimeException invalid) {
                return new ZoneOrSkip(
                        null,
                        StatusReason.of(
                                SkipReasons.INVALID_LOCAL_ZONE,
                                "custom-data field '" + local.zoneField().get() + "' of " + contact.phone() + " is '"
                                        + id + "', not a time zone id",
                                true));
            }
        } else {
            List<ZoneId> zones = phoneZones.orElseThrow().zonesOf(contact.phone());
            zone = zones.isEmpty() ? RecipientZone.of(hours.zone()) : new RecipientZone(zones);
        }
        if (!hoursIn(hours, zone).opensAtOrAfter(from)) {
            return new ZoneOrSkip(
                    null,
                    StatusReason.of(
                            SkipReasons.NO_LOCAL_WINDOW,
                            contact.phone() + " may be in any of " + zone.key() + ", whose hours (" + hours.toText()
                                    + " local) are never open in all of them at once",
                            true));
        }
        return new ZoneOrSkip(zone, null);
    }

    /**
     * The order a local-hours launch stores one batch in: zone by zone, each zone where its first contact
     * stood in the batch, the audience's order kept within a zone (the launch and the dry run both order
     * this way). Claims take one zone's due recipients together; stored next to each other, they are read
     * from a few neighbouring pages (a B-tree's, or the heap's in memory) rather than one every few rows
     * of a mixed audience.
     */
    static <T> List<T> zoneByZone(List<T> batch, Function<T, @Nullable String> zoneKey) {
        Map<@Nullable String, List<T>> zones = new LinkedHashMap<>();
        for (T item : batch) {
            zones.computeIfAbsent(zoneKey.apply(item), key -> new ArrayList<>()).add(item);
        }
        if (zones.size() < 2) {
            return batch;
        }
        List<T> ordered = new ArrayList<>(batch.size());
        zones.values().forEach(ordered::addAll);
        return ordered;
    }

    /** A contact's zone, or why it is skipped: exactly one is set. */
    record ZoneOrSkip(
            @Nullable RecipientZone zone, @Nullable StatusReason skip) {
        Optional<StatusReason> skipReason() {
            return Optional.ofNullable(skip);
        }
    }

    /**
     * The new PENDING recipient of a launch: as given when local hours are off; else in its zone (from
     * {@link #zoneOf}), first due when its local window first opens at or after {@code dueAt}, so claims
     * take recipients in the order their windows open.
     */
    NewRecipient pending(Campaign campaign, Contact contact, Instant dueAt, @Nullable RecipientZone zone) {
        if (!isOn(campaign)) {
            return NewRecipient.pending(contact, dueAt);
        }
        RecipientZone in = java.util.Objects.requireNonNull(zone, "with local hours a pending contact has its zone");
        Instant opening = hoursIn(campaign.configuration().activeHours(), in)
                .nextOpening(dueAt)
                .orElse(dueAt);
        // contacts added to a sending campaign may be in a zone it had none in: this engine claims there at once
        pendingZones.computeIfPresent(
                campaign.id(),
                (id, known) -> known.keys().contains(in.key())
                        ? known
                        : new KnownZones(union(known.keys(), in.key()), known.readAt()));
        return NewRecipient.pendingIn(contact, opening, in);
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
        return found != null
                ? found
                : byKey.computeIfAbsent(zoneKey, key -> ZonedHours.of(hours, RecipientZone.parse(key)));
    }

    /**
     * The zone keys of the campaign's pending recipients, read again every {@link #ZONES_REREAD}: a launch
     * adds every recipient before sending starts and a retry keeps its zone, so between additions of
     * contacts the set only shrinks (a key left with nobody pending costs one empty look-up per run);
     * contacts this engine adds join at once, those another process adds at the next reading.
     */
    Set<String> pendingZones(CampaignId campaign, Instant now) {
        boundCaches();
        KnownZones known = pendingZones.get(campaign);
        if (known == null || !now.isBefore(known.readAt().plus(ZONES_REREAD))) {
            known = new KnownZones(Set.copyOf(windows().pendingZones(campaign)), now);
            pendingZones.put(campaign, known);
        }
        return known.keys();
    }

    private static Set<String> union(Set<String> keys, String key) {
        Set<String> more = new java.util.HashSet<>(keys);
        more.add(key);
        return Set.copyOf(more);
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
