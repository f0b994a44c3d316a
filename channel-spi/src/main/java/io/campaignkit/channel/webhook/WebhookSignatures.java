package io.campaignkit.channel.webhook;

import io.campaignkit.channel.Secret;
import io.campaignkit.channel.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC helpers for verifying webhook signatures with the JDK alone. Compare with
 * {@link #constantTimeEquals(String, String)}, never {@code String.equals}, so timing does not reveal
 * how much of a forged signature was right.
 */
public final class WebhookSignatures {

    /** The JCA name of HMAC-SHA256. */
    public static final String HMAC_SHA256 = "HmacSHA256";
    /** The JCA name of HMAC-SHA1. */
    public static final String HMAC_SHA1 = "HmacSHA1";

    private WebhookSignatures() {}

    /**
     * Computes an HMAC.
     *
     * @param algorithm a JCA MAC name such as {@link #HMAC_SHA256}, not blank
     * @param key       the key, not null
     * @param data      the signed bytes, not null
     * @return the MAC bytes
     * @throws IllegalArgumentException when the algorithm is not available
     */
    public static byte[] hmac(String algorithm, Secret key, byte[] data) {
        Checks.notBlank(algorithm, "algorithm");
        Checks.notNull(key, "key");
        Checks.notNull(data, "data");
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.revealBytes(), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("MAC algorithm '" + algorithm + "' is not available", e);
        }
    }

    /**
     * HMAC-SHA256 as lower-case hex (the format of WhatsApp's {@code X-Hub-Signature-256}, after
     * its {@code sha256=} prefix).
     *
     * @param key  the key, not null
     * @param data the signed bytes, not null
     * @return the hex string
     */
    public static String hmacSha256Hex(Secret key, byte[] data) {
        return HexFormat.of().formatHex(hmac(HMAC_SHA256, key, data));
    }

    /**
     * Compares two strings in time independent of where they differ.
     *
     * @param expected the expected value, may be null
     * @param actual   the received value, may be null
     * @return true when both are non-null and equal
     */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
