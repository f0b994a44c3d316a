package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a parsed webhook into SPI events for one phone number. Changes addressed to another number
 * of the same app are skipped: each adapter reports only its own number's events.
 */
public final class EventMapper {

    private static final int USER_STOPPED_MARKETING = 131050;

    private final String phoneNumberId;
    private final Clock clock;

    public EventMapper(String phoneNumberId, Clock clock) {
        this.phoneNumberId = phoneNumberId;
        this.clock = clock;
    }

    public List<ChannelEvent> toEvents(WebhookPayload payload) {
        List<ChannelEvent> events = new ArrayList<>();
        for (WebhookPayload.Status status : payload.statuses()) {
            if (isOurs(status.phoneNumberId())) {
                statusEvent(status).ifPresent(events::add);
                stoppedMarketing(status).ifPresent(events::add);
            }
        }
        for (WebhookPayload.Message message : payload.messages()) {
            if (isOurs(message.phoneNumberId())) {
                events.add(messageEvent(message));
            }
        }
        return events;
    }

    private boolean isOurs(String eventPhoneNumberId) {
        return eventPhoneNumberId == null || eventPhoneNumberId.equals(phoneNumberId);
    }

    private Optional<ChannelEvent> statusEvent(WebhookPayload.Status status) {
        DeliveryStatus deliveryStatus = switch (status.status()) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed" -> DeliveryStatus.FAILED;
            // "deleted" (legacy) and states Meta adds later mean nothing to the engine.
            default -> null;
        };
        if (deliveryStatus == null) {
            return Optional.empty();
        }
        Optional<String> correlationId = Optional.ofNullable(status.callbackData()).filter(id -> !id.isBlank());
        Instant timestamp = orNow(status.timestamp());
        StatusUpdate update = deliveryStatus == DeliveryStatus.FAILED
                ? StatusUpdate.failed(status.messageId(), correlationId, timestamp, failure(status.errors()))
                : StatusUpdate.of(status.messageId(), correlationId, deliveryStatus, timestamp);
        String recipient = WhatsAppIds.toE164(status.recipientWaId());
        return Optional.of(recipient == null ? update : update.withRecipient(recipient));
    }

    /**
     * A failure with 131050 means the user chose to stop marketing messages from this business: it is
     * reported as an opt-out too, so the engine suppresses the contact instead of trying other campaigns.
     */
    private Optional<ChannelEvent> stoppedMarketing(WebhookPayload.Status status) {
        String recipient = WhatsAppIds.toE164(status.recipientWaId());
        boolean stopped = "failed".equals(status.status()) && status.errors().stream()
                .anyMatch(error -> error.code() != null && error.code() == USER_STOPPED_MARKETING);
        if (!stopped || recipient == null) {
            return Optional.empty();
        }
        return Optional.of(new OptOut(recipient, phoneNumberId, orNow(status.timestamp()), Optional.empty(),
                Optional.of(status.messageId())));
    }

    static SendFailure failure(List<WebhookPayload.StatusError> errors) {
        if (errors.isEmpty() || errors.get(0).code() == null) {
            return SendFailure.withoutProviderCode(SendErrorClass.TRANSIENT, "failed without error details");
        }
        WebhookPayload.StatusError error = errors.get(0);
        // Only free-form messages can fail with 131047 (window closed), so a status's 131047 is free-form.
        ErrorClassifier.Classification classification = ErrorClassifier.byCode(error.code(), true);
        String message = firstNonBlank(error.details(), error.message(), error.title(), "failed with code " + error.code());
        SendFailure failure = SendFailure.of(SendErrorClass.valueOf(classification.kind().name()),
                String.valueOf(error.code()), message);
        return classification.retryAfter() == null ? failure : failure.withRetryAfter(classification.retryAfter());
    }

    private ChannelEvent messageEvent(WebhookPayload.Message message) {
        String from = Optional.ofNullable(WhatsAppIds.toE164(message.fromWaId())).orElse(message.fromWaId());
        String to = message.phoneNumberId() != null ? message.phoneNumberId() : phoneNumberId;
        Instant timestamp = orNow(message.timestamp());
        InboundMessage.Builder inbound = InboundMessage.builder(message.messageId(), from, to, timestamp)
                .profileName(message.profileName())
                .replyToProviderMessageId(message.contextMessageId());
        switch (message.kind()) {
            case TEXT -> inbound.text(message.text());
            case BUTTON, INTERACTIVE_REPLY -> inbound.text(message.reply().title()).buttonPayload(message.reply().id());
            case MEDIA -> {
                if (message.media().mediaId() == null || message.media().mediaId().isBlank()) {
                    return unsupported(message, from, to, timestamp, "media message without a media id");
                }
                MediaReference media = MediaReference.ofProviderId(mediaKind(message.media().type()),
                        message.media().mediaId());
                if (message.media().mimeType() != null && !message.media().mimeType().isBlank()) {
                    media = media.withMimeType(message.media().mimeType());
                }
                inbound.text(message.text()).media(List.of(media));
            }
            case UNSUPPORTED -> {
                return unsupported(message, from, to, timestamp,
                        "WhatsApp message type not handled by CampaignKit");
            }
        }
        return inbound.build();
    }

    private static ChannelEvent unsupported(WebhookPayload.Message message, String from, String to, Instant timestamp,
                                            String description) {
        String type = message.type() == null || message.type().isBlank() ? "unknown" : message.type();
        return new UnsupportedMessage(Optional.of(message.messageId()), Optional.of(from), Optional.of(to), timestamp,
                type, description);
    }

    private static MediaKind mediaKind(String type) {
        return switch (type) {
            case "image" -> MediaKind.IMAGE;
            case "video" -> MediaKind.VIDEO;
            case "audio" -> MediaKind.AUDIO;
            case "document" -> MediaKind.DOCUMENT;
            case "sticker" -> MediaKind.STICKER;
            default -> MediaKind.OTHER;
        };
    }

    private Instant orNow(Instant timestamp) {
        return timestamp != null ? timestamp : clock.instant();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return values[values.length - 1];
    }
}
