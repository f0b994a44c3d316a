package io.campaignkit.channel.twilio.internal;

import com.twilio.exception.ApiException;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.twilio.TwilioSendException;
import java.time.Duration;
import java.util.Optional;

/** Turns what the SDK threw into a classified {@link TwilioSendException}. */
public final class SendFailures {

    private SendFailures() {}

    public static TwilioSendException fromSdk(Throwable thrown) {
        if (thrown instanceof TwilioTransportException transport) {
            SendErrorClass errorClass =
                    transport.requestMayHaveBeenSent() ? SendErrorClass.UNKNOWN_OUTCOME : SendErrorClass.TRANSIENT;
            return new TwilioSendException(
                    SendFailure.withoutProviderCode(errorClass, transport.getMessage()), null, false, transport);
        }
        if (thrown instanceof ApiException api) {
            Integer code = api.getCode();
            Integer status = api.getStatusCode();
            SendErrorClass errorClass = TwilioErrorCodes.classifyApiError(code, status);
            String message = api.getMessage() == null || api.getMessage().isBlank()
                    ? "Twilio refused the message" + (status == null ? "" : " (HTTP " + status + ")")
                    : api.getMessage();
            SendFailure failure = code == null
                    ? SendFailure.withoutProviderCode(errorClass, message)
                    : errorClass == SendErrorClass.RECIPIENT_PERMANENT && TwilioErrorCodes.notOnChannel(code)
                            ? SendFailure.notOnChannel(String.valueOf(code), message)
                            : SendFailure.of(errorClass, String.valueOf(code), message);
            Optional<Duration> retryAfter = TwilioErrorCodes.retryAfter(code);
            if (errorClass == SendErrorClass.RATE_LIMITED) {
                failure = failure.withRetryAfter(retryAfter.orElse(Duration.ofSeconds(1)));
            }
            boolean optedOut = code != null && code == TwilioErrorCodes.OPTED_OUT;
            return new TwilioSendException(failure, status, optedOut, api);
        }
        // An SDK bug or an unexpected runtime error after the request may have left.
        return new TwilioSendException(
                SendFailure.withoutProviderCode(
                        SendErrorClass.UNKNOWN_OUTCOME, "unexpected failure while sending: " + thrown),
                null,
                false,
                thrown);
    }

    public static TwilioSendException invalidMessage(String reason) {
        return new TwilioSendException(
                SendFailure.withoutProviderCode(SendErrorClass.CONTENT_PERMANENT, reason), null, false, null);
    }

    public static TwilioSendException notSent(SendErrorClass errorClass, String reason, Duration retryAfter) {
        SendFailure failure = SendFailure.withoutProviderCode(errorClass, reason);
        return new TwilioSendException(
                retryAfter == null ? failure : failure.withRetryAfter(retryAfter), null, false, null);
    }
}
