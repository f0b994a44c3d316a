package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * A classified failure to send, as reported synchronously by {@link ChannelSendException} or
 * asynchronously in a failed {@link io.campaignkit.channel.event.StatusUpdate}.
 *
 * @param errorClass      what the failure means for the engine
 * @param providerCode    the provider's own error code (WhatsApp {@code 131026}, Twilio {@code 21610}),
 *                        absent when there was no provider answer (a timeout)
 * @param providerMessage a human-readable description, from the provider when it gave one; never
 *                        containing secrets
 * @param retryAfter      how long to wait before retrying, when the provider said so or the adapter
 *                        knows; only meaningful for retryable classes: for
 *                        {@link SendErrorClass#RATE_LIMITED} the whole sender waits, for
 *                        {@link SendErrorClass#TRANSIENT} only this recipient does
 * @param notOnChannel    the provider said for certain that this recipient cannot be reached on this
 *                        channel at all (WhatsApp Cloud {@code 131026} "message undeliverable": not a
 *                        WhatsApp user; Twilio {@code 63003} / {@code 63024} on a WhatsApp sender), as
 *                        opposed to a refusal of this message; only with
 *                        {@link SendErrorClass#RECIPIENT_PERMANENT}. A campaign with a further channel
 *                        then sends that channel's message to the recipient instead (its fallback); without
 *                        one the recipient fails as for any other {@code RECIPIENT_PERMANENT} answer
 */
public record SendFailure(
        SendErrorClass errorClass,
        Optional<String> providerCode,
        String providerMessage,
        Optional<Duration> retryAfter,
        boolean notOnChannel) {

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param errorClass see {@link #errorClass()}
     * @param providerCode see {@link #providerCode()}
     * @param providerMessage see {@link #providerMessage()}
     * @param retryAfter see {@link #retryAfter()}
     * @param notOnChannel see {@link #notOnChannel()}
     * @throws IllegalArgumentException when an argument is invalid, or {@code notOnChannel} is set with
     *     another class than {@link SendErrorClass#RECIPIENT_PERMANENT}
     */
    public SendFailure {
        Checks.notNull(errorClass, "errorClass");
        Checks.optional(providerCode, "providerCode");
        providerCode.ifPresent(code -> Checks.notBlank(code, "providerCode"));
        Checks.notBlank(providerMessage, "providerMessage");
        Checks.optional(retryAfter, "retryAfter");
        retryAfter.ifPresent(delay -> {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative (was " + delay + ")");
            }
        });
        if (notOnChannel && errorClass != SendErrorClass.RECIPIENT_PERMANENT) {
            throw new IllegalArgumentException(
                    "notOnChannel is a kind of RECIPIENT_PERMANENT failure, not of " + errorClass);
        }
    }

    /**
     * A failure that is not a {@link #notOnChannel()} answer.
     *
     * @param errorClass see {@link #errorClass()}
     * @param providerCode see {@link #providerCode()}
     * @param providerMessage see {@link #providerMessage()}
     * @param retryAfter see {@link #retryAfter()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public SendFailure(
            SendErrorClass errorClass,
            Optional<String> providerCode,
            String providerMessage,
            Optional<Duration> retryAfter) {
        this(errorClass, providerCode, providerMessage, retryAfter, false);
    }

    /**
     * The provider's certain answer that the recipient is not on this channel at all (see
     * {@link #notOnChannel()}): {@link SendErrorClass#RECIPIENT_PERMANENT}, flagged.
     *
     * @param providerCode    the provider's code, not blank (WhatsApp {@code 131026}, Twilio {@code 63024})
     * @param providerMessage the description, not blank
     * @return the failure
     */
    public static SendFailure notOnChannel(String providerCode, String providerMessage) {
        return new SendFailure(
                SendErrorClass.RECIPIENT_PERMANENT,
                Optional.of(Checks.notBlank(providerCode, "providerCode")),
                providerMessage,
                Optional.empty(),
                true);
    }

    /**
     * A failure with a provider code.
     *
     * @param errorClass      the class, not null
     * @param providerCode    the provider's code, not blank
     * @param providerMessage the description, not blank
     * @return the failure
     */
    public static SendFailure of(SendErrorClass errorClass, String providerCode, String providerMessage) {
        return new SendFailure(
                errorClass,
                Optional.of(Checks.notBlank(providerCode, "providerCode")),
                providerMessage,
                Optional.empty());
    }

    /**
     * A failure without a provider code, such as a timeout.
     *
     * @param errorClass the class, not null
     * @param message    the description, not blank
     * @return the failure
     */
    public static SendFailure withoutProviderCode(SendErrorClass errorClass, String message) {
        return new SendFailure(errorClass, Optional.empty(), message, Optional.empty());
    }

    /**
     * A copy with a retry-after delay.
     *
     * @param delay the delay, not negative
     * @return a new failure
     */
    public SendFailure withRetryAfter(Duration delay) {
        return new SendFailure(
                errorClass,
                providerCode,
                providerMessage,
                Optional.of(Checks.notNull(delay, "retryAfter")),
                notOnChannel);
    }

    /**
     * One line for logs and exception messages: class, code and message.
     *
     * @return for example {@code RECIPIENT_PERMANENT [131026] Message undeliverable}
     */
    public String describe() {
        return errorClass + (notOnChannel ? " (not on this channel)" : "")
                + providerCode.map(code -> " [" + code + "]").orElse("") + " " + providerMessage
                + retryAfter.map(delay -> " (retry after " + delay + ")").orElse("");
    }
}
