package io.campaignkit.core.campaign;

import static io.campaignkit.core.internal.Arguments.requireNonBlank;

/**
 * One sender of one channel: which channel adapter a campaign sends through and from which
 * sender at that provider. It is also the unit a provider's rate limit and contact exclusivity
 * apply to, shared by every campaign that sends from it.
 *
 * @param channelType the adapter's channel type, such as {@code whatsapp-cloud} or {@code twilio};
 *                    not blank, surrounding blanks removed
 * @param senderId    the sender within that channel (a WhatsApp phone-number id, a Twilio number
 *                    or messaging service); not blank, surrounding blanks removed
 */
public record SenderKey(String channelType, String senderId) {

    /** Validates and strips both parts. */
    public SenderKey {
        requireNonBlank(channelType, "channelType");
        requireNonBlank(senderId, "senderId");
        channelType = channelType.strip();
        senderId = senderId.strip();
    }

    /** Same as the constructor; reads better in builders. */
    public static SenderKey of(String channelType, String senderId) {
        return new SenderKey(channelType, senderId);
    }
}
