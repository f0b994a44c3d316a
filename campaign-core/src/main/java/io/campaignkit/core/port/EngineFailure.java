package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * Something failed inside the engine without stopping it: a campaign's run (retried at the next),
 * the campaign's bot flow, a bot's reply that the channel refused, a launch interrupted before its
 * imported list was all in, the host's unrouted-message handler, or a channel event the engine could
 * not act on.
 *
 * @param campaignId the campaign concerned, when known
 * @param source where it failed: {@link #CAMPAIGN_RUN}, {@link #BOT_FLOW}, {@link #BOT_REPLY},
 *     {@link #LAUNCH_INTERRUPTED}, {@link #UNROUTED_HANDLER}, {@link #CHANNEL_EVENT_UNREADABLE} or
 *     {@link #CONTACT_AVAILABILITY} or {@link #HAND_OVER_INTERRUPTED}
 * @param error what was thrown or reported
 * @param at when
 */
public record EngineFailure(Optional<CampaignId> campaignId, String source, Throwable error, Instant at) {

    /** Doing what was due for one campaign failed; it is tried again at the next run. */
    public static final String CAMPAIGN_RUN = "CAMPAIGN_RUN";
    /** The campaign's bot flow threw; the conversation stays open. */
    public static final String BOT_FLOW = "BOT_FLOW";
    /** The channel did not accept a bot's reply. */
    public static final String BOT_REPLY = "BOT_REPLY";
    /**
     * A launch stopped before the whole audience was added, and only the host can give the rest (an
     * imported list): launch the campaign again with the same contacts, or finish it. Reported once
     * per engine.
     */
    public static final String LAUNCH_INTERRUPTED = "LAUNCH_INTERRUPTED";
    /**
     * The host's unrouted-message handler threw on a queued message handed over when its campaign
     * finished; the message is named in the log, and the clean-up went on.
     */
    public static final String UNROUTED_HANDLER = "UNROUTED_HANDLER";
    /**
     * A channel reported an event the engine cannot act on: an opt-out or opt-in whose sender is no
     * phone number, or a message the adapter could not read (no id, no sender, a kind of event it does
     * not know). The error's message says which; nothing was changed.
     */
    public static final String CHANNEL_EVENT_UNREADABLE = "CHANNEL_EVENT_UNREADABLE";
    /**
     * The host's {@link ContactAvailability} threw; the batch it was asked about was given back
     * unsent and is checked again later.
     */
    public static final String CONTACT_AVAILABILITY = "CONTACT_AVAILABILITY";
    /**
     * A process died while handing a contact's message to the bot (or the fallback); the engine that
     * took it over could not tell whether the host's code got it and, delivering at most once, did not
     * hand it again. The error is a {@link io.campaignkit.core.engine.HandOverInterruptedException}
     * naming the message.
     */
    public static final String HAND_OVER_INTERRUPTED = "HAND_OVER_INTERRUPTED";

    public EngineFailure {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonBlank(source, "source");
        Arguments.requireNonNull(error, "error");
        Arguments.requireNonNull(at, "at");
    }
}
