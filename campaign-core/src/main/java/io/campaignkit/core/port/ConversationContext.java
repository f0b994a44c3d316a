package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.internal.Arguments;

/**
 * What a {@link BotFlow} knows about the conversation it answers: which campaign it belongs to,
 * the contact (with the custom data imported for this campaign) and the channel it runs on.
 *
 * @param conversationId the conversation's id, stable for its life
 * @param campaignId the campaign that opened the conversation
 * @param kind whether the campaign is LIVE or TEST (a bot may skip side effects in tests)
 * @param botFlowId the campaign's bot flow id
 * @param channel the channel and sender the conversation runs on
 * @param contact the contact, with its name, tags and custom data
 */
public record ConversationContext(
        String conversationId,
        CampaignId campaignId,
        CampaignKind kind,
        String botFlowId,
        SenderKey channel,
        Contact contact) {

    public ConversationContext {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonBlank(botFlowId, "botFlowId");
        Arguments.requireNonNull(channel, "channel");
        Arguments.requireNonNull(contact, "contact");
    }

    /** The contact's custom data, as the campaign's schema typed it. */
    public CustomData customData() {
        return contact.customData();
    }
}
