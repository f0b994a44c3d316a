package io.campaignkit.testkit.engine;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A channel (id {@code simulated}) whose sends answer only when the test says: a send never answered
 * is one a process that died was making.
 */
final class HeldChannel implements ChannelAdapter {

    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<SendReceipt>> answers = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "simulated";
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.custom().maxMessagesPerSecond(80).build();
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        CompletableFuture<SendReceipt> answer = new CompletableFuture<>();
        sent.add(message);
        answers.add(answer);
        return answer;
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        return WebhookResult.ok(List.of());
    }

    /** The channel took send number {@code send} (from 0). */
    void accept(int send) {
        answers.get(send).complete(new SendReceipt("wamid." + send, Instant.EPOCH));
    }

    /** Send number {@code send} failed with {@code errorClass}. */
    void fail(int send, SendErrorClass errorClass) {
        answers.get(send)
                .completeExceptionally(new ChannelSendException(
                        SendFailure.withoutProviderCode(errorClass, "simulated " + errorClass)));
    }
}
