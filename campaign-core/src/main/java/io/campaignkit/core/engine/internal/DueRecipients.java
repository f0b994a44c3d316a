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
 * window is open then, in one claim across those zones in the order their recipients fell due, then by
 * sequence (so those whose window opened first go first, and zones due at the same instant are read in
 * launch order, interleaved as the audience was), with the next wake-up at the earliest of the open zones'
 * next due time and the closed zones' next opening.
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
        /** The open zones with recipients due now; read once per run, since windows change only with time. */
        private @Nullable Set<String> claimable;

        InOpenWindows(LocalTimes localTimes, Campaign campaign, Instant now) {
            this.localTimes = localTimes;
            this.windows = localTimes.windows();
            this.campaign = campaign;
            this.hours = campaign.configuration().activeHours();
            this.now = now;
        }

        /** One claim across every open and due zone: the store orders them by due time, then sequence. */
        @Override
        public List<Recipient> claim(Lease lease, int limit) {
            Set<String> claimable = this.claimable;
            if (claimable == null) {
                claimable = openAndDue();
                this.claimable = claimable;
            }
            if (claimable.isEmpty()) {
                return List.of();
            }
            List<Recipient> claimed = windows.claimDueIn(campaign.id(), claimable, lease, limit, now);
            if (claimed.size() < limit) {
                this.claimable = Set.of(); // nothing more is due in those zones at this instant
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

        /**
         * The zones open now whose earliest recipient is due; past {@link CampaignStore#MAX_BATCH} of them (a
         * claim's most), those due first, so the order across the rest waits for the next claim, never the window.
         */
        private Set<String> openAndDue() {
            List<Map.Entry<String, Instant>> due = new ArrayList<>();
            for (Map.Entry<String, Instant> zone : dueByZone().entrySet()) {
                if (!zone.getValue().isAfter(now)
                        && localTimes.hoursIn(hours, zone.getKey()).isOpenAt(now)) {
                    due.add(zone);
                }
            }
            due.sort(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            Set<String> keys = new LinkedHashSet<>();
            for (Map.Entry<String, Instant> zone : due.subList(0, Math.min(due.size(), CampaignStore.MAX_BATCH))) {
                keys.add(zone.getKey());
            }
            return keys;
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
