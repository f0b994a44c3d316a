package io.campaignkit.channel.whatsapp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads the answer of a send call. Unknown fields are ignored; a missing field is never fatal. */
public final class GraphResponseReader {

    private final ObjectMapper mapper;

    public GraphResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public GraphSendResponse read(int httpStatus, byte[] body) {
        JsonNode root = parse(body);
        if (httpStatus >= 200 && httpStatus < 300) {
            return readSuccess(httpStatus, root);
        }
        return new GraphSendResponse.Rejected(readError(httpStatus, root));
    }

    private GraphSendResponse readSuccess(int httpStatus, JsonNode root) {
        if (root == null) {
            return new GraphSendResponse.Unreadable(httpStatus, "response body is not JSON");
        }
        JsonNode message = root.path("messages").path(0);
        String messageId = text(message, "id");
        if (messageId == null || messageId.isBlank()) {
            return new GraphSendResponse.Unreadable(httpStatus, "response has no messages[0].id");
        }
        String waId = text(root.path("contacts").path(0), "wa_id");
        return new GraphSendResponse.Accepted(messageId, waId, text(message, "message_status"));
    }

    private static GraphError readError(int httpStatus, JsonNode root) {
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || !error.isObject()) {
            return new GraphError(httpStatus, null, null, null, null, null);
        }
        return new GraphError(
                httpStatus,
                code(error.get("code")),
                text(error, "type"),
                text(error, "message"),
                text(error.path("error_data"), "details"),
                text(error, "fbtrace_id"));
    }

    /** Meta sends the code as a number; a string of digits is accepted too. */
    static Integer code(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,9}")) {
            return Integer.valueOf(node.asText());
        }
        return null;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode root = mapper.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
