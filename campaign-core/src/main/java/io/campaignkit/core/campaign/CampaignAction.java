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
    /** Start the campaign, now or at its planned start. */
    LAUNCH,
    /** The planned start has come: begin sending. */
    START_SENDING,
    /** Stop sending for a while, keeping conversations open. */
    PAUSE,
    /** Go on sending after a pause. */
    RESUME,
    /** Every recipient has been handled: sending is done, conversations stay open. */
    COMPLETE_SENDING,
    /** End the campaign for good. */
    FINISH,
    /** Remove the campaign for good. */
    DELETE
}
