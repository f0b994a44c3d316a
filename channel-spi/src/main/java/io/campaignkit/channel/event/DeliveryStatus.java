package io.campaignkit.channel.event;

/**
 * The delivery states a provider reports for an outbound message, normalized. Provider states with no
 * meaning for the engine (Twilio's {@code queued}, {@code sending}) produce no event.
 */
public enum DeliveryStatus {
    /** The provider handed the message to the network or the messaging app. */
    SENT,
    /** The message reached the recipient's device. */
    DELIVERED,
    /** The recipient opened it (where the channel reports reads, as WhatsApp does). */
    READ,
    /** The message will not be delivered; the status update carries the failure. */
    FAILED
}
