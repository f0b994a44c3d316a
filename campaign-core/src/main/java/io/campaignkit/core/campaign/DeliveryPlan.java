package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When and how fast a campaign sends: start on launch or at an instant, a {@link Pace}, and an
 * optional end instant at which the campaign finishes. A start in the past when the campaign is
 * launched means "start now".
 *
 * <pre>{@code
 * DeliveryPlan.ofDefaults();   // start on launch, 20 per second, no end
 * DeliveryPlan.custom().startAt(monday9am).pace(Pace.perHour(3000)).endAt(friday6pm).build();
 * }</pre>
 *
 * <p>An end not after a fixed start is a validation problem of the campaign ({@code END_BEFORE_START}),
 * not an error here, so that a draft can hold it while the operator fixes it.
 */
public record DeliveryPlan(Optional<Instant> startAt, Pace pace, Optional<Instant> endAt) {

    private static final DeliveryPlan DEFAULTS = new DeliveryPlan(Optional.empty(), Pace.DEFAULT, Optional.empty());

    public DeliveryPlan {
        Arguments.requireNonNull(startAt, "startAt");
        Arguments.requireNonNull(pace, "pace");
        Arguments.requireNonNull(endAt, "endAt");
    }

    /** Start on launch, {@link Pace#DEFAULT}, no end. */
    public static DeliveryPlan ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** When sending starts for a campaign launched at {@code launchedAt}: the planned start, or the launch if later. */
    public Instant effectiveStart(Instant launchedAt) {
        Arguments.requireNonNull(launchedAt, "launchedAt");
        return startAt.filter(start -> start.isAfter(launchedAt)).orElse(launchedAt);
    }

    /** Whether the end instant is set and not after the planned start. */
    public boolean endsBeforeStart() {
        return startAt.isPresent() && endAt.isPresent() && !endAt.get().isAfter(startAt.get());
    }

    /** Builds a {@link DeliveryPlan}. */
    public static final class Builder {
        private @Nullable Instant startAt;
        private Pace pace = Pace.DEFAULT;
        private @Nullable Instant endAt;

        private Builder() {}

        /** Start at {@code instant} rather than on launch. */
        public Builder startAt(Instant instant) {
            this.startAt = Arguments.requireNonNull(instant, "instant");
            return this;
        }

        /** Start on launch (the default). */
        public Builder startOnLaunch() {
            this.startAt = null;
            return this;
        }

        public Builder pace(Pace pace) {
            this.pace = Arguments.requireNonNull(pace, "pace");
            return this;
        }

        /** Finish the campaign at {@code instant}. */
        public Builder endAt(Instant instant) {
            this.endAt = Arguments.requireNonNull(instant, "instant");
            return this;
        }

        public Builder noEnd() {
            this.endAt = null;
            return this;
        }

        public DeliveryPlan build() {
            return new DeliveryPlan(Optional.ofNullable(startAt), pace, Optional.ofNullable(endAt));
        }
    }
}
