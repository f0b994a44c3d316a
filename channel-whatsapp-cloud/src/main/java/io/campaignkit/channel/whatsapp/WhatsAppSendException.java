package io.campaignkit.channel.whatsapp;

import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.SendFailure;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A failed send with the WhatsApp details the engine does not need but operators do: the HTTP status
 * (when a response came) and a stable error code ({@code whatsapp.*} for failures with no Meta code,
 * Meta's code otherwise).
 */
public final class WhatsAppSendException extends ChannelSendException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int httpStatus;

    public WhatsAppSendException(SendFailure failure, String errorCode, int httpStatus, @Nullable Throwable cause) {
        super(failure, cause);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    /** @return Meta's code (such as {@code 131026}) or a CampaignKit code such as {@code whatsapp.timeout_after_send} */
    public String errorCode() {
        return errorCode;
    }

    /** @return the HTTP status of Meta's answer, or empty when no answer came */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
