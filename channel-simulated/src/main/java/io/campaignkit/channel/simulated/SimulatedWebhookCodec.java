package io.campaignkit.channel.simulated;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptIn;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The simulated provider's wire format: one event per form-encoded body, such as
 * {@code event=status&message-id=SIM-000001&status=DELIVERED&timestamp=1767603600000&correlation-id=r1}.
 * Unknown fields are ignored; an unknown {@code event} becomes an {@link UnsupportedMessage}; an
 * unknown status value is ignored; a missing or unreadable mandatory field is malformed.
 */
final class SimulatedWebhookCodec {

    static final String EVENT = "event";
    static final String MESSAGE_ID = "message-id";
    static final String STATUS = "status";
    static final String TIMESTAMP = "timestamp";
    static final String CORRELATION_ID = "correlation-id";
    static final String RECIPIENT = "recipient";
    static final String ERROR_CLASS = "error-class";
    static final String ERROR_CODE = "error-code";
    static final String ERROR_MESSAGE = "error-message";
    static final String RETRY_AFTER_MILLIS = "retry-after-millis";
    static final String NOT_ON_CHANNEL = "not-on-channel";
    static final String FROM = "from";
    static final String TO = "to";
    static final String TEXT = "text";
    static final String BUTTON_PAYLOAD = "button-payload";
    static final String REPLY_TO = "reply-to";
    static final String PROFILE_NAME = "profile-name";
    static final String MEDIA = "media";
    static final String KEYWORD = "keyword";
    static final String DESCRIPTION = "description";

    private SimulatedWebhookCodec() {}

    /** Thrown for a body the simulated provider would never send. */
    static final class MalformedWebhookException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedWebhookException(String message) {
            super(message);
        }
    }

    static String encode(ChannelEvent event) {
        Form form = new Form();
        if (event instanceof StatusUpdate status) {
            form.put(EVENT, "status")
                    .put(MESSAGE_ID, status.providerMessageId())
                    .put(STATUS, status.status().name())
                    .put(TIMESTAMP, status.timestamp())
                    .put(CORRELATION_ID, status.correlationId())
                    .put(RECIPIENT, status.recipient());
            status.failure()
                    .ifPresent(failure -> form.put(
                                    ERROR_CLASS, failure.errorClass().name())
                            .put(ERROR_CODE, failure.providerCode())
                            .put(ERROR_MESSAGE, failure.providerMessage())
                            .put(RETRY_AFTER_MILLIS, failure.retryAfter().map(delay -> Long.toString(delay.toMillis())))
                            .put(NOT_ON_CHANNEL, failure.notOnChannel() ? Optional.of("true") : Optional.empty()));
        } else if (event instanceof InboundMessage inbound) {
            form.put(EVENT, "inbound")
                    .put(MESSAGE_ID, inbound.providerMessageId())
                    .put(FROM, inbound.from())
                    .put(TO, inbound.to())
                    .put(TIMESTAMP, inbound.timestamp())
                    .put(TEXT, inbound.text())
                    .put(BUTTON_PAYLOAD, inbound.buttonPayload())
                    .put(REPLY_TO, inbound.replyToProviderMessageId())
                    .put(PROFILE_NAME, inbound.profileName());
            for (MediaReference media : inbound.media()) {
                form.put(
                        MEDIA,
                        media.kind() + " "
                                + media.url()
                                        .map(url -> "url " + url)
                                        .orElseGet(() ->
                                                "id " + media.providerMediaId().orElseThrow())
                                + media.mimeType().map(type -> " " + type).orElse(""));
            }
        } else if (event instanceof OptOut optOut) {
            form.put(EVENT, "opt-out")
                    .put(FROM, optOut.from())
                    .put(TO, optOut.to())
                    .put(TIMESTAMP, optOut.timestamp())
                    .put(KEYWORD, optOut.keyword())
                    .put(MESSAGE_ID, optOut.providerMessageId());
        } else if (event instanceof OptIn optIn) {
            form.put(EVENT, "opt-in")
                    .put(FROM, optIn.from())
                    .put(TO, optIn.to())
                    .put(TIMESTAMP, optIn.timestamp())
                    .put(KEYWORD, optIn.keyword())
                    .put(MESSAGE_ID, optIn.providerMessageId());
        } else if (event instanceof UnsupportedMessage unsupported) {
            form.put(EVENT, unsupported.providerType())
                    .put(MESSAGE_ID, unsupported.providerMessageId())
                    .put(FROM, unsupported.from())
                    .put(TO, unsupported.to())
                    .put(TIMESTAMP, unsupported.timestamp())
                    .put(DESCRIPTION, unsupported.description());
        }
        return form.toString();
    }

    static List<ChannelEvent> decode(Map<String, List<String>> form) {
        String event = required(form, EVENT);
        Instant timestamp = instant(form);
        switch (event) {
            case "status": {
                Optional<DeliveryStatus> status = deliveryStatus(required(form, STATUS));
                if (status.isEmpty()) {
                    return List.of(); // a status the engine has no use for: tolerated, like Twilio's "queued"
                }
                Optional<SendFailure> failure =
                        status.get() == DeliveryStatus.FAILED ? Optional.of(failure(form)) : Optional.empty();
                return List.of(new StatusUpdate(
                        required(form, MESSAGE_ID),
                        optional(form, CORRELATION_ID),
                        status.get(),
                        timestamp,
                        optional(form, RECIPIENT),
                        failure));
            }
            case "inbound": {
                List<MediaReference> media = new ArrayList<>();
                for (String value : form.getOrDefault(MEDIA, List.of())) {
                    media.add(media(value));
                }
                return List.of(InboundMessage.builder(
                                required(form, MESSAGE_ID), required(form, FROM), required(form, TO), timestamp)
                        .text(optional(form, TEXT).orElse(null))
                        .buttonPayload(optional(form, BUTTON_PAYLOAD).orElse(null))
                        .replyToProviderMessageId(optional(form, REPLY_TO).orElse(null))
                        .profileName(optional(form, PROFILE_NAME).orElse(null))
                        .media(media)
                        .build());
            }
            case "opt-out":
                return List.of(new OptOut(
                        required(form, FROM),
                        required(form, TO),
                        timestamp,
                        optional(form, KEYWORD),
                        optional(form, MESSAGE_ID)));
            case "opt-in":
                return List.of(new OptIn(
                        required(form, FROM),
                        required(form, TO),
                        timestamp,
                        optional(form, KEYWORD),
                        optional(form, MESSAGE_ID)));
            default:
                return List.of(new UnsupportedMessage(
                        optional(form, MESSAGE_ID),
                        optional(form, FROM),
                        optional(form, TO),
                        timestamp,
                        event,
                        optional(form, DESCRIPTION).orElse("unknown simulated event type '" + event + "'")));
        }
    }

    private static Optional<DeliveryStatus> deliveryStatus(String value) {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            if (status.name().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static SendFailure failure(Map<String, List<String>> form) {
        String className = required(form, ERROR_CLASS);
        SendErrorClass errorClass;
        try {
            errorClass = SendErrorClass.valueOf(className);
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhookException("unknown " + ERROR_CLASS + " '" + className + "'");
        }
        boolean notOnChannel =
                optional(form, NOT_ON_CHANNEL).filter("true"::equals).isPresent();
        if (notOnChannel && errorClass != SendErrorClass.RECIPIENT_PERMANENT) {
            throw new MalformedWebhookException(
                    NOT_ON_CHANNEL + " is only for " + SendErrorClass.RECIPIENT_PERMANENT + ", not " + errorClass);
        }
        SendFailure failure = new SendFailure(
                errorClass,
                optional(form, ERROR_CODE),
                optional(form, ERROR_MESSAGE).orElse("simulated failure"),
                Optional.empty(),
                notOnChannel);
        Optional<String> retryAfter = optional(form, RETRY_AFTER_MILLIS);
        return retryAfter.isPresent()
                ? failure.withRetryAfter(Duration.ofMillis(number(RETRY_AFTER_MILLIS, retryAfter.get())))
                : failure;
    }

    private static MediaReference media(String value) {
        String[] parts = value.split(" ");
        if (parts.length < 3) {
            throw new MalformedWebhookException(
                    "media must be '<KIND> url|id <reference> [mime]' (was '" + value + "')");
        }
        MediaKind kind;
        try {
            kind = MediaKind.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            kind = MediaKind.OTHER;
        }
        MediaReference reference = switch (parts[1]) {
            case "url" -> MediaReference.ofUrl(kind, URI.create(parts[2]));
            case "id" -> MediaReference.ofProviderId(kind, parts[2]);
            default ->
                throw new MalformedWebhookException("media reference must be 'url' or 'id' (was '" + parts[1] + "')");
        };
        return parts.length > 3 ? reference.withMimeType(parts[3]) : reference;
    }

    private static Instant instant(Map<String, List<String>> form) {
        return Instant.ofEpochMilli(number(TIMESTAMP, required(form, TIMESTAMP)));
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedWebhookException(field + " must be a whole number (was '" + value + "')");
        }
    }

    private static String required(Map<String, List<String>> form, String field) {
        return optional(form, field).orElseThrow(() -> new MalformedWebhookException("missing field '" + field + "'"));
    }

    private static Optional<String> optional(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0));
    }

    private static final class Form {
        private final StringJoiner joiner = new StringJoiner("&");

        Form put(String name, String value) {
            joiner.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        Form put(String name, Optional<String> value) {
            value.ifPresent(present -> put(name, present));
            return this;
        }

        Form put(String name, Instant value) {
            return put(name, Long.toString(value.toEpochMilli()));
        }

        @Override
        public String toString() {
            return joiner.toString();
        }
    }
}
