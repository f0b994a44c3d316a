package io.campaignkit.channel.twilio;

import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.SendFailure;
import java.util.Optional;

/**
 * A failed Twilio send. The engine reads {@link #failure()}; this subclass adds what Twilio said
 * beyond it: the HTTP status, and whether the recipient has opted out (Twilio error 21610, the
 * recipient replied STOP), which a host should treat like an opt-out event for this sender.
 */
public final class TwilioSendException extends ChannelSendException {

    private static final long serialVersionUID = 1L;

    private final Integer httpStatus;
    private final boolean recipientOptedOut;

    /**
     * @param failure           the classified failure, not null
     * @param httpStatus        the HTTP status Twilio answered, or null when there was no answer
     * @param recipientOptedOut whether Twilio refused because the recipient opted out
     * @param cause             the underlying exception, may be null
     */
    public TwilioSendException(SendFailure failure, Integer httpStatus, boolean recipientOptedOut, Throwable cause) {
        super(failure, cause);
        this.httpStatus = httpStatus;
        this.recipientOptedOut = recipientOptedOut;
    }

    /** @return the HTTP status of Twilio's answer, empty when none came */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** @return true when Twilio refused because the recipient replied STOP (error 21610) */
    public boolean recipientOptedOut() {
        return recipientOptedOut;
    }
}
