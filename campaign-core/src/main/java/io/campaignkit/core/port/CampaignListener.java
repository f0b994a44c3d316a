package io.campaignkit.core.port;

/**
 * Told about campaign lifecycle and per-recipient events, for the host's UI, audit and metrics.
 * Every method does nothing by default, so a listener overrides only what it needs.
 *
 * <p>Called after the change is stored, never under the engine's lock, on the engine's
 * {@linkplain io.campaignkit.core.engine.CampaignEngineBuilder#callbackExecutor callback executor},
 * one event at a time and in the order the engine emitted them; so a listener may call the engine.
 * Keep it quick: the events after it wait for it. An exception thrown here is logged and swallowed;
 * it never undoes or blocks the change.
 */
public interface CampaignListener {

    /** A listener that ignores everything. */
    CampaignListener NONE = new CampaignListener() {};

    /** A campaign accepted an action. */
    default void onLifecycleEvent(CampaignLifecycleEvent event) {}

    /** Something happened to one recipient. */
    default void onRecipientEvent(RecipientEvent event) {}

    /**
     * A finishing campaign's clean-up is done and the campaign is FINISHED: what was skipped, closed,
     * handed to the host's fallback and released.
     */
    default void onFinishCleanUp(FinishCleanUp cleanUp) {}

    /**
     * A SCHEDULED campaign lost its schedule without being launched: unscheduled by the host, made
     * invalid by an edit, refused at its start, or not launched before its latest start.
     */
    default void onUnscheduled(io.campaignkit.core.campaign.Unscheduling unscheduling) {}

    /** Something failed inside the engine (it was also logged); the engine goes on. */
    default void onEngineFailure(EngineFailure failure) {}
}
