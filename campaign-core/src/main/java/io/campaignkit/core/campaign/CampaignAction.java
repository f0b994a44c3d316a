package io.campaignkit.core.campaign;

/**
 * The actions on a campaign: named by {@link IllegalCampaignActionException} when a state refuses
 * one, and by lifecycle events when one is accepted.
 */
public enum CampaignAction {
    /** Create the campaign; never refused by a state. */
    CREATE,
    /** Change the configuration. */
    EDIT,
    /** Have a READY campaign launched at an instant by whichever engine runs then. */
    SCHEDULE,
    /** Take a SCHEDULED campaign back to READY (or DRAFT, after an edit that made it invalid). */
    UNSCHEDULE,
    /** Start the campaign, now or at its planned start (the engine first prepares its audience). */
    LAUNCH,
    /** A launching engine shows it is still adding the audience, or takes over an abandoned preparation. */
    PREPARE,
    /** Every recipient of the audience is in: sending may begin (at the planned start). */
    COMPLETE_PREPARATION,
    /** The planned start has come: begin sending. */
    START_SENDING,
    /** Stop sending for a while, keeping conversations open. */
    PAUSE,
    /** Go on sending after a pause. */
    RESUME,
    /** Every recipient has been handled: sending is done, conversations stay open. */
    COMPLETE_SENDING,
    /** Append contacts to an ACTIVE campaign; one done sending sends again. */
    ADD_CONTACTS,
    /** Stop sending for good and begin the finishing clean-up (the engine then finishes the campaign). */
    START_FINISHING,
    /** End the campaign for good. */
    FINISH,
    /** Remove the campaign for good. */
    DELETE
}
