package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;

import java.util.Optional;

/**
 * Free-form text, optionally quoting an earlier message. On WhatsApp it can only be sent within the
 * customer-service window (see {@link ChannelCapabilities#customerServiceWindow()}).
 *
 * @param body                      the text, not blank
 * @param replyToProviderMessageId  the provider id of the message this one replies to, if any
 */
public record TextContent(String body, Optional<String> replyToProviderMessageId) implements MessageContent {

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param body see {@link #body()}
     * @param replyToProviderMessageId see {@link #replyToProviderMessageId()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public TextContent {
        Checks.notBlank(body, "body");
        Checks.optional(replyToProviderMessageId, "replyToProviderMessageId");
        replyToProviderMessageId.ifPresent(id -> Checks.notBlank(id, "replyToProviderMessageId"));
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
        return new TextContent(body, Optional.of(Checks.notBlank(replyToProviderMessageId, "replyToProviderMessageId")));
    }
}
