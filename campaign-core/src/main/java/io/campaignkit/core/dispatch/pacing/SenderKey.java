package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.requireNonBlank;

/**
 * One sender of one channel: the unit a provider's rate limit applies to, shared by every
 * campaign that sends from it.
 *
 * @param channelType the adapter's channel type, such as {@code whatsapp-cloud}; not blank
 * @param senderId    the sender within that channel (a WhatsApp phone-number id, a Twilio number
 *                    or messaging service); not blank
 */
public record SenderKey(String channelType, String senderId) {

    /** Validates. */
    public SenderKey {
        requireNonBlank(channelType, "channelType");
        requireNonBlank(senderId, "senderId");
    }
}
