package io.campaignkit.channel.whatsapp.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Writes the JSON body of {@code POST /{version}/{phone-number-id}/messages}. */
public final class GraphRequestWriter {

    private final ObjectMapper mapper;

    public GraphRequestWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] write(GraphMessage message) {
        ObjectNode root = toTree(message);
        try {
            return mapper.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode toTree(GraphMessage message) {
        ObjectNode root = mapper.createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        root.put("to", message.to());
        if (message instanceof GraphMessage.Template template) {
            root.put("type", "template");
            putCallbackData(root, message);
            root.set("template", templateNode(template));
        } else if (message instanceof GraphMessage.Text text) {
            root.put("type", "text");
            putCallbackData(root, message);
            ObjectNode textNode = root.putObject("text");
            textNode.put("body", text.body());
            textNode.put("preview_url", text.previewUrl());
            if (text.replyToMessageId() != null) {
                root.putObject("context").put("message_id", text.replyToMessageId());
            }
        } else if (message instanceof GraphMessage.Media media) {
            String type = media.kind().wireName();
            root.put("type", type);
            putCallbackData(root, message);
            ObjectNode object = root.putObject(type);
            object.put("link", media.link());
            if (media.caption() != null) {
                object.put("caption", media.caption());
            }
            if (media.filename() != null) {
                object.put("filename", media.filename());
            }
            if (media.voice()) {
                object.put("voice", true);
            }
        }
        return root;
    }

    private static void putCallbackData(ObjectNode root, GraphMessage message) {
        if (message.callbackData() != null) {
            root.put("biz_opaque_callback_data", message.callbackData());
        }
    }

    private ObjectNode templateNode(GraphMessage.Template template) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", template.name());
        node.putObject("language").put("code", template.languageCode());
        ArrayNode components = mapper.createArrayNode();
        if (template.header() != null) {
            ObjectNode header = components.addObject();
            header.put("type", "header");
            header.putArray("parameters").add(mediaParameter(template.header()));
        }
        if (!template.bodyParameters().isEmpty()) {
            ObjectNode body = components.addObject();
            body.put("type", "body");
            ArrayNode parameters = body.putArray("parameters");
            for (String value : template.bodyParameters()) {
                parameters.addObject().put("type", "text").put("text", value);
            }
        }
        for (GraphMessage.Button button : template.buttons()) {
            components.add(buttonComponent(button));
        }
        // A template without variables is sent without "components" at all.
        if (!components.isEmpty()) {
            node.set("components", components);
        }
        return node;
    }

    private ObjectNode mediaParameter(GraphMessage.HeaderMedia media) {
        ObjectNode parameter = mapper.createObjectNode();
        String type = media.kind().wireName();
        parameter.put("type", type);
        ObjectNode object = parameter.putObject(type);
        if (media.mediaId() != null) {
            object.put("id", media.mediaId());
        } else {
            object.put("link", media.link());
        }
        if (media.kind() == GraphMessage.MediaKind.DOCUMENT && media.filename() != null) {
            object.put("filename", media.filename());
        }
        return parameter;
    }

    private ObjectNode buttonComponent(GraphMessage.Button button) {
        ObjectNode component = mapper.createObjectNode();
        component.put("type", "button");
        ObjectNode parameter = mapper.createObjectNode();
        switch (button.kind()) {
            case QUICK_REPLY -> {
                component.put("sub_type", "quick_reply");
                parameter.put("type", "payload").put("payload", button.value());
            }
            case URL -> {
                component.put("sub_type", "url");
                parameter.put("type", "text").put("text", button.value());
            }
        }
        // Meta documents the index as a string.
        component.put("index", String.valueOf(button.index()));
        component.putArray("parameters").add(parameter);
        return component;
    }
}
