package io.campaignkit.channel.twilio.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Parses an {@code application/x-www-form-urlencoded} body, as Twilio posts its webhooks. */
public final class FormBody {

    private FormBody() {
    }

    /**
     * The parameters in body order.
     *
     * @throws IllegalArgumentException when a name appears twice (Twilio never does that, and the
     *                                  signature check needs one value per name) or the encoding is bad
     */
    public static Map<String, String> parse(String body) {
        Objects.requireNonNull(body, "body");
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return Collections.unmodifiableMap(params);
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("form parameter '" + name + "' appears more than once");
            }
        }
        return Collections.unmodifiableMap(params);
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
