package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.event.InboundContent;
import java.time.Instant;
import java.util.List;

/**
 * Everything one webhook POST carried, in WhatsApp's terms, before mapping to SPI events.
 * Ids are WhatsApp ids (digits, no '+'). Absent fields are {@code null}.
 */
public record WebhookPayload(List<Status> statuses, List<Message> messages, List<Preference> preferences) {

    public WebhookPayload {
        statuses = List.copyOf(statuses);
        messages = List.copyOf(messages);
        preferences = List.copyOf(preferences);
    }

    /**
     * A user stopped or resumed marketing messages: a {@code user_preferences} change, or the older
     * {@code system} message of type {@code user_preference_changed}.
     *
     * @param waId     the user's WhatsApp id, when Meta gives it
     * @param userId   the user's business-scoped user id, when Meta gives it
     * @param category {@code marketing_messages}, or what Meta adds later
     * @param value    {@code stop} or {@code resume}, or what Meta adds later
     * @param eventId  the system message's id, for the older form; {@code null} otherwise
     */
    public record Preference(
            String phoneNumberId,
            String waId,
            String userId,
            String category,
            String value,
            Instant timestamp,
            String eventId) {}

    /**
     * A status of a message we sent.
     *
     * @param status lower-case as Meta sent it: sent, delivered, read, failed, or something newer
     */
    public record Status(
            String phoneNumberId,
            String messageId,
            String status,
            Instant timestamp,
            String recipientWaId,
            String callbackData,
            List<StatusError> errors) {
        public Status {
            errors = List.copyOf(errors);
        }
    }

    /** One entry of a failed status's {@code errors[]}. */
    public record StatusError(Integer code, String title, String message, String details) {}

    /**
     * A message a user sent us. {@code messageId} and {@code fromWaId} may be absent or malformed: the
     * mapper reports such messages instead of dropping them.
     *
     * @param fromUserId       the business-scoped user id ({@code from_user_id}), which is all Meta gives
     *                         for a user who set a username and hides the number
     * @param type             Meta's {@code type} as sent (text, button, interactive, image, ...)
     * @param contextMessageId the wamid of our message this one answers ({@code context.id})
     * @param content          what the user sent, typed (an unknown type is {@code Unsupported})
     */
    public record Message(
            String phoneNumberId,
            String messageId,
            String fromWaId,
            String fromUserId,
            String profileName,
            Instant timestamp,
            String type,
            String contextMessageId,
            InboundContent content) {}
}
