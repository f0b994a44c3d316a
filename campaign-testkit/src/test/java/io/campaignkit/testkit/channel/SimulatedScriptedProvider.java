package io.campaignkit.testkit.channel;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.webhook.WebhookRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The provider side of a {@link SimulatedChannel}: scripting goes through the channel's public API. */
final class SimulatedScriptedProvider implements ScriptedProvider {

    static final String SENDER = "SIM-SENDER-1";

    private final SimulatedChannel channel;
    private final Clock clock;

    SimulatedScriptedProvider(SimulatedChannel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    @Override
    public String senderId() {
        return SENDER;
    }

    @Override
    public List<ProviderAnswer> answersMeaning(SendErrorClass errorClass) {
        return List.of(ProviderAnswer.withCode(
                "simulated " + errorClass,
                "SIM-" + errorClass.name(),
                () -> channel.scriptNextSend(Outcome.failing(errorClass))));
    }

    @Override
    public WebhookRequest signedStatusWebhook(String providerMessageId, DeliveryStatus status) {
        return channel.signedStatusWebhook(providerMessageId, status);
    }

    @Override
    public WebhookRequest signedStatusWebhookWithUnknownFields(String providerMessageId, DeliveryStatus status) {
        String body = channel.signedStatusWebhook(providerMessageId, status).bodyAsString();
        return channel.signedWebhook(
                "api-version=2&" + body + "&pricing.category=marketing&new-field=%7B%22a%22%3A1%7D");
    }

    @Override
    public WebhookRequest signedInboundTextWebhook(String providerMessageId, String from, String text) {
        return channel.signedWebhook(InboundMessage.builder(providerMessageId, from, SENDER, clock.instant())
                .text(text)
                .build());
    }

    @Override
    public WebhookRequest signedUnknownMessageTypeWebhook(String providerMessageId, String from) {
        return channel.signedWebhook(new UnsupportedMessage(
                Optional.of(providerMessageId),
                Optional.of(from),
                Optional.of(SENDER),
                clock.instant(),
                "location",
                "a location pin"));
    }

    @Override
    public WebhookRequest signedMalformedWebhook() {
        return channel.signedWebhook("event=status&message-id=%ZZ&status=DELIVERED");
    }

    @Override
    public WebhookRequest withBadSignature(WebhookRequest signed) {
        return signed.withHeaders(signed.headers().with(SimulatedChannel.SIGNATURE_HEADER, "sha256=" + "0".repeat(64)));
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        return signed.withHeaders(signed.headers().without(SimulatedChannel.SIGNATURE_HEADER));
    }
}
