package io.campaignkit.store.jdbc.cluster;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A channel that accepts every message at once (the provider answers inline) and tells a
 * {@link Consumer} about each send before answering, so tests can count the sends of every recipient
 * outside the engine. After {@code stallAfter} sends it stops answering: the sends stay in flight, as
 * when a process dies mid-dispatch.
 */
final class InstantChannel implements ChannelAdapter {

    static final String ID = "instant";
    static final String SENDER = "sender-1";
    static final ChannelCapabilities CAPABILITIES = ChannelCapabilities.custom()
            .templates(true)
            .freeFormText(true)
            .maxMessagesPerSecond(1000)
            .build();

    private final Clock clock;
    private final Consumer<String> sendLog;
    private final long stallAfter;
    private final AtomicLong sent = new AtomicLong();

    InstantChannel(Clock clock, Consumer<String> sendLog) {
        this(clock, sendLog, Long.MAX_VALUE);
    }

    InstantChannel(Clock clock, Consumer<String> sendLog, long stallAfter) {
        this.clock = clock;
        this.sendLog = sendLog;
        this.stallAfter = stallAfter;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        long count = sent.incrementAndGet();
        sendLog.accept(message.recipient());
        if (count > stallAfter) {
            return new CompletableFuture<>(); // never answered
        }
        return CompletableFuture.completedFuture(new SendReceipt("msg-" + message.correlationId(), clock.instant()));
    }

    /** How many messages this channel was handed. */
    long sent() {
        return sent.get();
    }

    /** Whether it stopped answering. */
    boolean stalled() {
        return sent.get() > stallAfter;
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        throw new UnsupportedOperationException("the instant channel has no webhooks");
    }
}
