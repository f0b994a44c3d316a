package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;

/**
 * Which channel adapter a campaign sends through and from which sender: a WhatsApp phone-number
 * id, a Twilio number or messaging service.
 *
 * @param channelTypeId the adapter's type id, such as {@code whatsapp-cloud} or {@code twilio}
 * @param senderId the sender at that provider
 */
public record ChannelBinding(String channelTypeId, String senderId) {

    public ChannelBinding {
        Arguments.requireNonBlank(channelTypeId, "channelTypeId");
        Arguments.requireNonBlank(senderId, "senderId");
        channelTypeId = channelTypeId.strip();
        senderId = senderId.strip();
    }

    public static ChannelBinding of(String channelTypeId, String senderId) {
        return new ChannelBinding(channelTypeId, senderId);
    }
}
