package io.campaignkit.core.engine;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.core.internal.Arguments;
import java.util.function.Consumer;

/**
 * The host's fallback for inbound messages no campaign's bot will answer: from contacts engaged in no
 * active campaign on the sender they wrote to, from numbers that are no valid phone, and messages
 * queued outside a campaign's active hours whose campaign finished before the hours opened (so
 * nothing queued is lost). Called outside the engine's lock on its
 * {@linkplain CampaignEngineBuilder#callbackExecutor callback executor}; the queued messages of one
 * finished campaign in the order they arrived.
 *
 * <p>The engine calls {@link #onUnroutedMessage(UnroutedMessage)}, which by default passes the
 * channel and message to {@link #onUnroutedMessage(String, InboundMessage)}; a host that wants to know
 * why overrides it, or builds its handler with {@link #withReasons(Consumer)}.
 *
 * <p>The engine's default is {@link #LOG_WARNING}: nothing a contact writes disappears without a trace.
 */
@FunctionalInterface
public interface UnroutedMessageHandler {

    /** Ignores every message, without a trace; a host that handles them elsewhere may choose it. */
    UnroutedMessageHandler IGNORE = (channelId, message) -> {};

    /**
     * The engine's default: logs one warning per message (SLF4J logger
     * {@code io.campaignkit.core.engine.UnroutedMessageHandler}) with the channel, the reason, the provider's
     * message id and the sender.
     */
    UnroutedMessageHandler LOG_WARNING = logging(org.slf4j.LoggerFactory.getLogger(UnroutedMessageHandler.class)::warn);

    /**
     * A handler that writes one line per message to {@code log}, as {@link #LOG_WARNING} does to its logger.
     *
     * @param log where each line goes
     * @return the handler
     */
    static UnroutedMessageHandler logging(Consumer<String> log) {
        Arguments.requireNonNull(log, "log");
        return withReasons(unrouted -> log.accept("inbound message "
                + unrouted.message().providerMessageId()
                + " on channel " + unrouted.channelId() + " from "
                + unrouted.message().from()
                + " to " + unrouted.message().to() + " reaches no bot: " + unrouted.reason()
                + unrouted.campaignId().map(id -> " (campaign " + id + ")").orElse("")));
    }

    void onUnroutedMessage(String channelId, InboundMessage message);

    /** The message with why it is not routed; by default {@code onUnroutedMessage(channelId, message)}. */
    default void onUnroutedMessage(UnroutedMessage unrouted) {
        onUnroutedMessage(unrouted.channelId(), unrouted.message());
    }

    /** A handler that receives every unrouted message with its reason and campaign. */
    static UnroutedMessageHandler withReasons(Consumer<UnroutedMessage> handler) {
        Arguments.requireNonNull(handler, "handler");
        return new UnroutedMessageHandler() {
            @Override
            public void onUnroutedMessage(String channelId, InboundMessage message) {
                handler.accept(new UnroutedMessage(
                        channelId, message, UnroutedMessage.Reason.NO_ACTIVE_CAMPAIGN, java.util.Optional.empty()));
            }

            @Override
            public void onUnroutedMessage(UnroutedMessage unrouted) {
                handler.accept(unrouted);
            }
        };
    }
}
