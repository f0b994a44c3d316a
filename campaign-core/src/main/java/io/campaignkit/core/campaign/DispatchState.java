package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;

/**
 * Where sending stands inside an ACTIVE campaign. The engine moves it:
 * {@code WAITING → SENDING ⇄ PAUSED → ... → DONE}. Conversations stay open in every dispatch
 * state; only finishing the campaign closes them.
 */
public sealed interface DispatchState
        permits DispatchState.Waiting, DispatchState.Sending, DispatchState.Paused, DispatchState.Done {

    /** A short name for messages and logs: {@code WAITING}, {@code SENDING}, {@code PAUSED(BY_USER)}, {@code DONE}. */
    String label();

    /** Launched with a start in the future; sending begins at {@code startAt}. */
    record Waiting(Instant startAt) implements DispatchState {
        public Waiting {
            Arguments.requireNonNull(startAt, "startAt");
        }

        @Override
        public String label() {
            return "WAITING";
        }
    }

    /** Recipients are being sent to, within the pace and the active hours. */
    record Sending(Instant since) implements DispatchState {
        public Sending {
            Arguments.requireNonNull(since, "since");
        }

        @Override
        public String label() {
            return "SENDING";
        }
    }

    /** Sending is paused for {@code reason}. */
    record Paused(PauseReason reason, Instant since) implements DispatchState {
        public Paused {
            Arguments.requireNonNull(reason, "reason");
            Arguments.requireNonNull(since, "since");
        }

        @Override
        public String label() {
            return "PAUSED(" + reason + ")";
        }
    }

    /** Every recipient has been handled; conversations go on until the campaign finishes. */
    record Done(Instant at) implements DispatchState {
        public Done {
            Arguments.requireNonNull(at, "at");
        }

        @Override
        public String label() {
            return "DONE";
        }
    }
}
