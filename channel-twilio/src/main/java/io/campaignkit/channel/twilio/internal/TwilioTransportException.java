package io.campaignkit.channel.twilio.internal;

import com.twilio.exception.ApiConnectionException;

/**
 * A request to the Twilio API failed below HTTP. It extends the SDK's connection exception so it
 * travels unchanged through {@code MessageCreator.create(client)}, and it records whether the
 * request may have reached Twilio: only a request that never left can be retried safely.
 */
public final class TwilioTransportException extends ApiConnectionException {

    private final boolean requestMayHaveBeenSent;

    public TwilioTransportException(String message, boolean requestMayHaveBeenSent, Throwable cause) {
        super(message, cause);
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /** True when the request may have reached Twilio (the outcome is unknown). */
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }
}
