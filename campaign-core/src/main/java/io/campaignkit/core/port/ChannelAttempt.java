package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.Instants;
import java.time.Instant;
import java.util.Optional;

/**
 * An earlier attempt to reach a recipient, on a channel binding the campaign then fell back from
 * ({@link RecipientUpdate.Rerouted}). The recipient's own fields describe its current attempt.
 *
 * @param binding the index of the campaign's channel binding it was sent on (0 is the first)
 * @param providerMessageId the provider's id of that message, when the provider accepted it
 * @param sentAt when the provider accepted it, when it did
 * @param outcome why the engine fell back: the provider's "not on this channel" answer, or no
 *     delivery in time
 * @param endedAt when the engine fell back
 */
public record ChannelAttempt(
        int binding,
        Optional<String> providerMessageId,
        Optional<Instant> sentAt,
        StatusReason outcome,
        Instant endedAt) {

    public ChannelAttempt {
        Arguments.require(binding >= 0, "binding", "binding must not be negative, was " + binding);
        Arguments.requireNonNull(providerMessageId, "providerMessageId");
        sentAt = Arguments.requireNonNull(sentAt, "sentAt").map(Instants::toMillis);
        Arguments.requireNonNull(outcome, "outcome");
        endedAt = Instants.toMillis(Arguments.requireNonNull(endedAt, "endedAt"));
    }
}
