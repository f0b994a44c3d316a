package io.campaignkit.store.jdbc.internal;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.InboundContent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A queued message's {@link InboundContent} as one column of text: form-encoded fields
 * ({@code type=location&lat=19.43&lon=-99.13&name=...}), lists as numbered fields
 * ({@code item0.kind=IMAGE&item0.id=...}). Form encoding keeps every character of every field, needs no
 * JSON library, and reads back exactly what was written.
 */
public final class InboundContentCodec {

    private InboundContentCodec() {}

    public static String encode(InboundContent content) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (content instanceof InboundContent.Text text) {
            fields.put("type", "text");
            fields.put("body", text.body());
        } else if (content instanceof InboundContent.Media media) {
            fields.put("type", "media");
            for (int i = 0; i < media.items().size(); i++) {
                MediaReference item = media.items().get(i);
                fields.put("item" + i + ".kind", item.kind().name());
                put(fields, "item" + i + ".url", item.url().map(URI::toString));
                put(fields, "item" + i + ".id", item.providerMediaId());
                put(fields, "item" + i + ".mime", item.mimeType());
            }
            put(fields, "caption", media.caption());
            put(fields, "filename", media.filename());
        } else if (content instanceof InboundContent.Location location) {
            fields.put("type", "location");
            fields.put("lat", Double.toString(location.latitude()));
            fields.put("lon", Double.toString(location.longitude()));
            put(fields, "name", location.name());
            put(fields, "address", location.address());
        } else if (content instanceof InboundContent.Contacts contacts) {
            fields.put("type", "contacts");
            for (int i = 0; i < contacts.contacts().size(); i++) {
                InboundContent.SharedContact card = contacts.contacts().get(i);
                fields.put("card" + i, "");
                put(fields, "card" + i + ".name", card.name());
                for (int p = 0; p < card.phones().size(); p++) {
                    fields.put("card" + i + ".phone" + p, card.phones().get(p));
                }
            }
        } else if (content instanceof InboundContent.Reaction reaction) {
            fields.put("type", "reaction");
            fields.put("to", reaction.reactedToProviderMessageId());
            put(fields, "emoji", reaction.emoji());
        } else if (content instanceof InboundContent.ButtonReply button) {
            fields.put("type", "button");
            fields.put("payload", button.payload());
            put(fields, "title", button.title());
        } else if (content instanceof InboundContent.ListReply row) {
            fields.put("type", "list");
            fields.put("id", row.id());
            put(fields, "title", row.title());
            put(fields, "description", row.description());
        } else if (content instanceof InboundContent.FlowReply flow) {
            fields.put("type", "flow");
            fields.put("json", flow.responseJson());
            put(fields, "body", flow.body());
        } else if (content instanceof InboundContent.Unsupported unsupported) {
            fields.put("type", "unsupported");
            fields.put("providerType", unsupported.providerType());
        } else {
            throw new IllegalArgumentException("unknown content " + content);
        }
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** @throws IllegalArgumentException when the text is not what {@link #encode} writes */
    public static InboundContent decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("content field without '=': " + pair);
            }
            fields.put(
                    pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        String type = required(fields, "type");
        return switch (type) {
            case "text" -> new InboundContent.Text(required(fields, "body"));
            case "media" -> {
                List<MediaReference> items = new ArrayList<>();
                for (int i = 0; fields.containsKey("item" + i + ".kind"); i++) {
                    MediaKind kind = MediaKind.valueOf(fields.get("item" + i + ".kind"));
                    Optional<URI> url = optional(fields, "item" + i + ".url").map(URI::create);
                    items.add(new MediaReference(
                            kind, url, optional(fields, "item" + i + ".id"), optional(fields, "item" + i + ".mime")));
                }
                yield new InboundContent.Media(items, optional(fields, "caption"), optional(fields, "filename"));
            }
            case "location" ->
                new InboundContent.Location(
                        Double.parseDouble(required(fields, "lat")),
                        Double.parseDouble(required(fields, "lon")),
                        optional(fields, "name"),
                        optional(fields, "address"));
            case "contacts" -> {
                List<InboundContent.SharedContact> cards = new ArrayList<>();
                for (int i = 0; fields.containsKey("card" + i); i++) {
                    List<String> phones = new ArrayList<>();
                    for (int p = 0; fields.containsKey("card" + i + ".phone" + p); p++) {
                        phones.add(fields.get("card" + i + ".phone" + p));
                    }
                    cards.add(new InboundContent.SharedContact(optional(fields, "card" + i + ".name"), phones));
                }
                yield new InboundContent.Contacts(cards);
            }
            case "reaction" -> new InboundContent.Reaction(required(fields, "to"), optional(fields, "emoji"));
            case "button" -> new InboundContent.ButtonReply(required(fields, "payload"), optional(fields, "title"));
            case "list" ->
                new InboundContent.ListReply(
                        required(fields, "id"), optional(fields, "title"), optional(fields, "description"));
            case "flow" -> new InboundContent.FlowReply(required(fields, "json"), optional(fields, "body"));
            case "unsupported" -> new InboundContent.Unsupported(required(fields, "providerType"));
            default -> throw new IllegalArgumentException("unknown content type '" + type + "'");
        };
    }

    private static void put(Map<String, String> fields, String name, Optional<String> value) {
        value.ifPresent(v -> fields.put(name, v));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("content field '" + name + "' is missing");
        }
        return value;
    }

    private static Optional<String> optional(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
