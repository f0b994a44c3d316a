package io.campaignkit.channel.simulated;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.TextContent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decides how a {@link SimulatedChannel} answers a send: refused when the content exceeds the
 * capabilities, else the first that applies of the next scripted send, the outcome scripted for the
 * number, a draw from the configuration's {@link OutcomeMix}, the configuration's default outcome.
 *
 * <p>Not thread-safe: the channel calls it only while holding its lock.
 */
final class OutcomeScript {

    private final SimulatedChannelConfiguration configuration;
    private final Deque<Outcome> nextSends = new ArrayDeque<>();
    private final Map<String, Outcome> byNumber = new HashMap<>();
    private final Optional<Random> mixRandom;

    OutcomeScript(SimulatedChannelConfiguration configuration) {
        this.configuration = configuration;
        this.mixRandom = configuration.outcomeMix().map(OutcomeMix::newRandom);
    }

    void queueNextSend(Outcome outcome) {
        nextSends.addLast(outcome);
    }

    void scriptNumber(String recipient, Outcome outcome) {
        byNumber.put(recipient, outcome);
    }

    /** The content failure of {@code message}, checked before an outcome is consumed; empty when it may be sent. */
    Optional<SendFailure> refusal(OutboundMessage message) {
        ChannelCapabilities capabilities = configuration.capabilities();
        if (!capabilities.supports(message.content())) {
            return Optional.of(SendFailure.of(
                    SendErrorClass.CONTENT_PERMANENT,
                    "SIM-UNSUPPORTED-CONTENT",
                    "the simulated channel's capabilities do not allow "
                            + message.content().getClass().getSimpleName()));
        }
        if (message.content() instanceof TextContent text && text.body().length() > capabilities.maxBodyLength()) {
            return Optional.of(SendFailure.of(
                    SendErrorClass.CONTENT_PERMANENT,
                    "SIM-BODY-TOO-LONG",
                    "body has " + text.body().length() + " characters, more than " + capabilities.maxBodyLength()));
        }
        return Optional.empty();
    }

    /** The outcome of the next send to {@code recipient}, consuming a scripted next send if there is one. */
    Outcome outcomeFor(String recipient) {
        Outcome next = nextSends.pollFirst();
        if (next != null) {
            return next;
        }
        Outcome scripted = byNumber.get(recipient);
        if (scripted != null) {
            return scripted;
        }
        if (mixRandom.isPresent()) {
            return configuration.outcomeMix().orElseThrow().draw(mixRandom.get());
        }
        return configuration.defaultOutcome();
    }
}
