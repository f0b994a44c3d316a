package io.campaignkit.testkit.example;

import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a verified Example SMS webhook into events. Unknown fields are ignored, unknown types become
 * {@link UnsupportedMessage}, statuses the engine has no use for ({@code queued}) produce nothing; a
 * missing mandatory field or an unreadable number is an {@link IllegalArgumentException} (400).
 */
final class ExampleSmsWebhookParser {

    private static final Set<String> OPT_OUT_KEYWORDS = Set.of("STOP", "UNSUBSCRIBE", "CANCEL");

    private ExampleSmsWebhookParser() {}

    static List<ChannelEvent> parse(Map<String, List<String>> form, Instant receivedAt) {
        String type = required(form, "type");
        Instant timestamp = optional(form, "timestamp")
                .map(ExampleSmsWebhookParser::epochSeconds)
                .orElse(receivedAt);
        switch (type) {
            case "status":
                return status(form, timestamp).map(List::<ChannelEvent>of).orElse(List.of());
            case "inbound":
                return inbound(form, timestamp);
            default:
                return List.of(new UnsupportedMessage(
                        optional(form, "id"),
                        optional(form, "from"),
                        optional(form, "to"),
                        timestamp,
                        type,
                        "Example SMS message type '" + type + "' is not supported"));
        }
    }

    private static Optional<ChannelEvent> status(Map<String, List<String>> form, Instant timestamp) {
        String id = required(form, "id");
        Optional<String> reference = optional(form, "reference");
        String status = required(form, "status").toLowerCase(Locale.ROOT);
        StatusUpdate update;
        switch (status) {
            case "sent" -> update = StatusUpdate.of(id, reference, DeliveryStatus.SENT, timestamp);
            case "delivered" -> update = StatusUpdate.of(id, reference, DeliveryStatus.DELIVERED, timestamp);
            case "read" -> update = StatusUpdate.of(id, reference, DeliveryStatus.READ, timestamp);
            case "failed" -> {
                String code = optional(form, "error-code").orElse("unknown");
                update = StatusUpdate.failed(
                        id,
                        reference,
                        timestamp,
                        SendFailure.of(
                                ExampleSmsErrors.classifyDeliveryFailure(code),
                                code,
                                optional(form, "error-message").orElse("delivery failed")));
            }
            default -> {
                return Optional.empty();
            }
        }
        Optional<String> to = optional(form, "to");
        return Optional.of(to.isPresent() ? update.withRecipient(to.get()) : update);
    }

    private static List<ChannelEvent> inbound(Map<String, List<String>> form, Instant timestamp) {
        InboundMessage message = InboundMessage.builder(
                        required(form, "id"), required(form, "from"), required(form, "to"), timestamp)
                .text(optional(form, "text").orElse(null))
                .replyToProviderMessageId(optional(form, "reply-to").orElse(null))
                .build();
        List<ChannelEvent> events = new ArrayList<>(List.of(message));
        message.text()
                .map(text -> text.trim().toUpperCase(Locale.ROOT))
                .filter(OPT_OUT_KEYWORDS::contains)
                .ifPresent(keyword -> events.add(new OptOut(
                        message.from(),
                        message.to(),
                        timestamp,
                        Optional.of(keyword),
                        Optional.of(message.providerMessageId()))));
        return events;
    }

    /** Reads a form-encoded answer body; an unreadable body yields an empty map (the HTTP status still classifies). */
    static Map<String, List<String>> decodeLeniently(String body) {
        try {
            return WebhookRequest.post(
                            URI.create("http://answer.invalid/"),
                            WebhookHeaders.none(),
                            body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))
                    .formParameters();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static Instant epochSeconds(String value) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp must be epoch seconds (was '" + value + "')", e);
        }
    }

    private static String required(Map<String, List<String>> form, String name) {
        return optional(form, name).orElseThrow(() -> new IllegalArgumentException("missing field '" + name + "'"));
    }

    private static Optional<String> optional(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0));
    }
}
