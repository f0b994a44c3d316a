package io.campaignkit.core.engine.internal;

import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendPacer;
import io.campaignkit.core.dispatch.pacing.TokenBucketPacer;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.hours.ZonedHours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link Projection} for a campaign with local hours: the same token buckets, granted at every instant
 * they have permits to the zones whose window is open then, in the order the engine claims them
 * ({@link DueRecipients}: the zone whose recipients fell due first, each zone's recipients due at its
 * window's first opening; zones due at the same instant in turns, {@link ZoneTurns}), until each zone's
 * contacts are sent or the end instant comes.
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
        long granted;

        @Nullable
        Instant first;

        @Nullable
        Instant last;

        Zone(String key, ZonedHours hours, long sends, Instant start) {
            this.key = key;
            this.hours = hours;
            this.sends = sends;
            this.due = hours.nextOpening(start);
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

    static LocalProjection of(
            Map<String, Long> sendsPerZone,
            Map<String, ZonedHours> hoursPerZone,
            Instant start,
            RateLimit campaignPace,
            RateLimit senderLimit,
            Optional<Instant> end) {
        SendPacer pacer = SendPacer.allOf(List.of(TokenBucketPacer.of(campaignPace), TokenBucketPacer.of(senderLimit)));
        List<Zone> zones = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> zone : new TreeMap<>(sendsPerZone).entrySet()) {
            ZonedHours hours =
                    java.util.Objects.requireNonNull(hoursPerZone.get(zone.getKey()), "the hours of each zone");
            zones.add(new Zone(zone.getKey(), hours, zone.getValue(), start));
            total += zone.getValue();
        }
        // the engine claims the zone whose recipients fell due first, then the next
        zones.sort(Comparator.comparing((Zone zone) -> zone.due.orElse(Instant.MAX))
                .thenComparing(zone -> zone.key));
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
            Instant grantedAt = at;
            List<ZoneTurns.DueZone> due = new ArrayList<>(open.size());
            open.forEach(zone -> due.add(new ZoneTurns.DueZone(zone.key, zone.due.orElseThrow())));
            Map<String, Zone> byKey = new HashMap<>();
            open.forEach(zone -> byKey.put(zone.key, zone));
            int taken = ZoneTurns.share(due, now, (key, asked) -> {
                Zone zone = java.util.Objects.requireNonNull(byKey.get(key), "an open zone");
                int share = (int) Math.min(asked, zone.sends - zone.granted);
                if (share > 0) {
                    zone.granted += share;
                    zone.first = zone.first == null ? grantedAt : zone.first;
                    zone.last = grantedAt;
                }
                return share;
            });
            if (taken > 0) {
                granted += taken;
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
}
