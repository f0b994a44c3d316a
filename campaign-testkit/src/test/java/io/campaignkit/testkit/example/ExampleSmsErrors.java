package io.campaignkit.testkit.example;

import io.campaignkit.channel.SendErrorClass;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's error codes and what they mean for the engine. Keep this table in one place: the
 * synchronous answer to a send and the asynchronous FAILED status use the same codes.
 */
final class ExampleSmsErrors {

    private static final Map<String, SendErrorClass> BY_CODE = Map.of(
            "invalid-number", SendErrorClass.RECIPIENT_PERMANENT,
            "unreachable", SendErrorClass.RECIPIENT_PERMANENT,
            "opted-out", SendErrorClass.RECIPIENT_PERMANENT,
            "template-not-found", SendErrorClass.CONTENT_PERMANENT,
            "bad-parameters", SendErrorClass.CONTENT_PERMANENT,
            "rate-limited", SendErrorClass.RATE_LIMITED,
            "bad-credentials", SendErrorClass.AUTHENTICATION,
            "account-suspended", SendErrorClass.AUTHENTICATION,
            "unavailable", SendErrorClass.TRANSIENT);

    private ExampleSmsErrors() {}

    /**
     * Classifies the answer to a send: by code when the provider gave a known one, else by HTTP status.
     * A 5xx other than 503 may come after the provider already queued the message, so it is an
     * unknown outcome, not a transient failure: retrying blindly could send twice.
     */
    static SendErrorClass classifyAnswer(int httpStatus, Optional<String> code) {
        Optional<SendErrorClass> known = code.map(BY_CODE::get);
        if (known.isPresent()) {
            return known.get();
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return SendErrorClass.AUTHENTICATION;
        }
        if (httpStatus == 429) {
            return SendErrorClass.RATE_LIMITED;
        }
        if (httpStatus == 503) {
            return SendErrorClass.TRANSIENT;
        }
        if (httpStatus >= 500) {
            return SendErrorClass.UNKNOWN_OUTCOME;
        }
        return SendErrorClass.CONTENT_PERMANENT; // any other 4xx: the request itself is wrong
    }

    /** Classifies the code of a FAILED delivery status; unknown codes are retried. */
    static SendErrorClass classifyDeliveryFailure(String code) {
        return BY_CODE.getOrDefault(code, SendErrorClass.TRANSIENT);
    }
}
