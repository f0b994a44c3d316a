package io.campaignkit.core.port;

/**
 * How many active campaigns a contact may be in at once, within one tenant; the tenant's
 * {@link ExclusivityPolicy} chooses. A contact refused by the scope is skipped at launch with
 * {@link io.campaignkit.core.engine.SkipReasons#ALREADY_IN_ACTIVE_CAMPAIGN}.
 */
public enum ExclusivityScope {

    /**
     * One active campaign per contact and sender (the default): the same contact may be in one
     * campaign on each of the tenant's senders. A reply to a sender goes to the campaign holding the
     * contact there.
     */
    PER_SENDER,

    /**
     * One active campaign per contact across all of the tenant's senders and channels. A reply goes to
     * that campaign (on the sender it sends from).
     */
    PER_CONTACT,

    /**
     * No exclusivity: a contact may be in several active campaigns, on one sender or several. A reply
     * to a sender goes to the campaign whose message it answers, when the channel says which (a quoted
     * message, a tapped button); else to the active campaign on that sender that most recently messaged
     * the contact (by the provider's acceptance time, or the send's time when its answer is unknown);
     * when none has messaged it yet, to the one that holds it and changed its recipient last.
     */
    NONE
}
