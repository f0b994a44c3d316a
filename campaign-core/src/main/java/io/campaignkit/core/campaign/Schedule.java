package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * When a {@link CampaignState#SCHEDULED SCHEDULED} campaign launches: at {@code startAt}, by any
 * engine sharing the store, with its audience resolved then. Until then it engages no contact and
 * stays editable.
 *
 * <p>{@code latestStart} is the send window: if no engine could launch the campaign by then (every
 * process was down), it is not launched late but returned to READY, with the reason
 * {@link Unscheduling#START_WINDOW_MISSED}. The end of sending is the delivery plan's
 * {@link DeliveryPlan#endAt() end}, as for any campaign.
 *
 * <pre>{@code
 * engine.schedule(id, Schedule.at(christmasNineAm));
 * engine.schedule(id, Schedule.at(christmasNineAm).latestStart(christmasNoon));
 * }</pre>
 *
 * @param startAt when the campaign launches
 * @param latestStart when it is too late to launch it, after {@code startAt}; empty: never too late
 */
public record Schedule(Instant startAt, Optional<Instant> latestStart) {

    public Schedule {
        Arguments.requireNonNull(startAt, "startAt");
        Arguments.requireNonNull(latestStart, "latestStart");
        Arguments.require(
                latestStart.isEmpty() || latestStart.get().isAfter(startAt),
                "latestStart",
                "the latest start " + latestStart.orElse(null) + " must be after the start " + startAt);
    }

    /** Launch at {@code startAt}, however late an engine gets to it. */
    public static Schedule at(Instant startAt) {
        return new Schedule(startAt, Optional.empty());
    }

    /** A copy that is not launched after {@code instant}. */
    public Schedule latestStart(Instant instant) {
        return new Schedule(startAt, Optional.of(Arguments.requireNonNull(instant, "instant")));
    }

    /** Whether an engine may launch it at {@code now}: the start has come and the window is open. */
    public boolean isDueAt(Instant now) {
        return !now.isBefore(startAt) && !isMissedAt(now);
    }

    /** Whether the window closed before any engine launched it. */
    public boolean isMissedAt(Instant now) {
        return latestStart.isPresent() && now.isAfter(latestStart.get());
    }
}
