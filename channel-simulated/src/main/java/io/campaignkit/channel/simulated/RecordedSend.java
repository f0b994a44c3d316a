package io.campaignkit.channel.simulated;

import io.campaignkit.channel.OutboundMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * One send a {@link SimulatedChannel} received.
 *
 * @param sequence          1 for the first send, then 2, 3, ...
 * @param message           the message as the engine sent it
 * @param requestedAt       when, by the channel's clock
 * @param outcome           the outcome it was given
 * @param providerMessageId the simulated provider id when the send is accepted, else empty
 */
public record RecordedSend(
        long sequence,
        OutboundMessage message,
        Instant requestedAt,
        Outcome outcome,
        Optional<String> providerMessageId) {}
