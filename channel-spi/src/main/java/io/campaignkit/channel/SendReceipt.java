package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.time.Instant;

/**
 * The provider accepted a message. Acceptance is not delivery: status events follow.
 *
 * @param providerMessageId the provider's id of the message (WhatsApp {@code wamid...}, Twilio
 *                          {@code SM...}), which status events and replies refer to; not blank
 * @param acceptedAt        when the adapter received the acceptance, by the adapter's clock
 */
public record SendReceipt(String providerMessageId, Instant acceptedAt) {

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param providerMessageId see {@link #providerMessageId()}
     * @param acceptedAt see {@link #acceptedAt()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public SendReceipt {
        Checks.notBlank(providerMessageId, "providerMessageId");
        Checks.notNull(acceptedAt, "acceptedAt");
    }
}
