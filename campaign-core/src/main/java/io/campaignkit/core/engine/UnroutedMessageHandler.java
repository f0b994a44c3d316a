package io.campaignkit.core.engine;

import io.campaignkit.channel.event.InboundMessage;

/**
 * The host's fallback for inbound messages from contacts engaged in no active campaign on the
 * sender they wrote to (or from numbers that are no valid phone). Called on the engine's thread.
 */
@FunctionalInterface
public interface UnroutedMessageHandler {

    /** Ignores every message. */
    UnroutedMessageHandler IGNORE = (channelId, message) -> { };

    void onUnroutedMessage(String channelId, InboundMessage message);
}
