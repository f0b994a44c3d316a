package io.campaignkit.core.campaign;

/**
 * The lifecycle of a campaign: {@code DRAFT → READY → ACTIVE → FINISHED}. See {@link Campaign}
 * for the actions each state accepts.
 */
public enum CampaignState {
    /** Editable; may be incomplete or invalid. */
    DRAFT,
    /** Every mandatory field is present and valid; still editable; may be launched. */
    READY,
    /** Launched (now or scheduled); configuration frozen; see {@link DispatchState}. */
    ACTIVE,
    /** Terminal: never reactivated, never edited. */
    FINISHED;

    /** Whether a campaign in this state may be deleted: every state but ACTIVE. */
    public boolean allowsDelete() {
        return this != ACTIVE;
    }

    /** Whether a campaign in this state may be edited: DRAFT and READY. */
    public boolean allowsEdit() {
        return this == DRAFT || this == READY;
    }
}
