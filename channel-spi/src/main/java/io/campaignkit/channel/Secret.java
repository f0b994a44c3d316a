package io.campaignkit.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A credential (access token, auth token, app secret) that never shows in {@code toString}, logs or
 * error messages. Adapters keep their secrets in this type and call {@link #reveal()} only at the
 * point of use.
 */
public final class Secret {

    private static final String REDACTED = "Secret[****]";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret, not blank
     * @return the secret
     */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            // Never echo the value: a blank-but-not-empty secret is still someone's typo of a secret.
            throw new IllegalArgumentException("secret must not be blank");
        }
        return new Secret(value);
    }

    /**
     * The secret value, for the one place that needs it (an HTTP header, an HMAC key).
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    /**
     * The value as UTF-8 bytes, for use as an HMAC key.
     *
     * @return a fresh copy of the bytes
     */
    public byte[] revealBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Compares in constant time, so timing does not reveal the secret.
     *
     * @param candidate the value to compare, may be null
     * @return true when equal
     */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(revealBytes(), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && matches(secret.value);
    }

    @Override
    public int hashCode() {
        // Constant: a hash derived from the value would leak information about it.
        return Secret.class.hashCode();
    }

    /** @return always {@code Secret[****]} */
    @Override
    public String toString() {
        return REDACTED;
    }
}
