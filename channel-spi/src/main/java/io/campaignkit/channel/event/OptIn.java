package io.campaignkit.channel.event;

import io.campaignkit.channel.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The contact asked to receive messages again from a sender (an SMS {@code START} or
 * {@code UNSTOP}). Lifts an earlier {@link OptOut}.
 *
 * @param from              the contact's number
 * @param to                the sender the contact opted back in to
 * @param timestamp         when
 * @param keyword           the keyword used, when the opt-in came as a message
 * @param providerMessageId the provider's id of the message or event that carried it, when there is one
 */
public record OptIn(
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
    public OptIn {
        Checks.notBlank(from, "from");
        Checks.notBlank(to, "to");
        Checks.notNull(timestamp, "timestamp");
        Checks.optional(keyword, "keyword");
        Checks.optional(providerMessageId, "providerMessageId");
    }

    /** @return {@code opt-in:<providerMessageId>} or, without one, {@code opt-in:<from>:<to>:<timestamp>} */
    @Override
    public String deduplicationKey() {
        return "opt-in:" + providerMessageId.orElse(from + ":" + to + ":" + timestamp);
    }
}
