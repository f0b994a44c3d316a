package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;

/**
 * Where sending stands inside an ACTIVE campaign. The engine moves it:
 * <pre>
 *   PREPARING ──▶ WAITING ──▶ SENDING ⇄ PAUSED ──▶ DONE
 *       └──────────┴────────────┴─────────┴──────────┴──▶ FINISHING ──▶ (campaign FINISHED)
 * </pre>
 * <ul>
 *   <li><b>PREPARING</b>: launched, its audience still being added. Nothing is sent until the last
 *       recipient is in, so a launch that stops half-way (a process that dies) never sends to part
 *       of an audience. The launching process renews {@link Preparing#heartbeat()}; an interrupted
 *       preparation is resumed by launching again (imported lists, which only the host has) or, once
 *       the heartbeat is older than the engine's lease, by any engine's run (segments and TEST
 *       audiences, which the engine reads from the contact directory).</li>
 *   <li><b>WAITING</b>, <b>SENDING</b>, <b>PAUSED</b>, <b>DONE</b>: as their records say.</li>
 *   <li><b>FINISHING</b>: finishing was decided; nothing is sent any more, and the engine is closing
 *       conversations, handing queued replies to the host's fallback and releasing contacts. When that
 *       clean-up is done the campaign is FINISHED. A clean-up interrupted by a crash is resumed by any
 *       engine's run, or by finishing the campaign again.</li>
 * </ul>
 * Conversations stay open in every dispatch state but FINISHING; finishing closes them.
 */
public sealed interface DispatchState
        permits DispatchState.Preparing,
                DispatchState.Waiting,
                DispatchState.Sending,
                DispatchState.Paused,
                DispatchState.Done,
                DispatchState.Finishing {

    /**
     * A short name for messages and logs: {@code PREPARING}, {@code WAITING}, {@code SENDING},
     * {@code PAUSED(BY_USER)}, {@code DONE}, {@code FINISHING(BY_USER)}.
     */
    String label();

    /**
     * Launched; its recipients are being added. Nothing is sent until the whole audience is in.
     *
     * @param preparer the engine (its owner id) adding the recipients
     * @param since when the campaign was launched
     * @param heartbeat when the preparer last showed it is alive; older than the engine's lease
     *     duration, the preparation is taken as abandoned
     */
    record Preparing(String preparer, Instant since, Instant heartbeat) implements DispatchState {
        public Preparing {
            Arguments.requireNonBlank(preparer, "preparer");
            Arguments.requireNonNull(since, "since");
            Arguments.requireNonNull(heartbeat, "heartbeat");
            Arguments.require(
                    !heartbeat.isBefore(since),
                    "heartbeat",
                    "the heartbeat " + heartbeat + " must not be before the preparation began, " + since);
        }

        @Override
        public String label() {
            return "PREPARING";
        }
    }

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

    /**
     * Finishing for {@code reason} since {@code since}: nothing is sent; the clean-up runs, then the
     * campaign is FINISHED with this reason and {@code since} as its finish time.
     */
    record Finishing(FinishReason reason, Instant since) implements DispatchState {
        public Finishing {
            Arguments.requireNonNull(reason, "reason");
            Arguments.requireNonNull(since, "since");
        }

        @Override
        public String label() {
            return "FINISHING(" + reason + ")";
        }
    }
}
