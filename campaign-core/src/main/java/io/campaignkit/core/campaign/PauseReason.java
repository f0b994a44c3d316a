package io.campaignkit.core.campaign;

/** Why sending is paused in an ACTIVE campaign. */
public enum PauseReason {
    /** An operator paused it; it resumes when they say so. */
    BY_USER,
    /** The active hours closed; it resumes at their next opening. */
    OUTSIDE_ACTIVE_HOURS,
    /** The channel asked to slow down or is failing; it resumes when the channel recovers. */
    CHANNEL_UNAVAILABLE
}
