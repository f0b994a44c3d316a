package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * A status report for a message no recipient is known by (yet): kept aside, counted, and applied if
 * the message's receipt is recorded later.
 *
 * @param channelId the channel it came from
 * @param providerMessageId the provider's message id it names
 * @param correlationId the correlation id it echoed, if any
 * @param state the state it reports (SENT, DELIVERED, READ or FAILED)
 * @param reason the failure, with FAILED
 * @param at when the status was reached
 */
public record UnmatchedStatus(
        String channelId,
        String providerMessageId,
        Optional<String> correlationId,
        DeliveryState state,
        Optional<StatusReason> reason,
        Instant at) {

    public UnmatchedStatus {
        Arguments.requireNonBlank(channelId, "channelId");
        Arguments.requireNonBlank(providerMessageId, "providerMessageId");
        Arguments.requireNonNull(correlationId, "correlationId");
        Arguments.requireNonNull(state, "state");
        Arguments.requireNonNull(reason, "reason");
        Arguments.requireNonNull(at, "at");
    }
}
