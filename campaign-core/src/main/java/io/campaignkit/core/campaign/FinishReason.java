package io.campaignkit.core.campaign;

/** Why a campaign was finished. */
public enum FinishReason {
    /** An operator (or the host on their behalf) finished it. */
    BY_USER,
    /** Its delivery plan's end instant was reached. */
    END_REACHED,
    /** Sending was done and every conversation had closed. */
    COMPLETED,
    /** The channel refused the campaign's content for good (a template paused or disabled, say). */
    CHANNEL_REFUSED
}
