package io.campaignkit.channel.whatsapp.internal;

/** What a send call answered: accepted with a message id, rejected with an error, or unreadable. */
public sealed interface GraphSendResponse {

    /**
     * Meta accepted the message (HTTP 2xx with a message id).
     *
     * @param messageId     the wamid that status webhooks and reply contexts refer to
     * @param waId          the recipient's WhatsApp id as Meta resolved it; may be {@code null}
     * @param messageStatus {@code accepted}, {@code held_for_quality_assessment}, or {@code null} when absent
     */
    record Accepted(String messageId, String waId, String messageStatus) implements GraphSendResponse {}

    /** Meta (or something in front of it) refused the request. */
    record Rejected(GraphError error) implements GraphSendResponse {}

    /**
     * A 2xx whose body has no message id: the message may or may not have been accepted.
     *
     * @param httpStatus the status received
     * @param reason     why the body could not be read
     */
    record Unreadable(int httpStatus, String reason) implements GraphSendResponse {}
}
