package io.campaignkit.core.port;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.InboundContent;
import io.campaignkit.core.internal.Arguments;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message a contact sent in a campaign's conversation, as handed to its {@link BotFlow}: the
 * engine's view of it, once routed to a conversation. What an adapter parses from a webhook, before
 * any routing, is the channel's {@link io.campaignkit.channel.event.InboundMessage}.
 *
 * <p>{@link #content()} is what the contact sent, typed: text, media, a location, contact cards, a
 * reaction, a tapped button or list row, a form's answers, or a kind the channel does not read
 * ({@link InboundContent.Unsupported} with the channel's name for it). Every kind reaches the bot.
 * {@link #text()} and {@link #media()} are the flat view of the same message for bots that only read text.
 *
 * @param messageId the provider's id of the message, unique per channel
 * @param text the text (a caption, a tapped button's title, or its payload when it has no title); empty
 *     for a message without words
 * @param media links to the message's media, fetchable by the host (media the provider keeps under an
 *     id, as WhatsApp does, is in {@link #content()})
 * @param receivedAt when the channel received it
 * @param queued whether it arrived outside the campaign's active hours and was held until they opened
 * @param content what the contact sent, typed
 */
public record ReceivedMessage(
        String messageId,
        Optional<String> text,
        List<URI> media,
        Instant receivedAt,
        boolean queued,
        InboundContent content) {

    public ReceivedMessage {
        Arguments.requireNonBlank(messageId, "messageId");
        Arguments.requireNonNull(text, "text");
        media = List.copyOf(Arguments.requireNoNullElements(media, "media"));
        Arguments.requireNonNull(receivedAt, "receivedAt");
        Arguments.requireNonNull(content, "content");
    }

    /**
     * A message of text and media links, its content derived from them (media, captioned by the text, or
     * text), as stores written before typed content keep it.
     */
    public ReceivedMessage(
            String messageId, Optional<String> text, List<URI> media, Instant receivedAt, boolean queued) {
        this(messageId, text, media, receivedAt, queued, derived(text, media));
    }

    /** A text message received at {@code receivedAt}, not queued. */
    public static ReceivedMessage text(String messageId, String text, Instant receivedAt) {
        return new ReceivedMessage(
                messageId, Optional.of(Arguments.requireNonNull(text, "text")), List.of(), receivedAt, false);
    }

    /** The same message marked as held until the campaign's hours opened. */
    public ReceivedMessage asQueued() {
        return new ReceivedMessage(messageId, text, media, receivedAt, true, content);
    }

    private static InboundContent derived(Optional<String> text, List<URI> media) {
        Arguments.requireNonNull(text, "text");
        Arguments.requireNoNullElements(media, "media");
        Arguments.require(text.isPresent() || !media.isEmpty(), "text", "an inbound message has text, media or both");
        if (!media.isEmpty()) {
            return new InboundContent.Media(
                    media.stream()
                            .map(url -> MediaReference.ofUrl(MediaKind.OTHER, url))
                            .toList(),
                    text,
                    Optional.empty());
        }
        return new InboundContent.Text(text.get());
    }
}
