package io.campaignkit.core.engine;

import io.campaignkit.core.CampaignKitException;

/**
 * A bot tried to send free-form text outside the channel's customer-service window (WhatsApp: 24
 * hours after the contact's last message), or in a closed conversation ({@value #CONVERSATION_CLOSED}).
 */
public final class ReplyWindowClosedException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    public static final String CUSTOMER_SERVICE_WINDOW_CLOSED = "CUSTOMER_SERVICE_WINDOW_CLOSED";
    public static final String CONVERSATION_CLOSED = "CONVERSATION_CLOSED";

    public ReplyWindowClosedException(String code, String message) {
        super(code, message);
    }
}
