package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptIn;
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
 *
 * <p>Nothing of our number is dropped silently: a message without an id, or whose sender is neither a
 * phone id nor a business-scoped user id, becomes an {@link UnsupportedMessage} that says why (the
 * engine logs it as a warning). A message from a user who hides the number behind a username (only
 * {@code from_user_id}, a business-scoped user id such as {@code US.13491208655302741918}) is an
 * inbound message whose {@code from} is that id: the engine cannot match it to a phone contact and hands
 * it to the host's unrouted-message handler. Provider timestamps more than {@link #MAX_CLOCK_SKEW}
 * ahead of the request's arrival ({@code WebhookRequest.receivedAt}, else the adapter's clock) are replaced by
 * that arrival time: a message cannot come from the future,
 * and a wrong year would corrupt reply times and windows.
 */
public final class EventMapper {

    private static final int USER_STOPPED_MARKETING = 131050;
    /** How far ahead of our clock a provider timestamp may be and still be believed. */
    static final java.time.Duration MAX_CLOCK_SKEW = java.time.Duration.ofHours(1);
    /** Meta's business-scoped user id: an ISO country code, a period, then letters, digits and periods. */
    private static final java.util.regex.Pattern USER_ID =
            java.util.regex.Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9.]{1,140}");

    private final String phoneNumberId;
    private final Clock clock;

    public EventMapper(String phoneNumberId, Clock clock) {
        this.phoneNumberId = phoneNumberId;
        this.clock = clock;
    }

    /** The events of {@code payload} as of now on the adapter's clock (a request the host did not stamp). */
    public List<ChannelEvent> toEvents(WebhookPayload payload) {
        return toEvents(payload, clock.instant());
    }

    /**
     * The events of {@code payload}, which arrived at {@code receivedAt}: the time of events without a
     * provider timestamp (or with one too far ahead of it), so that the same request always gives equal events.
     */
    public List<ChannelEvent> toEvents(WebhookPayload payload, Instant receivedAt) {
        Instant now = receivedAt;
        List<ChannelEvent> events = new ArrayList<>();
        for (WebhookPayload.Status status : payload.statuses()) {
            if (isOurs(status.phoneNumberId())) {
                statusEvent(status, now).ifPresent(events::add);
                stoppedMarketing(status, now).ifPresent(events::add);
            }
        }
        for (WebhookPayload.Message message : payload.messages()) {
            if (isOurs(message.phoneNumberId())) {
                events.add(messageEvent(message, now));
            }
        }
        for (WebhookPayload.Preference preference : payload.preferences()) {
            if (isOurs(preference.phoneNumberId())) {
                events.add(preferenceEvent(preference, now));
            }
        }
        return events;
    }

    /**
     * A user stopping marketing messages is an opt-out of this sender, resuming is an opt-in (issue 14
     * item 7); anything else Meta may add is reported, not guessed.
     */
    private ChannelEvent preferenceEvent(WebhookPayload.Preference preference, Instant now) {
        String to = preference.phoneNumberId() != null ? preference.phoneNumberId() : phoneNumberId;
        Instant timestamp = timestampOf(preference.timestamp(), now);
        String user = userOf(preference.waId(), preference.userId());
        String value =
                preference.value() == null ? "" : preference.value().strip().toLowerCase(java.util.Locale.ROOT);
        boolean marketing = preference.category() == null || "marketing_messages".equals(preference.category());
        if (user == null || !marketing || !(value.equals("stop") || value.equals("resume"))) {
            return new UnsupportedMessage(
                    Optional.ofNullable(preference.eventId()),
                    Optional.ofNullable(user),
                    Optional.of(to),
                    timestamp,
                    "user_preferences",
                    "a user_preferences change CampaignKit cannot apply (user "
                            + describe(preference.waId(), preference.userId()) + ", category " + preference.category()
                            + ", value " + preference.value() + ")");
        }
        Optional<String> keyword = Optional.of("marketing_messages:" + value);
        Optional<String> eventId = Optional.ofNullable(preference.eventId());
        return value.equals("stop")
                ? new OptOut(user, to, timestamp, keyword, eventId)
                : new OptIn(user, to, timestamp, keyword, eventId);
    }

    /** The user as the SPI names them: E.164 from the phone id, else the business-scoped user id; null if neither. */
    private static String userOf(String waId, String userId) {
        String phone = WhatsAppIds.toE164(waId);
        if (phone != null) {
            return phone;
        }
        return waId == null && userId != null && USER_ID.matcher(userId).matches() ? userId : null;
    }

    private static String describe(String waId, String userId) {
        return "from '" + Optional.ofNullable(waId).orElse("") + "' / user id '"
                + Optional.ofNullable(userId).orElse("") + "'";
    }

    private boolean isOurs(String eventPhoneNumberId) {
        return eventPhoneNumberId == null || eventPhoneNumberId.equals(phoneNumberId);
    }

    private Optional<ChannelEvent> statusEvent(WebhookPayload.Status status, Instant now) {
        if (status.messageId() == null || status.status() == null) {
            return Optional.of(new UnsupportedMessage(
                    Optional.ofNullable(status.messageId()),
                    Optional.empty(),
                    Optional.of(phoneNumberId),
                    timestampOf(status.timestamp(), now),
                    "status",
                    "a WhatsApp status without " + (status.messageId() == null ? "a message id" : "a status value")
                            + ": it cannot be applied"));
        }
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
        Optional<String> correlationId =
                Optional.ofNullable(status.callbackData()).filter(id -> !id.isBlank());
        Instant timestamp = timestampOf(status.timestamp(), now);
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
    private Optional<ChannelEvent> stoppedMarketing(WebhookPayload.Status status, Instant now) {
        String recipient = WhatsAppIds.toE164(status.recipientWaId());
        boolean stopped = status.messageId() != null
                && "failed".equals(status.status())
                && status.errors().stream()
                        .anyMatch(error -> error.code() != null && error.code() == USER_STOPPED_MARKETING);
        if (!stopped || recipient == null) {
            return Optional.empty();
        }
        return Optional.of(new OptOut(
                recipient,
                phoneNumberId,
                timestampOf(status.timestamp(), now),
                Optional.empty(),
                Optional.of(status.messageId())));
    }

    static SendFailure failure(List<WebhookPayload.StatusError> errors) {
        if (errors.isEmpty() || errors.get(0).code() == null) {
            return SendFailure.withoutProviderCode(SendErrorClass.TRANSIENT, "failed without error details");
        }
        WebhookPayload.StatusError error = errors.get(0);
        // Only free-form messages can fail with 131047 (window closed), so a status's 131047 is free-form.
        ErrorClassifier.Classification classification = ErrorClassifier.byCode(error.code(), true);
        String message =
                firstNonBlank(error.details(), error.message(), error.title(), "failed with code " + error.code());
        SendFailure failure = ErrorClassifier.notOnChannel(error.code())
                ? SendFailure.notOnChannel(String.valueOf(error.code()), message)
                : SendFailure.of(
                        SendErrorClass.valueOf(classification.kind().name()), String.valueOf(error.code()), message);
        return classification.retryAfter() == null ? failure : failure.withRetryAfter(classification.retryAfter());
    }

    private ChannelEvent messageEvent(WebhookPayload.Message message, Instant now) {
        String to = message.phoneNumberId() != null ? message.phoneNumberId() : phoneNumberId;
        Instant timestamp = timestampOf(message.timestamp(), now);
        String from = userOf(message.fromWaId(), message.fromUserId());
        String type = message.type() == null || message.type().isBlank() ? "unknown" : message.type();
        if (message.messageId() == null || from == null) {
            String why = message.messageId() == null
                    ? "a WhatsApp message without an id"
                    : "a WhatsApp message whose sender is no phone id nor business-scoped user id ("
                            + describe(message.fromWaId(), message.fromUserId()) + ")";
            return new UnsupportedMessage(
                    Optional.ofNullable(message.messageId()),
                    Optional.ofNullable(from),
                    Optional.of(to),
                    timestamp,
                    type,
                    why + ": not passed to the engine as a message");
        }
        return InboundMessage.builder(message.messageId(), from, to, timestamp)
                .profileName(message.profileName())
                .replyToProviderMessageId(message.contextMessageId())
                .content(message.content())
                .build();
    }

    /** The provider's time, or the request's arrival when it gave none or one too far ahead to be true. */
    private static Instant timestampOf(Instant provided, Instant now) {
        return provided == null || provided.isAfter(now.plus(MAX_CLOCK_SKEW)) ? now : provided;
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
