package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * Why a recipient is FAILED or SKIPPED, or the last transient error of one that will be retried.
 *
 * @param code a stable machine-readable code, such as {@code OPTED_OUT} or the channel's error class
 * @param message a sentence for people (the provider's message for channel failures)
 * @param providerCode the provider's own error code, when there is one
 * @param permanent whether retrying could never help (FAILED only)
 */
public record StatusReason(String code, String message, Optional<String> providerCode, boolean permanent) {

    public StatusReason {
        Arguments.requireNonBlank(code, "code");
        Arguments.requireNonBlank(message, "message");
        Arguments.requireNonNull(providerCode, "providerCode");
    }

    /** An outcome without a provider code. */
    public static StatusReason of(String code, String message, boolean permanent) {
        return new StatusReason(code, message, Optional.empty(), permanent);
    }
}
