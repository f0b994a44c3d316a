package io.campaignkit.core.port;

import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.TemplateContent;

/**
 * How a {@link BotFlow} answers within one conversation. Replies go back through the campaign's
 * channel and sender; the engine sends them asynchronously and in order, and reports failures
 * to the {@link CampaignListener}. Belongs to one conversation and stays usable after the call it was
 * passed to returned, while that conversation is open: a bot that looks something up may answer later.
 *
 * <p>Replies count against the sender's limit, as the provider counts every message of the number,
 * but never wait for it nor for the campaign's pace: a reply goes at once, taking a free permit of
 * the sender or, when there is none, its next one in debt, and the campaigns on that sender send
 * their next first messages that much later (first messages yield to replies, not the reverse).
 */
public interface BotReply {

    /** Code of a reply the conversation's channel cannot carry (a media kind it does not declare). */
    String CHANNEL_CANNOT_CARRY = "CHANNEL_CANNOT_CARRY";

    /**
     * Sends {@code text} to the contact, after the replies sent before it in this conversation.
     *
     * @throws io.campaignkit.core.CampaignKitException {@code CUSTOMER_SERVICE_WINDOW_CLOSED} when the
     *     channel has a customer-service window and it closed (only templates may be sent then), or
     *     {@code CONVERSATION_CLOSED} when the conversation is closed
     */
    void sendText(String text);

    /**
     * Sends a media message (an image, a video, an audio clip or voice note, a document, by link) to the
     * contact, after the replies sent before it in this conversation, under the same rules as
     * {@link #sendText}. The engine's replies send it; this default refuses, for handles that send text only.
     *
     * @throws io.campaignkit.core.CampaignKitException {@code CHANNEL_CANNOT_CARRY} when the conversation's
     *     channel does not declare the media's kind ({@link io.campaignkit.channel.ChannelCapabilities#mediaMessageKinds()}),
     *     and as {@link #sendText} for a closed window or conversation
     */
    default void sendMedia(MediaContent media) {
        throw new io.campaignkit.core.CampaignKitException(
                CHANNEL_CANNOT_CARRY, "this reply handle sends text only, not " + media.kind() + " media");
    }

    /**
     * Sends an approved template to the contact, after the replies sent before it in this conversation: the
     * way back in once the customer-service window closed (a template may go outside it; free-form replies may
     * not). Takes a permit of the sender like every reply. The engine's replies send it; this default refuses,
     * for handles that send free-form replies only.
     *
     * @throws io.campaignkit.core.CampaignKitException {@code CHANNEL_CANNOT_CARRY} when the conversation's
     *     channel declares no templates ({@link io.campaignkit.channel.ChannelCapabilities#templates()}), or
     *     {@code CONVERSATION_CLOSED} when the conversation is closed
     */
    default void sendTemplate(TemplateContent template) {
        throw new io.campaignkit.core.CampaignKitException(
                CHANNEL_CANNOT_CARRY,
                "this reply handle sends free-form replies only, not template " + template.name());
    }

    /**
     * Records that the contact reached a step of the bot's funnel (such as {@code PAYMENT_PROMISED}),
     * for the campaign's metrics and per-contact export.
     */
    void reportStep(String step);

    /**
     * Closes the conversation. A later message of the contact, while the campaign is active, opens a
     * new conversation with this bot flow.
     */
    void close();
}
