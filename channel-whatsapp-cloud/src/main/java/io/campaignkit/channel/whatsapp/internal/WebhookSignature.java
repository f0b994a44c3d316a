package io.campaignkit.channel.whatsapp.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 of the raw body bytes with the app secret.
 * The raw bytes, never re-serialised JSON; compared in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;

    private final SecretKeySpec key;

    public WebhookSignature(byte[] appSecret) {
        if (appSecret == null || appSecret.length == 0) {
            throw new IllegalArgumentException("appSecret must not be empty");
        }
        this.key = new SecretKeySpec(appSecret, ALGORITHM);
    }

    /** @param headerValue the header as received, or {@code null} when missing */
    public boolean matches(byte[] rawBody, String headerValue) {
        if (headerValue == null) {
            return false;
        }
        String trimmed = headerValue.trim();
        if (!trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] received = decodeHex(trimmed.substring(PREFIX.length()));
        return received != null && MessageDigest.isEqual(sign(rawBody), received);
    }

    /** The header value Meta would send for this body (used by tests and the fake server). */
    public String headerValueFor(byte[] rawBody) {
        StringBuilder hex = new StringBuilder(PREFIX);
        for (byte b : sign(rawBody)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private byte[] sign(byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static byte[] decodeHex(String hex) {
        if (hex.length() != SIGNATURE_BYTES * 2) {
            return null;
        }
        byte[] bytes = new byte[SIGNATURE_BYTES];
        for (int i = 0; i < SIGNATURE_BYTES; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) ((high << 4) | low);
        }
        return bytes;
    }
}
