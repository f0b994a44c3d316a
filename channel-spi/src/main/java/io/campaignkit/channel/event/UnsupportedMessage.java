package io.campaignkit.channel.event;

import io.campaignkit.channel.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * Something the provider sent that the adapter does not understand: a message type it does not know
 * (a new WhatsApp type, a location, a reaction). Reported instead of throwing, so new provider
 * features never break webhook handling; the engine records it and may tell the bot.
 *
 * @param providerMessageId the provider's id of the message, when it has one
 * @param from              the contact's number, when known
 * @param to                the receiving sender id, when known
 * @param timestamp         when
 * @param providerType      the provider's name for the type, such as {@code location}
 * @param description       a short explanation for logs
 */
public record UnsupportedMessage(
        Optional<String> providerMessageId,
        Optional<String> from,
        Optional<String> to,
        Instant timestamp,
        String providerType,
        String description)
        implements ChannelEvent {

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param providerMessageId see {@link #providerMessageId()}
     * @param from see {@link #from()}
     * @param to see {@link #to()}
     * @param timestamp see {@link #timestamp()}
     * @param providerType see {@link #providerType()}
     * @param description see {@link #description()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public UnsupportedMessage {
        Checks.optional(providerMessageId, "providerMessageId");
        Checks.optional(from, "from");
        Checks.optional(to, "to");
        Checks.notNull(timestamp, "timestamp");
        Checks.notBlank(providerType, "providerType");
        Checks.notBlank(description, "description");
    }

    /**
     * @return {@code unsupported:<providerMessageId>} or, without one,
     *         {@code unsupported:<providerType>:<from>:<timestamp>}
     */
    @Override
    public String deduplicationKey() {
        return "unsupported:" + providerMessageId.orElse(providerType + ":" + from.orElse("?") + ":" + timestamp);
    }
}
