package io.campaignkit.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error CampaignKit raises on purpose.
 *
 * <p>Each error carries a stable, machine-readable {@link #code()} (upper snake case, e.g.
 * {@code ILLEGAL_TRANSITION}) that hosts can switch on, and a message written for a person.
 * Codes are part of the public API: they do not change between releases.
 */
public class CampaignKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public CampaignKitException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CampaignKitException(String code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * For validation errors raised in bulk (one per bad cell of an import, say), where a stack
     * trace would cost more than the work it reports.
     */
    protected CampaignKitException(String code, String message, boolean withStackTrace) {
        super(message, null, false, withStackTrace);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable machine-readable code of this error. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + code + "]: " + getMessage();
    }
}
