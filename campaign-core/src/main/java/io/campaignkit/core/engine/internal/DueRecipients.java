package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.ZonedHours;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientWindows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Sender} claims from in one run of one campaign, at one instant: every due recipient
 * ({@link #of} for a campaign without local hours), or, with local hours, only those whose local
 * window is open then, in the order their recipients fell due (so those whose window opened first go
 * first; zones due at the same instant share each claim in turns, {@link ZoneTurns}), with the next wake-up at the earliest of the open zones' next due time
 * and the closed zones' next opening.
 */
interface DueRecipients {

    /** Claims up to {@code limit} due recipients under {@code lease}. */
    List<Recipient> claim(Lease lease, int limit);

    /** When a recipient may next be claimed; empty when none is pending. */
    Optional<Instant> nextDueAt();

    static DueRecipients of(RecipientStore recipients, LocalTimes localTimes, Campaign campaign, Instant now) {
        if (!LocalTimes.isOn(campaign)) {
            return new DueRecipients() {
                @Override
                public List<Recipient> claim(Lease lease, int limit) {
                    return recipients.claimForSending(campaign.id(), lease, limit, now);
                }

                @Override
                public Optional<Instant> nextDueAt() {
                    return recipients.nextDueAt(campaign.id(), now);
                }
            };
        }
        return new InOpenWindows(localTimes, campaign, now);
    }

    /** A local-hours campaign's due recipients: those of the zones whose window is open at {@code now}. */
    final class InOpenWindows implements DueRecipients {

        private final LocalTimes localTimes;
        private final RecipientWindows windows;
        private final Campaign campaign;
        private final ActiveHours hours;
        private final Instant now;
        /** Open zones with recipients due now, earliest due first; a zone leaves when a claim comes back short. */
        private @Nullable List<ZoneTurns.DueZone> claimable;

        InOpenWindows(LocalTimes localTimes, Campaign campaign, Instant now) {
            this.localTimes = localTimes;
            this.windows = localTimes.windows();
            this.campaign = campaign;
            this.hours = campaign.configuration().activeHours();
            this.now = now;
        }

        @Override
        public List<Recipient> claim(Lease lease, int limit) {
            List<ZoneTurns.DueZone> claimable = this.claimable;
            if (claimable == null) {
                claimable = openAndDue();
                this.claimable = claimable;
            }
            List<Recipient> claimed = new ArrayList<>(Math.min(limit, 256));
            try {
                ZoneTurns.share(claimable, limit, (zone, wanted) -> {
                    List<Recipient> got = windows.claimDueIn(campaign.id(), zone, lease, wanted, now);
                    claimed.addAll(got);
                    return got.size();
                });
            } catch (RuntimeException storeFailure) {
                if (claimed.isEmpty()) {
                    throw storeFailure;
                }
                // the earlier zones' recipients are claimed: handed to the Sender, they come under its
                // claim, which a store still failing at its next call strands and the next run gives back
            }
            return claimed;
        }

        @Override
        public Optional<Instant> nextDueAt() {
            Optional<Instant> earliest = Optional.empty();
            for (Map.Entry<String, Instant> due : dueByZone().entrySet()) {
                Instant from = due.getValue().isAfter(now) ? due.getValue() : now;
                ZonedHours local = localTimes.hoursIn(hours, due.getKey());
                Optional<Instant> at = local.isOpenAt(from) ? Optional.of(from) : local.nextOpening(from);
                if (at.isPresent() && (earliest.isEmpty() || at.get().isBefore(earliest.get()))) {
                    earliest = at;
                }
            }
            return earliest;
        }

        private List<ZoneTurns.DueZone> openAndDue() {
            List<ZoneTurns.DueZone> due = new ArrayList<>();
            for (Map.Entry<String, Instant> zone : dueByZone().entrySet()) {
                if (!zone.getValue().isAfter(now)
                        && localTimes.hoursIn(hours, zone.getKey()).isOpenAt(now)) {
                    due.add(new ZoneTurns.DueZone(zone.getKey(), zone.getValue()));
                }
            }
            due.sort(Comparator.comparing(ZoneTurns.DueZone::due).thenComparing(ZoneTurns.DueZone::key));
            return due;
        }

        private Map<String, Instant> dueByZone() {
            Set<String> zones = localTimes.pendingZones(campaign.id(), now);
            Map<String, Instant> due = new HashMap<>();
            List<String> chunk = new ArrayList<>(Math.min(zones.size(), CampaignStore.MAX_BATCH));
            for (String zone : zones) {
                chunk.add(zone);
                if (chunk.size() == CampaignStore.MAX_BATCH) {
                    due.putAll(windows.nextDueIn(campaign.id(), new LinkedHashSet<>(chunk)));
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                due.putAll(windows.nextDueIn(campaign.id(), new LinkedHashSet<>(chunk)));
            }
            return due;
        }
    }
}
