package io.campaignkit.core.campaign;

/**
 * Why sending is paused in an ACTIVE campaign. Closed active hours are no pause: a SENDING campaign
 * simply sends nothing until they open.
 */
public enum PauseReason {
    /** An operator paused it; it resumes when they say so. */
    BY_USER,
    /** The channel asked to slow down or is failing; it resumes when the channel recovers. */
    CHANNEL_UNAVAILABLE,
    /** The channel refused the message's content for good (a template paused or rejected); fix it and resume. */
    CONTENT_REJECTED,
    /** The channel refused the sender's credentials: every campaign on that sender is paused; fix them and resume each. */
    CHANNEL_AUTHENTICATION
}
