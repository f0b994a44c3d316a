package io.campaignkit.testkit.engine;

import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.ConversationContext;
import io.campaignkit.core.port.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A {@link BotFlow} that records every message and closing it receives and answers with a scripted
 * behaviour (none by default). Thread-safe.
 */
public final class RecordingBot implements BotFlow {

    /** One message the bot received, with its conversation's context. */
    public record Received(ConversationContext context, ReceivedMessage message) {}

    /** One closing the bot was told about. */
    public record Closed(ConversationContext context, String reason) {}

    private final List<Received> received = new ArrayList<>();
    private final List<Closed> closed = new ArrayList<>();
    private volatile BiConsumer<Received, BotReply> behaviour = (message, reply) -> {};

    /** Answers every message with {@code behaviour}. */
    public RecordingBot answering(BiConsumer<Received, BotReply> behaviour) {
        if (behaviour == null) {
            throw new IllegalArgumentException("behaviour must not be null");
        }
        this.behaviour = behaviour;
        return this;
    }

    @Override
    public void onInboundMessage(ConversationContext context, ReceivedMessage message, BotReply reply) {
        Received item = new Received(context, message);
        synchronized (this) {
            received.add(item);
        }
        behaviour.accept(item, reply);
    }

    @Override
    public synchronized void onConversationClosed(ConversationContext context, String reason) {
        closed.add(new Closed(context, reason));
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized List<Closed> closed() {
        return List.copyOf(closed);
    }
}
