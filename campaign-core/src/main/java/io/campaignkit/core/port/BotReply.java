package io.campaignkit.core.port;

/**
 * How a {@link BotFlow} answers within one conversation. Replies go back through the campaign's
 * channel and sender; the engine sends them asynchronously and in order, and reports failures
 * to the {@link CampaignListener}. Valid only during the call it was passed to and for the
 * conversation it belongs to.
 */
public interface BotReply {

    /** Sends {@code text} to the contact. */
    void sendText(String text);

    /**
     * Records that the contact reached a step of the bot's funnel (such as {@code PAYMENT_PROMISED}),
     * for the campaign's metrics and per-contact export.
     */
    void reportStep(String step);

    /** Closes the conversation: later messages of the contact no longer reach this bot flow. */
    void close();
}
