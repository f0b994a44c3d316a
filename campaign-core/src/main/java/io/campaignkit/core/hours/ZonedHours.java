package io.campaignkit.core.hours;

import io.campaignkit.core.internal.Arguments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign's {@link ActiveHours} read on one recipient's wall clock: the same weekly ranges and
 * exceptions, in each zone of its {@link RecipientZone}. With several zones it is open only while
 * the hours are open in <em>every</em> one of them (the intersection of their open periods), so a
 * recipient whose exact zone is unknown is never messaged outside its local hours. Immutable.
 *
 * <p>{@link #nextOpening} and {@link #nextClosing} answer as {@link ActiveHours} does, exactly; for
 * an intersection the opening is found by moving to the latest of the zones' next openings until
 * all are open at once, and the search gives up (empty) two weeks past the hours' last exception
 * (and past {@code from}), as {@link ActiveHours} does: the schedules repeat weekly after that.
 */
public final class ZonedHours {

    private static final Duration SEARCH_HORIZON = Duration.ofDays(16);

    private final ActiveHours hours;
    private final RecipientZone zone;
    private final List<ActiveHours> perZone;

    private ZonedHours(ActiveHours hours, RecipientZone zone) {
        this.hours = hours;
        this.zone = zone;
        this.perZone = zone.zones().stream().map(hours::withZone).toList();
    }

    /** {@code hours} read on the wall clock(s) of {@code zone}. */
    public static ZonedHours of(ActiveHours hours, RecipientZone zone) {
        return new ZonedHours(Arguments.requireNonNull(hours, "hours"), Arguments.requireNonNull(zone, "zone"));
    }

    /** The campaign's hours, in their own zone. */
    public ActiveHours hours() {
        return hours;
    }

    public RecipientZone zone() {
        return zone;
    }

    /** Whether the hours are open at {@code instant} in every zone of the recipient. */
    public boolean isOpenAt(Instant instant) {
        Arguments.requireNonNull(instant, "instant");
        for (ActiveHours local : perZone) {
            if (!local.isOpenAt(instant)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The earliest instant at or after {@code from} at which every zone is open; empty when that never
     * happens again (a zone never opens again, or the zones' open periods never overlap).
     */
    public Optional<Instant> nextOpening(Instant from) {
        Arguments.requireNonNull(from, "from");
        if (perZone.size() == 1) {
            return perZone.get(0).nextOpening(from);
        }
        Instant horizon = horizonAfter(from);
        Instant candidate = from;
        // invariant: no instant in [from, candidate) is open in every zone
        while (!candidate.isAfter(horizon)) {
            boolean allOpen = true;
            for (ActiveHours local : perZone) {
                Optional<Instant> opening = local.nextOpening(candidate);
                if (opening.isEmpty()) {
                    return Optional.empty();
                }
                if (opening.get().isAfter(candidate)) {
                    candidate = opening.get();
                    allOpen = false;
                    break;
                }
            }
            if (allOpen) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The earliest instant at or after {@code from} at which some zone is closed: {@code from} itself
     * when closed then; empty when open for good.
     */
    public Optional<Instant> nextClosing(Instant from) {
        Arguments.requireNonNull(from, "from");
        Optional<Instant> earliest = Optional.empty();
        for (ActiveHours local : perZone) {
            Optional<Instant> closing = local.nextClosing(from);
            if (closing.isPresent() && (earliest.isEmpty() || closing.get().isBefore(earliest.get()))) {
                earliest = closing;
            }
        }
        return earliest;
    }

    /** Whether the window ever opens at or after {@code from}: a recipient whose window never does is skipped. */
    public boolean opensAtOrAfter(Instant from) {
        return nextOpening(from).isPresent();
    }

    private Instant horizonAfter(Instant from) {
        Instant start = from;
        if (hours.lastExceptionDate() != null) {
            Instant lastException = hours.lastExceptionDate()
                    .plusDays(1)
                    .atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant();
            if (lastException.isAfter(start)) {
                start = lastException;
            }
        }
        return start.plus(SEARCH_HORIZON);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ZonedHours that && hours.equals(that.hours) && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return 31 * hours.hashCode() + zone.hashCode();
    }

    @Override
    public String toString() {
        return "ZonedHours[" + hours.toText() + " local in " + zone.key() + "]";
    }
}
