package io.campaignkit.core.campaign;

/**
 * The lifecycle of a campaign: {@code DRAFT → READY (⇄ SCHEDULED) → ACTIVE → FINISHED}. See
 * {@link Campaign} for the actions themselves.
 * <ul>
 *   <li><b>DRAFT / READY</b> are derived from validation after every edit: a campaign whose
 *       configuration is complete and valid ({@link Campaign#validation()} is empty) is READY, any other is
 *       DRAFT. So an edit that completes the configuration makes it READY, and an edit that breaks
 *       it returns it to DRAFT. Both are editable ({@link Campaign#reconfigure}, {@link Campaign#edit}).</li>
 *   <li><b>SCHEDULED</b> ({@link Campaign#schedule(Schedule, java.time.Instant)}, from READY): to be launched at its
 *       {@link Campaign#schedule() schedule}; still editable, and an edit that makes it invalid leaves it
 *       DRAFT or READY without its schedule; {@link Campaign#unschedule} returns it to READY.</li>
 *   <li><b>launch</b> ({@link Campaign#launch(java.time.Instant)}, or {@link Campaign#launchAt(java.time.Instant, java.time.Instant)} to schedule
 *       it) is accepted only in READY or SCHEDULED, after re-validating
 *       with the time-dependent rules; in DRAFT it throws a {@link CampaignValidationException}
 *       listing every problem. A campaign launched with a start in the future is ACTIVE and
 *       {@link DispatchState.Waiting waiting}; otherwise it is ACTIVE and sending. The engine
 *       launches with {@link Campaign#launchPreparing}: ACTIVE and {@link DispatchState.Preparing preparing}
 *       while it adds the audience, then {@link Campaign#completePreparation} makes it waiting or sending.</li>
 *   <li><b>ACTIVE</b>: configuration frozen (an edit throws {@code CAMPAIGN_FROZEN}). The engine
 *       moves the {@linkplain Campaign#dispatch() dispatch state}: {@link Campaign#renewPreparation},
 *       {@link Campaign#completePreparation}, {@link Campaign#startSending}, {@link Campaign#pause}, {@link Campaign#resume},
 *       {@link Campaign#completeSending}, {@link Campaign#startFinishing}.</li>
 *   <li><b>FINISHED</b> ({@link Campaign#finish}, from ACTIVE only) is terminal: every action is refused,
 *       and a finished campaign is never launched again. The engine gets there in two steps:
 *       {@link Campaign#startFinishing} (ACTIVE and {@link DispatchState.Finishing finishing}: nothing is sent
 *       any more) and, once its clean-up is done, {@link Campaign#finish}.</li>
 *   <li><b>delete</b>: a store deletes a campaign after {@link Campaign#checkDeletable()}, which refuses
 *       an ACTIVE campaign (it must be finished first).</li>
 * </ul>
 */
public enum CampaignState {
    /** Editable; may be incomplete or invalid. */
    DRAFT,
    /** Every mandatory field is present and valid; still editable; may be launched. */
    READY,
    /**
     * READY and to be launched at its {@link Schedule}: still editable, engages no contact until its
     * start; an edit that makes it invalid returns it to DRAFT, unscheduled.
     */
    SCHEDULED,
    /** Launched; configuration frozen; see {@link DispatchState}. */
    ACTIVE,
    /** Terminal: never reactivated, never edited. */
    FINISHED;

    /** Whether a campaign in this state may be deleted: every state but ACTIVE. */
    public boolean allowsDelete() {
        return this != ACTIVE;
    }

    /** Whether a campaign in this state may be edited: DRAFT, READY and SCHEDULED. */
    public boolean allowsEdit() {
        return this == DRAFT || this == READY || this == SCHEDULED;
    }
}
