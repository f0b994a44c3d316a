package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message a contact sent in a campaign's conversation, as handed to its {@link BotFlow}.
 *
 * @param messageId the provider's id of the message, unique per channel
 * @param text the text, empty for a message with media only
 * @param media links to the message's media, fetchable by the host
 * @param receivedAt when the channel received it
 * @param queued whether it arrived outside the campaign's active hours and was held until they opened
 */
public record InboundMessage(String messageId, Optional<String> text, List<URI> media, Instant receivedAt,
        boolean queued) {

    public InboundMessage {
        Arguments.requireNonBlank(messageId, "messageId");
        Arguments.requireNonNull(text, "text");
        media = List.copyOf(Arguments.requireNoNullElements(media, "media"));
        Arguments.requireNonNull(receivedAt, "receivedAt");
        Arguments.require(text.isPresent() || !media.isEmpty(), "text", "an inbound message has text, media or both");
    }

    /** A text message received at {@code receivedAt}, not queued. */
    public static InboundMessage text(String messageId, String text, Instant receivedAt) {
        return new InboundMessage(messageId, Optional.of(Arguments.requireNonNull(text, "text")), List.of(), receivedAt, false);
    }
}
