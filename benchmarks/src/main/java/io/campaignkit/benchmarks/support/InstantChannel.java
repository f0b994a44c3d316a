package io.campaignkit.benchmarks.support;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/** A channel that accepts every message at once: what is measured is the engine and its store, never the channel. */
public final class InstantChannel implements ChannelAdapter {

    public static final String ID = "instant";

    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();

    public InstantChannel(Clock clock) {
        this.clock = clock;
    }

    public static String providerMessageId(long sequence) {
        return "M" + sequence;
    }

    public long sent() {
        return sent.get();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.custom().maxMessagesPerSecond(1_000_000).build();
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        return CompletableFuture.completedFuture(
                new SendReceipt(providerMessageId(sent.incrementAndGet()), clock.instant()));
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        return WebhookResult.ok(List.of());
    }
}
