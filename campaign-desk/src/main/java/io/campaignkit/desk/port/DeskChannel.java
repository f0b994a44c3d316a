package io.campaignkit.desk.port;

import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.DeskConversation;

/**
 * How an agent's message reaches the contact: on the conversation's channel, under that channel's rules.
 * {@code EngineDeskBridge} implements it over the engine; a test may record.
 */
public interface DeskChannel {

    /**
     * Sends {@code message} in {@code conversation}.
     *
     * @throws io.campaignkit.core.engine.ReplyWindowClosedException {@code CUSTOMER_SERVICE_WINDOW_CLOSED} when the
     *     channel's customer-service window closed (only a template may go then)
     */
    void send(DeskConversation conversation, AgentMessage message);

    /** The desk closed {@code conversation}: the channel's side (the engine's conversation) may close too. Nothing by default. */
    default void closed(DeskConversation conversation) {}
}
