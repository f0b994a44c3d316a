package io.campaignkit.desk.internal;

import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskHours;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The desk's schedule and history window rules. */
final class HoursRules {

    /** Longer than any weekly gap: a wait longer than this has certainly crossed a closed period. */
    private static final Duration LOOK_BACK = Duration.ofDays(8);

    private HoursRules() {}

    /**
     * Whether a waiting conversation is closed now under "apply to queued conversations": the hours are open
     * again, the action is CLOSE, and the conversation has been waiting since before a closed period.
     */
    static boolean closesAtOpening(DeskHours hours, DeskConversation waiting, Instant now) {
        return hours.applyToQueued()
                && hours.action() == OutOfHoursPolicy.Action.CLOSE
                && hours.hours().isOpenAt(now)
                && closedBetween(hours.hours(), waiting.enteredQueueAt(), now);
    }

    /** Whether the hours were closed at some minute in {@code (from, to)}; schedules change at whole minutes. */
    static boolean closedBetween(ActiveHours hours, Instant from, Instant to) {
        if (Duration.between(from, to).compareTo(LOOK_BACK) > 0) {
            return true;
        }
        if (!hours.isOpenAt(from)) {
            return true;
        }
        for (Instant probe = from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
                probe.isBefore(to);
                probe = probe.plus(1, ChronoUnit.MINUTES)) {
            if (!hours.isOpenAt(probe)) {
                return true;
            }
        }
        return false;
    }

    /** The window agents see: the campaign's, never beyond the tenant's ceiling. */
    static Optional<Duration> effectiveWindow(Optional<Duration> policy, Optional<Duration> ceiling) {
        if (policy.isEmpty()) {
            return ceiling;
        }
        return Optional.of(
                ceiling.filter(max -> max.compareTo(policy.get()) < 0).orElse(policy.get()));
    }
}
