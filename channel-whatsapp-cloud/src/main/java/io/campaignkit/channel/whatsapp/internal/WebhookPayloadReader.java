package io.campaignkit.channel.whatsapp.internal;

import static io.campaignkit.channel.whatsapp.internal.GraphResponseReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code entry[].changes[].value} of a verified webhook body. Tolerant by design: Meta adds
 * fields and message types without notice, so anything unknown is ignored or reported as an
 * unsupported message, and a malformed element is reported by the mapper, never fatal to the rest of the POST.
 * Only a body that is not a JSON object is refused.
 */
public final class WebhookPayloadReader {

    /** Thrown when the body is not a JSON object at all. */
    public static final class MalformedPayloadException extends Exception {
        public MalformedPayloadException(String message) {
            super(message);
        }
    }

    private final ObjectMapper mapper;

    public WebhookPayloadReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public WebhookPayload read(byte[] body) throws MalformedPayloadException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new MalformedPayloadException("webhook body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("webhook body is not a JSON object");
        }
        List<WebhookPayload.Status> statuses = new ArrayList<>();
        List<WebhookPayload.Message> messages = new ArrayList<>();
        List<WebhookPayload.Preference> preferences = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (value.isObject()) {
                    readValue(value, statuses, messages, preferences);
                }
            }
        }
        return new WebhookPayload(statuses, messages, preferences);
    }

    private static void readValue(
            JsonNode value,
            List<WebhookPayload.Status> statuses,
            List<WebhookPayload.Message> messages,
            List<WebhookPayload.Preference> preferences) {
        String phoneNumberId = text(value.path("metadata"), "phone_number_id");
        for (JsonNode status : value.path("statuses")) {
            WebhookPayload.Status parsed = readStatus(phoneNumberId, status);
            if (parsed != null) {
                statuses.add(parsed);
            }
        }
        Map<String, String> profileNames = profileNames(value.path("contacts"));
        for (JsonNode message : value.path("messages")) {
            if (!message.isObject()) {
                continue;
            }
            JsonNode system = message.path("system");
            if ("system".equals(text(message, "type")) && "user_preference_changed".equals(text(system, "type"))) {
                preferences.add(new WebhookPayload.Preference(
                        phoneNumberId,
                        text(message, "from"),
                        text(message, "from_user_id"),
                        "marketing_messages",
                        text(system, "marketing"),
                        epochSeconds(text(message, "timestamp")),
                        nonBlank(text(message, "id"))));
                continue;
            }
            messages.add(readMessage(phoneNumberId, message, profileNames));
        }
        for (JsonNode preference : value.path("user_preferences")) {
            preferences.add(new WebhookPayload.Preference(
                    phoneNumberId,
                    text(preference, "wa_id"),
                    text(preference, "user_id"),
                    text(preference, "category"),
                    text(preference, "value"),
                    epochSeconds(text(preference, "timestamp")),
                    null));
        }
    }

    private static WebhookPayload.Status readStatus(String phoneNumberId, JsonNode status) {
        String messageId = nonBlank(text(status, "id"));
        String state = nonBlank(text(status, "status"));
        if (messageId == null || state == null) {
            // no message to apply it to: the mapper reports it
            return new WebhookPayload.Status(
                    phoneNumberId,
                    messageId,
                    state,
                    epochSeconds(text(status, "timestamp")),
                    text(status, "recipient_id"),
                    null,
                    List.of());
        }
        List<WebhookPayload.StatusError> errors = new ArrayList<>();
        for (JsonNode error : status.path("errors")) {
            errors.add(new WebhookPayload.StatusError(
                    GraphResponseReader.code(error.get("code")),
                    text(error, "title"),
                    text(error, "message"),
                    text(error.path("error_data"), "details")));
        }
        return new WebhookPayload.Status(
                phoneNumberId,
                messageId,
                state.toLowerCase(java.util.Locale.ROOT),
                epochSeconds(text(status, "timestamp")),
                text(status, "recipient_id"),
                text(status, "biz_opaque_callback_data"),
                errors);
    }

    private static Map<String, String> profileNames(JsonNode contacts) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : contacts) {
            String name = text(contact.path("profile"), "name");
            if (name == null) {
                continue;
            }
            for (String id : new String[] {text(contact, "wa_id"), text(contact, "user_id")}) {
                if (id != null) {
                    names.put(id, name);
                }
            }
        }
        return names;
    }

    private static WebhookPayload.Message readMessage(
            String phoneNumberId, JsonNode message, Map<String, String> profileNames) {
        String messageId = nonBlank(text(message, "id"));
        String from = nonBlank(text(message, "from"));
        String fromUserId = nonBlank(text(message, "from_user_id"));
        String type = text(message, "type");
        Instant timestamp = epochSeconds(text(message, "timestamp"));
        String contextId = text(message.path("context"), "id");
        String profileName =
                from != null ? profileNames.get(from) : fromUserId != null ? profileNames.get(fromUserId) : null;
        return new WebhookPayload.Message(
                phoneNumberId,
                messageId,
                from,
                fromUserId,
                profileName,
                timestamp,
                type,
                contextId,
                InboundContentReader.read(type, message));
    }

    static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant epochSeconds(String value) {
        if (value == null || !value.matches("\\d{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(value));
    }
}
