package io.campaignkit.channel.twilio.internal;

import com.twilio.security.RequestValidator;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}, over the URL as Twilio
 * called it. Behind a proxy the host sees another scheme, host or path prefix than Twilio did, so
 * the configured public base URL replaces everything before the path the host received.
 */
public final class SignatureVerifier {

    private final RequestValidator validator;
    private final URI publicBaseUrl;

    /**
     * @param authToken     the account's auth token (the HMAC key)
     * @param publicBaseUrl e.g. {@code https://hooks.example.com/prefix}; {@code null} to check the
     *                      received URL unchanged
     */
    public SignatureVerifier(String authToken, URI publicBaseUrl) {
        this.validator = new RequestValidator(Objects.requireNonNull(authToken, "authToken"));
        this.publicBaseUrl = publicBaseUrl;
    }

    /** True when the signature matches; false for a missing or wrong one. */
    public boolean isValid(URI receivedUrl, Map<String, String> formParameters, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(publicUrl(receivedUrl), formParameters, signature.strip());
    }

    /** The URL Twilio signed, given the URL the host received. */
    public String publicUrl(URI receivedUrl) {
        if (publicBaseUrl == null) {
            return receivedUrl.toString();
        }
        String base = publicBaseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = receivedUrl.getRawPath() == null ? "" : receivedUrl.getRawPath();
        String query = receivedUrl.getRawQuery();
        return base + path + (query == null ? "" : "?" + query);
    }
}
