package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * Free-form text, optionally quoting an earlier message and optionally with media attached (an
 * MMS, a WhatsApp image with a caption). On WhatsApp it can only be sent within the
 * customer-service window (see {@link ChannelCapabilities#customerServiceWindow()}). An adapter
 * that cannot attach media, or not of a given kind, fails the send with
 * {@link SendErrorClass#CONTENT_PERMANENT}; {@link ChannelCapabilities#mediaKinds()} says which
 * kinds it takes.
 *
 * @param body                      the text; blank only when media is attached
 * @param replyToProviderMessageId  the provider id of the message this one replies to, if any
 * @param media                     media to attach, in order; empty for plain text
 */
public record TextContent(String body, Optional<String> replyToProviderMessageId, List<MediaReference> media)
        implements MessageContent {

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param body see {@link #body()}
     * @param replyToProviderMessageId see {@link #replyToProviderMessageId()}
     * @param media see {@link #media()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public TextContent {
        Checks.notNull(body, "body");
        Checks.optional(replyToProviderMessageId, "replyToProviderMessageId");
        replyToProviderMessageId.ifPresent(id -> Checks.notBlank(id, "replyToProviderMessageId"));
        media = Checks.listOf(media, "media");
        if (body.isBlank() && media.isEmpty()) {
            throw new IllegalArgumentException("body must not be blank unless media is attached (was '" + body + "')");
        }
    }

    /**
     * Text without media.
     *
     * @param body                     the text, not blank
     * @param replyToProviderMessageId the provider id of the quoted message, if any
     * @throws IllegalArgumentException when an argument is invalid
     */
    public TextContent(String body, Optional<String> replyToProviderMessageId) {
        this(body, replyToProviderMessageId, List.of());
    }

    /**
     * A copy with media attached.
     *
     * @param attachments the media, in order, not null
     * @return a new content
     */
    public TextContent withMedia(List<MediaReference> attachments) {
        return new TextContent(body, replyToProviderMessageId, attachments);
    }

    /**
     * Plain text, not a reply.
     *
     * @param body the text, not blank
     * @return the content
     */
    public static TextContent of(String body) {
        return new TextContent(body, Optional.empty());
    }

    /**
     * Text replying to an earlier message.
     *
     * @param body                     the text, not blank
     * @param replyToProviderMessageId the provider id of the quoted message, not blank
     * @return the content
     */
    public static TextContent replyTo(String body, String replyToProviderMessageId) {
        return new TextContent(
                body, Optional.of(Checks.notBlank(replyToProviderMessageId, "replyToProviderMessageId")));
    }
}
