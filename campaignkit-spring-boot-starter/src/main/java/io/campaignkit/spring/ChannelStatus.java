package io.campaignkit.spring;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A channel adapter that remembers its last send failure and whether a send succeeded since, for the
 * channel's health. The failure is kept as its class and provider code, never the message or the recipient.
 */
public final class ChannelStatus implements ChannelAdapter {

    /**
     * The last failure of a channel's sends.
     *
     * @param errorClass its class
     * @param providerCode the provider's error code, when it gave one
     * @param at when it was answered
     */
    public record LastError(SendErrorClass errorClass, Optional<String> providerCode, Instant at) {}

    private final ChannelAdapter adapter;
    private final Clock clock;
    private final AtomicReference<LastError> lastError = new AtomicReference<>();
    private volatile boolean failingNow;

    ChannelStatus(ChannelAdapter adapter, Clock clock) {
        this.adapter = adapter;
        this.clock = clock;
    }

    /** The last failed send's error, if a send ever failed. */
    public Optional<LastError> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** Whether the last answered send failed with refused credentials (the channel cannot send at all). */
    public boolean credentialsRefused() {
        LastError error = lastError.get();
        return failingNow && error != null && error.errorClass() == SendErrorClass.AUTHENTICATION;
    }

    @Override
    public String id() {
        return adapter.id();
    }

    @Override
    public ChannelCapabilities capabilities() {
        return adapter.capabilities();
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        return adapter.send(message).whenComplete((receipt, error) -> {
            if (error == null) {
                failingNow = false;
                return;
            }
            ChannelSendException.find(error).ifPresent(e -> {
                lastError.set(new LastError(e.errorClass(), e.failure().providerCode(), clock.instant()));
                failingNow = true;
            });
        });
    }

    @Override
    public java.util.List<io.campaignkit.channel.PreflightProblem> preflight(io.campaignkit.channel.MessagePlan plan) {
        return adapter.preflight(plan); // a wrapper must not hide the adapter's checks
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        return adapter.handleWebhook(request);
    }

    @Override
    public void close() {
        adapter.close();
    }

    @Override
    public String toString() {
        return adapter.toString();
    }
}
