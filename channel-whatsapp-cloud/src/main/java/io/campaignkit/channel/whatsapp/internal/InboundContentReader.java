package io.campaignkit.channel.whatsapp.internal;

import static io.campaignkit.channel.whatsapp.internal.GraphResponseReader.text;
import static io.campaignkit.channel.whatsapp.internal.WebhookPayloadReader.nonBlank;

import com.fasterxml.jackson.databind.JsonNode;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.InboundContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A WhatsApp message's type-specific object to the SPI's typed content. Every type Meta documents for
 * incoming messages is read (text, image, audio, video, document, sticker, location, contacts,
 * reaction, interactive button_reply / list_reply / nfm_reply, and a template's quick-reply
 * {@code button}); anything else, or a known type missing what defines it, is
 * {@link InboundContent.Unsupported} with Meta's type name, so the bot still gets the turn.
 */
final class InboundContentReader {

    private InboundContentReader() {}

    static InboundContent read(String type, JsonNode message) {
        String name = type == null || type.isBlank() ? "unknown" : type;
        JsonNode node = message.path(name);
        InboundContent content = switch (name) {
            case "text" ->
                Optional.ofNullable(text(node, "body"))
                        .map(InboundContent.Text::new)
                        .orElse(null);
            case "image", "video", "audio", "document", "sticker" -> media(name, node);
            case "location" -> location(node);
            case "contacts" -> contacts(message.path("contacts"));
            case "reaction" -> reaction(node);
            case "button" -> button(node);
            case "interactive" -> interactive(node);
            default -> null;
        };
        return content != null ? content : new InboundContent.Unsupported(name);
    }

    private static InboundContent media(String type, JsonNode node) {
        String id = nonBlank(text(node, "id"));
        if (!node.isObject() || id == null) {
            return null;
        }
        MediaReference reference = MediaReference.ofProviderId(mediaKind(type), id);
        String mimeType = nonBlank(text(node, "mime_type"));
        if (mimeType != null) {
            reference = reference.withMimeType(mimeType);
        }
        return new InboundContent.Media(
                List.of(reference),
                Optional.ofNullable(text(node, "caption")),
                Optional.ofNullable(nonBlank(text(node, "filename"))));
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

    private static InboundContent location(JsonNode node) {
        JsonNode latitude = node.get("latitude");
        JsonNode longitude = node.get("longitude");
        if (latitude == null
                || longitude == null
                || !latitude.isNumber() && !latitude.isTextual()
                || !longitude.isNumber() && !longitude.isTextual()) {
            return null;
        }
        try {
            return new InboundContent.Location(
                    Double.parseDouble(latitude.asText()),
                    Double.parseDouble(longitude.asText()),
                    Optional.ofNullable(nonBlank(text(node, "name"))),
                    Optional.ofNullable(nonBlank(text(node, "address"))));
        } catch (IllegalArgumentException outOfRangeOrNotANumber) {
            return null;
        }
    }

    private static InboundContent contacts(JsonNode cards) {
        List<InboundContent.SharedContact> contacts = new ArrayList<>();
        for (JsonNode card : cards) {
            List<String> phones = new ArrayList<>();
            for (JsonNode phone : card.path("phones")) {
                String number = nonBlank(text(phone, "phone"));
                if (number != null) {
                    phones.add(number);
                }
            }
            contacts.add(new InboundContent.SharedContact(
                    Optional.ofNullable(nonBlank(text(card.path("name"), "formatted_name"))), phones));
        }
        return contacts.isEmpty() ? null : new InboundContent.Contacts(contacts);
    }

    private static InboundContent reaction(JsonNode node) {
        String reactedTo = nonBlank(text(node, "message_id"));
        // Meta sends the reaction without an emoji when the user removes it
        return reactedTo == null
                ? null
                : new InboundContent.Reaction(reactedTo, Optional.ofNullable(nonBlank(text(node, "emoji"))));
    }

    private static InboundContent button(JsonNode node) {
        String title = nonBlank(text(node, "text"));
        String payload = Optional.ofNullable(nonBlank(text(node, "payload"))).orElse(title);
        return payload == null ? null : new InboundContent.ButtonReply(payload, Optional.ofNullable(title));
    }

    private static InboundContent interactive(JsonNode interactive) {
        String subtype = String.valueOf(text(interactive, "type"));
        JsonNode choice = interactive.path(subtype);
        return switch (subtype) {
            case "button_reply" ->
                Optional.ofNullable(nonBlank(text(choice, "id")))
                        .map(id -> (InboundContent)
                                new InboundContent.ButtonReply(id, Optional.ofNullable(text(choice, "title"))))
                        .orElse(null);
            case "list_reply" ->
                Optional.ofNullable(nonBlank(text(choice, "id")))
                        .map(id -> (InboundContent) new InboundContent.ListReply(
                                id,
                                Optional.ofNullable(text(choice, "title")),
                                Optional.ofNullable(text(choice, "description"))))
                        .orElse(null);
            case "nfm_reply" ->
                Optional.ofNullable(nonBlank(text(choice, "response_json")))
                        .map(json -> (InboundContent)
                                new InboundContent.FlowReply(json, Optional.ofNullable(text(choice, "body"))))
                        .orElse(null);
            default -> null;
        };
    }
}
