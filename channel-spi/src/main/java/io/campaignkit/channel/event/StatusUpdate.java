package io.campaignkit.channel.event;

import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The provider's report on an outbound message. May arrive late, twice, or out of order (a READ with
 * no DELIVERED before it, a DELIVERED after a FAILED).
 *
 * @param providerMessageId the provider's id of the message, as in its {@link io.campaignkit.channel.SendReceipt}
 * @param correlationId     the message's {@link io.campaignkit.channel.OutboundMessage#correlationId()}
 *                          when the provider echoed it back in this event
 * @param status            the new status
 * @param timestamp         when the status was reached
 * @param recipient         the recipient's number as the provider reports it, when it does
 * @param failure           present exactly when {@code status} is {@link DeliveryStatus#FAILED}
 */
public record StatusUpdate(
        String providerMessageId,
        Optional<String> correlationId,
        DeliveryStatus status,
        Instant timestamp,
        Optional<String> recipient,
        Optional<SendFailure> failure)
        implements ChannelEvent {

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param providerMessageId see {@link #providerMessageId()}
     * @param correlationId see {@link #correlationId()}
     * @param status see {@link #status()}
     * @param timestamp see {@link #timestamp()}
     * @param recipient see {@link #recipient()}
     * @param failure see {@link #failure()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public StatusUpdate {
        Checks.notBlank(providerMessageId, "providerMessageId");
        Checks.optional(correlationId, "correlationId");
        correlationId.ifPresent(id -> Checks.notBlank(id, "correlationId"));
        Checks.notNull(status, "status");
        Checks.notNull(timestamp, "timestamp");
        Checks.optional(recipient, "recipient");
        Checks.optional(failure, "failure");
        if (failure.isPresent() != (status == DeliveryStatus.FAILED)) {
            throw new IllegalArgumentException("failure must be present exactly when status is FAILED (status=" + status
                    + ", failure=" + failure.map(SendFailure::describe).orElse("none") + ")");
        }
    }

    /**
     * A status other than FAILED.
     *
     * @param providerMessageId the provider's message id, not blank
     * @param correlationId     the echoed correlation id, or empty
     * @param status            SENT, DELIVERED or READ
     * @param timestamp         when, not null
     * @return the event
     */
    public static StatusUpdate of(
            String providerMessageId, Optional<String> correlationId, DeliveryStatus status, Instant timestamp) {
        return new StatusUpdate(
                providerMessageId, correlationId, status, timestamp, Optional.empty(), Optional.empty());
    }

    /**
     * A FAILED status.
     *
     * @param providerMessageId the provider's message id, not blank
     * @param correlationId     the echoed correlation id, or empty
     * @param timestamp         when, not null
     * @param failure           the classified failure, not null
     * @return the event
     */
    public static StatusUpdate failed(
            String providerMessageId, Optional<String> correlationId, Instant timestamp, SendFailure failure) {
        return new StatusUpdate(
                providerMessageId,
                correlationId,
                DeliveryStatus.FAILED,
                timestamp,
                Optional.empty(),
                Optional.of(Checks.notNull(failure, "failure")));
    }

    /**
     * A copy naming the recipient.
     *
     * @param number the recipient as the provider reports it, not blank
     * @return a new event
     */
    public StatusUpdate withRecipient(String number) {
        return new StatusUpdate(
                providerMessageId,
                correlationId,
                status,
                timestamp,
                Optional.of(Checks.notBlank(number, "recipient")),
                failure);
    }

    /** @return {@code status:<providerMessageId>:<status>} */
    @Override
    public String deduplicationKey() {
        return "status:" + providerMessageId + ":" + status;
    }
}
