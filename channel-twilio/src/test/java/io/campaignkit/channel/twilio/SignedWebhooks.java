package io.campaignkit.channel.twilio;

import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds webhook requests as Twilio sends them, signed the way Twilio signs: Base64 of HMAC-SHA1,
 * keyed by the auth token, over the URL followed by every parameter's name and value, sorted by name.
 * Written independently of the SDK so tests check the SDK-based validation against it.
 */
public final class SignedWebhooks {

    private final String authToken;

    public SignedWebhooks(String authToken) {
        this.authToken = authToken;
    }

    public static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** A POST to {@code signedUrl} (the URL Twilio called), received by the host at {@code receivedUrl}. */
    public WebhookRequest post(URI signedUrl, URI receivedUrl, Map<String, String> params) {
        return WebhookRequest.post(
                receivedUrl,
                WebhookHeaders.ofSingle(Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "X-Twilio-Signature",
                        sign(signedUrl.toString(), params))),
                formBody(params).getBytes(StandardCharsets.UTF_8));
    }

    public WebhookRequest post(URI url, Map<String, String> params) {
        return post(url, url, params);
    }

    public String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String formBody(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
