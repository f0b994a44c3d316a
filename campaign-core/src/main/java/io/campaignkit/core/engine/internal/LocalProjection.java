package io.campaignkit.core.engine.internal;

import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendPacer;
import io.campaignkit.core.dispatch.pacing.TokenBucketPacer;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.hours.ZonedHours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link Projection} for a campaign with local hours: the same token buckets, granted at every instant
 * they have permits to the recipients of the zones whose window is open then, in the order the engine
 * claims them ({@link DueRecipients}, one claim across the open zones: by due time, each zone's recipients
 * due at its window's first opening, then by sequence, the launch's order), until each zone's contacts
 * are sent or the end instant comes.
 *
 * @param overall the whole campaign, as {@link Projection} reports it
 * @param perZone each zone's share, by zone key
 */
record LocalProjection(Projection overall, Map<String, CampaignPlan.ZonePlan> perZone) {

    /** One zone while projecting. */
    private static final class Zone {
        final String key;
        final ZonedHours hours;
        final long sends;
        final Optional<Instant> due;
        /** The positions of its recipients in the audience (their sequence), ascending. */
        final int[] positions;

        long granted;

        @Nullable
        Instant first;

        @Nullable
        Instant last;

        Zone(String key, ZonedHours hours, int[] positions, int sends, Instant start) {
            this.key = key;
            this.hours = hours;
            this.positions = positions;
            this.sends = sends;
            this.due = hours.nextOpening(start);
        }

        /** Whether its next recipient comes before {@code other}'s in the claim's order (due, then sequence). */
        boolean before(Zone other) {
            int byDue = due.orElseThrow().compareTo(other.due.orElseThrow());
            return byDue != 0 ? byDue < 0 : positions[(int) granted] < other.positions[(int) other.granted];
        }

        void grant(Instant at) {
            granted++;
            first = first == null ? at : first;
            last = at;
        }

        boolean claimableAt(Instant at) {
            return granted < sends && due.isPresent() && !due.get().isAfter(at) && hours.isOpenAt(at);
        }

        /** When it next may be claimed at or after {@code at}; empty when never. */
        Optional<Instant> nextClaimable(Instant at) {
            if (granted >= sends || due.isEmpty()) {
                return Optional.empty();
            }
            Instant from = due.get().isAfter(at) ? due.get() : at;
            return hours.isOpenAt(from) ? Optional.of(from) : hours.nextOpening(from);
        }
    }

    /**
     * @param zoneOrder the zone key of each contact that would be sent, in the launch's order (the
     *     sequence the launch would give them)
     * @param hoursPerZone the campaign's hours in each of those zones
     */
    static LocalProjection of(
            List<String> zoneOrder,
            Map<String, ZonedHours> hoursPerZone,
            Instant start,
            RateLimit campaignPace,
            RateLimit senderLimit,
            Optional<Instant> end) {
        SendPacer pacer = SendPacer.allOf(List.of(TokenBucketPacer.of(campaignPace), TokenBucketPacer.of(senderLimit)));
        List<Zone> zones = zonesOf(zoneOrder, hoursPerZone, start);
        long total = zoneOrder.size();
        Instant at = start;
        long granted = 0;
        Instant first = null;
        Instant last = null;
        while (granted < total) {
            Instant moment = at;
            List<Zone> open =
                    zones.stream().filter(zone -> zone.claimableAt(moment)).toList();
            if (open.isEmpty()) {
                Optional<Instant> next = Optional.empty();
                for (Zone zone : zones) {
                    next = Dispatcher.earliest(next, zone.nextClaimable(at));
                }
                if (next.isEmpty()) {
                    break;
                }
                at = next.get();
                continue;
            }
            if (end.isPresent() && !at.isBefore(end.get())) {
                break;
            }
            long wanted =
                    open.stream().mapToLong(zone -> zone.sends - zone.granted).sum();
            int now = pacer.tryAcquire((int) Math.min(Integer.MAX_VALUE, wanted), at);
            // the engine's one claim across the open zones: the next recipient in (due, sequence) order, each time
            for (int taken = 0; taken < now; taken++) {
                Zone next = null;
                for (Zone zone : open) {
                    if (zone.granted < zone.sends && (next == null || zone.before(next))) {
                        next = zone;
                    }
                }
                java.util.Objects.requireNonNull(next, "no more granted than wanted")
                        .grant(at);
            }
            if (now > 0) {
                granted += now;
                first = first == null ? at : first;
                last = at;
            }
            if (granted < total) {
                Instant next = pacer.nextPermitAt(at);
                at = next.isAfter(at) ? next : at.plusNanos(1);
            }
        }
        Map<String, CampaignPlan.ZonePlan> perZone = new TreeMap<>();
        for (Zone zone : zones) {
            perZone.put(
                    zone.key,
                    new CampaignPlan.ZonePlan(
                            zone.sends,
                            Optional.ofNullable(zone.first),
                            Optional.ofNullable(zone.last),
                            zone.sends - zone.granted));
        }
        return new LocalProjection(
                new Projection(Optional.ofNullable(first), Optional.ofNullable(last), total - granted), perZone);
    }

    /** Each zone with the positions of its recipients, in key order. */
    private static List<Zone> zonesOf(List<String> zoneOrder, Map<String, ZonedHours> hoursPerZone, Instant start) {
        Map<String, int[]> positions = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int position = 0; position < zoneOrder.size(); position++) {
            String key = zoneOrder.get(position);
            int count = counts.getOrDefault(key, 0);
            int[] held = positions.computeIfAbsent(key, any -> new int[8]);
            if (count == held.length) {
                held = java.util.Arrays.copyOf(held, count * 2);
                positions.put(key, held);
            }
            held[count] = position;
            counts.put(key, count + 1);
        }
        List<Zone> zones = new ArrayList<>(positions.size());
        positions.forEach((key, held) -> zones.add(new Zone(
                key,
                java.util.Objects.requireNonNull(hoursPerZone.get(key), "the hours of each zone"),
                held,
                counts.getOrDefault(key, 0),
                start)));
        return zones;
    }
}
