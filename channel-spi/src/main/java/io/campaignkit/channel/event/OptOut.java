package io.campaignkit.channel.event;

import io.campaignkit.channel.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The contact asked to receive no more messages from a sender (an SMS {@code STOP}, a WhatsApp
 * "stop promotions"). It may come with the {@link InboundMessage} that carried the keyword; the
 * engine suppresses the contact for that sender.
 *
 * @param from              the contact's number
 * @param to                the sender the contact opted out of
 * @param timestamp         when
 * @param keyword           the keyword used, when the opt-out came as a message
 * @param providerMessageId the provider's id of the message or event that carried it, when there is one
 */
public record OptOut(
        String from, String to, Instant timestamp, Optional<String> keyword, Optional<String> providerMessageId)
        implements ChannelEvent {

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param from see {@link #from()}
     * @param to see {@link #to()}
     * @param timestamp see {@link #timestamp()}
     * @param keyword see {@link #keyword()}
     * @param providerMessageId see {@link #providerMessageId()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public OptOut {
        Checks.notBlank(from, "from");
        Checks.notBlank(to, "to");
        Checks.notNull(timestamp, "timestamp");
        Checks.optional(keyword, "keyword");
        Checks.optional(providerMessageId, "providerMessageId");
    }

    /** @return {@code opt-out:<providerMessageId>} or, without one, {@code opt-out:<from>:<to>:<timestamp>} */
    @Override
    public String deduplicationKey() {
        return "opt-out:" + providerMessageId.orElse(from + ":" + to + ":" + timestamp);
    }
}
