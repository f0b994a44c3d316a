package io.campaignkit.channel.whatsapp.internal;

import java.time.Duration;

/** The result of one send call, classified, before mapping to the SPI's receipt or error. */
public sealed interface SendOutcome {

    record Sent(String messageId, String waId, String messageStatus) implements SendOutcome {}

    /**
     * @param kind        the class that decides what the engine does next
     * @param metaCode    Meta's error code as a string, or a CampaignKit code for transport failures
     * @param retryAfter  how long to wait before trying again; {@code null} when no hint
     * @param description human text: HTTP status, Meta's message, details, fbtrace_id (never the token)
     * @param httpStatus  the HTTP status, or 0 when no response arrived
     */
    record Failed(ErrorKind kind, String metaCode, Duration retryAfter, String description, int httpStatus)
            implements SendOutcome {}
}
