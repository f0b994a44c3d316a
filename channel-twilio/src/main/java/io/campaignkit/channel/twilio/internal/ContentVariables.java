package io.campaignkit.channel.twilio.internal;

import java.util.List;
import java.util.Objects;

/**
 * Builds Twilio's {@code ContentVariables} JSON ({@code {"1":"Ana","2":"42"}}) from a template's
 * ordered parameters: parameter {@code i} (0-based) fills placeholder {@code {{i+1}}}.
 *
 * <p>Written by hand rather than with Jackson: it is one flat object of strings, and this module
 * must not need Jackson outside the SDK's own code paths.
 */
public final class ContentVariables {

    /** Twilio accepts at most this many variables per message. */
    public static final int MAX_VARIABLES = 100;

    private ContentVariables() {}

    /** The JSON object for these parameters; {@code "{}"} for none. */
    public static String toJson(List<String> orderedParameters) {
        Objects.requireNonNull(orderedParameters, "orderedParameters");
        if (orderedParameters.size() > MAX_VARIABLES) {
            throw new IllegalArgumentException("orderedParameters: Twilio accepts at most " + MAX_VARIABLES
                    + " content variables, got " + orderedParameters.size());
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < orderedParameters.size(); i++) {
            String value = orderedParameters.get(i);
            if (value == null) {
                throw new IllegalArgumentException("orderedParameters: parameter " + (i + 1) + " is null");
            }
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(i + 1).append("\":");
            appendJsonString(json, value);
        }
        return json.append('}').toString();
    }

    static void appendJsonString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters must be escaped; U+2028/2029 too, for consumers that embed JSON in JS.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
