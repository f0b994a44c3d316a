package io.campaignkit.micrometer;

/**
 * The names and tags of the meters {@link CampaignKitMetrics} registers. Tags are bounded: a channel id,
 * an outcome or state from a closed list, and a campaign id only on the gauges of campaigns that are
 * active now (their gauges are removed when they finish). Never a phone number or a message id.
 */
public final class MeterNames {

    /** Counter of sends handed to a channel, by {@link #CHANNEL} and {@link #OUTCOME}. */
    public static final String SENDS = "campaignkit.sends";
    /** Timer of a channel's send, from the hand-over to its answer, by {@link #CHANNEL} and {@link #OUTCOME}. */
    public static final String SEND_LATENCY = "campaignkit.send.latency";
    /** Counter of webhook calls a channel answered, by {@link #CHANNEL} and {@link #RESULT}. */
    public static final String WEBHOOKS = "campaignkit.webhooks";
    /** Counter of status reports that moved a recipient forward, by {@link #STATUS} (delivered, read). */
    public static final String STATUS_EVENTS = "campaignkit.status.events";
    /** Counter of recipients who replied (a recipient's first reply to its campaign). */
    public static final String REPLIES = "campaignkit.replies";
    /** Timer of one pass of the engine ({@code runDue}), by {@link #RESULT} (ok, error). */
    public static final String ENGINE_PASS = "campaignkit.engine.pass";
    /** Gauge of an active campaign's recipients in one {@link #STATE}, by {@link #CAMPAIGN}. */
    public static final String CAMPAIGN_RECIPIENTS = "campaignkit.campaign.recipients";

    /** Tag: the channel id, such as {@code whatsapp-cloud}. */
    public static final String CHANNEL = "channel";
    /** Tag of sends: {@code accepted}, or the lower-case {@code SendErrorClass} of the failure. */
    public static final String OUTCOME = "outcome";
    /** Tag of webhooks: {@code accepted} (2xx), {@code refused} (401, 403), {@code invalid} (other 4xx), {@code error}. */
    public static final String RESULT = "result";
    /** Tag of status events: {@code delivered} or {@code read}. */
    public static final String STATUS = "status";
    /** Tag of the campaign gauges: the campaign id, for active campaigns only. */
    public static final String CAMPAIGN = "campaign";
    /** Tag of the campaign gauges: pending, sending, sent, delivered, read, replied, failed, skipped. */
    public static final String STATE = "state";

    private MeterNames() {}
}
